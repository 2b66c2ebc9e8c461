// End to end in Chromium at the scale of a year of reading (issue 12): 50 topics, 10,000 articles (one topic of
// 1,000, a fifth in Arabic), 50 pages in no topic, 2,000 highlights. The profile (scripts/year-profile.mjs) is
// written as a backup file and restored through the options page's Your data section, the reader's own way in (10,000
// captures would take half an hour). Then, as a reader: the popup opens with every topic's count, scrolls to the
// 1,000th article of the big topic, finds an Arabic word written with two clitics, lists a highlight from a page in no
// topic in the Highlights view, and deleting topics keeps or deletes their articles as chosen. Phase times are printed.
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ask,
  deleteTopicInOptions,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  searchIndexSettled,
} from '../../scripts/harness.mjs';
import {
  ARTICLES,
  BIG_TOPIC_ARTICLES,
  CLITIC_ARTICLE,
  CLITIC_FORM,
  CLITIC_WORD,
  HIGHLIGHTS,
  NO_TOPIC_PAGES,
  NO_TOPIC_TARGET,
  articleTitle,
  noTopicTitle,
  writeYearBackup,
} from '../../scripts/year-profile.mjs';

const phases = [];
let phaseStart = performance.now();
/** Records how long the phase since the last one took (printed at the end). */
const phase = (name) => {
  const now = performance.now();
  phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
};

const scrollTop = () => document.querySelector('.bw-popup').scrollTop;

/** Scrolls the popup's list to its end until `found(arg)` is truthy (its value is returned) or nothing more loads. */
async function scrollUntil(popup, found, arg, what) {
  for (let i = 0; ; i++) {
    const value = await popup.evaluate(found, arg);
    if (value) return value;
    const more = await popup.evaluate(() => {
      const main = document.querySelector('.bw-popup');
      main.scrollTop = main.scrollHeight;
      return !!document.querySelector('.load-more');
    });
    // The last page may have been drawn between the two looks: then it is there now.
    if (!more) {
      const last = await popup.evaluate(found, arg);
      assert.ok(last, `${what}: the list ended without it`);
      return last;
    }
    assert.ok(i < 2000, `${what}: still not shown`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Chromium only: the restore of a year is measured there (bench:backup); Firefox runs the same flows at 200
// articles in popup-scale.test.mjs.
const browsers = e2eBrowsers().filter((name) => name === 'chromium');
for (const name of browsers) describe('a year of reading, in chromium', () => yearOfReading(name));

function yearOfReading(name) {
  let browser;
  let control;
  let dir;
  let profile;

  before(async () => {
    phaseStart = performance.now();
    browser = await launchWithExtension({ browser: name });
    control = await extensionPage(browser);
    // The records are written in the shapes of the database this build opens.
    await ask(control, 'digest:overview');
    const dbVersion = await browser.inExtension(
      async () => (await indexedDB.databases()).find((d) => d.name === 'beatwatch').version,
    );
    phase('launch');
    dir = await mkdtemp(join(tmpdir(), 'beatwatch-year-'));
    const file = join(dir, 'beatwatch-backup-year.json');
    profile = await writeYearBackup(file, { dbVersion });
    phase(`backup file written (${((await stat(file)).size / 1e6).toFixed(1)} MB)`);

    const options = await extensionPage(browser, 'options.html');
    await options.raw.setInputFiles('input[aria-label="Backup file to restore"]', file);
    const summary = await options.waitFor(
      () =>
        document.querySelector('[role="alert"]')?.textContent ??
        (document.querySelector('[aria-label="Restore summary"]') &&
          [...document.querySelectorAll('[aria-label="Restore summary"] tbody tr')].map((tr) =>
            [...tr.children].map((cell) => cell.textContent),
          )),
      undefined,
      { what: 'the restore summary', timeout: 300_000 },
    );
    // In the file, new, already here.
    const n = (x) => x.toLocaleString('en');
    assert.deepEqual(summary, [
      ['Topics', '50', '50', '0'],
      ['Articles', n(ARTICLES + NO_TOPIC_PAGES), n(ARTICLES + NO_TOPIC_PAGES), '0'],
      ['Highlights', n(HIGHLIGHTS), n(HIGHLIGHTS), '0'],
    ]);
    phase('restore read and staged');
    await options.click('[aria-label="Restore summary"] button');
    const said = await options.waitFor(
      () =>
        document.querySelector('[role="alert"]')?.textContent ??
        [...document.querySelectorAll('[role="status"]')].find((el) => el.textContent.includes('Restored:'))
          ?.textContent,
      undefined,
      { what: 'the restore to be committed', timeout: 300_000 },
    );
    assert.match(said, /^Restored:/);
    await options.close();
    phase('restore committed');
    // Search indexes the restored records meanwhile: only the search test waits for it.
  });

  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.log(`year of reading, phases: ${phases.join('; ')}`);
  });

  async function openPopup(topicCount = 50) {
    const popup = await extensionPage(browser);
    await popup.setViewport({ width: 420, height: 600 });
    // In front: the list asks for its next page when its end scrolls into view, which needs the tab rendered.
    await popup.raw.bringToFront();
    await popup.waitFor((n) => document.querySelectorAll('.topic-row[data-topic-id]').length === n, topicCount, {
      what: 'the topic list',
      timeout: 30_000,
    });
    return popup;
  }

  test('opens with every count and scrolls to the 1,000th article of a topic', async () => {
    const popup = await openPopup();
    phase('popup opened');
    const counts = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('.topic-row[data-topic-id]')].map((row) => [
          row.dataset.topicId,
          Number(row.querySelector('.count').textContent.replace(/\D/g, '')),
        ]),
      ),
    );
    const expected = Object.fromEntries(profile.topics.map((t) => [t.id, 0]));
    for (const article of profile.articles) for (const id of article.topicIds) expected[id]++;
    assert.deepEqual(counts, expected);
    const big = profile.topics[0];
    assert.equal(counts[big.id], BIG_TOPIC_ARTICLES);

    await popup.click(`.topic-row[data-topic-id="${big.id}"]`);
    await popup.waitFor(() => !!document.querySelector('.article-card'), undefined, { what: 'the first cards' });
    // The big topic's 1,000th article, newest first, is the oldest: article 9,990.
    const last = articleTitle(profile.topics, (BIG_TOPIC_ARTICLES - 1) * (ARTICLES / BIG_TOPIC_ARTICLES));
    const shown = await scrollUntil(
      popup,
      (title) => {
        const card = [...document.querySelectorAll('.article-card button.delete-article')]
          .find((b) => b.getAttribute('aria-label') === `Delete “${title}”`)
          ?.closest('.article-card');
        if (!card) return null;
        card.scrollIntoView();
        const box = card.getBoundingClientRect();
        return {
          cards: document.querySelectorAll('.article-card').length,
          inView: box.top >= 0 && box.bottom <= innerHeight,
        };
      },
      last,
      `the article “${last}”`,
    );
    assert.ok(shown.inView, 'the 1,000th article is in view');
    assert.ok(!(await popup.evaluate(() => !!document.querySelector('.load-more'))), 'nothing more to load');
    const place = await popup.evaluate(scrollTop);
    phase(`scrolled to the 1,000th article (${shown.cards} cards)`);

    await popup.clickWhere(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent === '← All topics'),
      undefined,
      { what: 'the way back' },
    );
    await popup.click(`.topic-row[data-topic-id="${big.id}"]`);
    await popup.waitFor(() => !!document.querySelector('.article-card'), undefined, { what: 'the cards again' });
    assert.equal(await popup.evaluate(scrollTop), place, 'back where it was');
    await popup.close();
    phase('back to the same place');
  });

  test('lists a highlight from a page in no topic in the Highlights view', async () => {
    const target = profile.highlights[NO_TOPIC_TARGET];
    assert.ok(target.onNoTopicPage);
    const popup = await openPopup();
    await popup.click('[data-view="highlights"]');
    await popup.waitFor(() => !!document.querySelector('.highlight-entry'), undefined, { what: 'the highlights' });
    const entry = await scrollUntil(
      popup,
      (id) => {
        const li = document.querySelector(`[data-highlight-entry="${id}"]`);
        if (!li) return null;
        li.scrollIntoView();
        return {
          position: [...document.querySelectorAll('.highlight-entry')].indexOf(li),
          quote: li.querySelector('blockquote').textContent,
          meta: li.querySelector('.meta').textContent,
          text: li.textContent,
        };
      },
      target.id,
      'the highlight from a page in no topic',
    );
    assert.equal(entry.position, HIGHLIGHTS - 1 - NO_TOPIC_TARGET, 'newest first');
    assert.equal(entry.quote, target.exact);
    assert.match(entry.meta, /No topic/);
    const page = profile.noTopicPages.findIndex((p) => p.url === target.pageUrl);
    assert.ok(entry.meta.includes(noTopicTitle(page)), `on its page: ${entry.meta}`);
    assert.ok(entry.text.includes(target.note), 'with its note');
    await popup.close();
    phase(`highlight from a page in no topic (${HIGHLIGHTS - NO_TOPIC_TARGET}th newest)`);
  });

  test('finds an Arabic word written with two clitics', async () => {
    await searchIndexSettled(control, { timeoutMs: 600_000 });
    phase('search index settled');
    const popup = await openPopup();
    await popup.raw.keyboard.press('/');
    await popup.raw.keyboard.type(CLITIC_WORD);
    await popup.waitFor((q) => !!document.querySelector(`.search-results[data-query="${q}"] mark`), CLITIC_WORD, {
      what: 'search results',
      timeout: 30_000,
    });
    const found = await popup.evaluate(() => {
      const results = document.querySelector('.search-results');
      return {
        groups: [...results.querySelectorAll('.search-group h2')].map((h) => h.textContent),
        text: results.textContent,
        marks: [...results.querySelectorAll('mark')].map((m) => m.textContent),
      };
    });
    const [topic] = profile.articles[CLITIC_ARTICLE].topicIds.map((id) => profile.topics.find((t) => t.id === id));
    assert.deepEqual(found.groups, [topic.name], 'one article, in its topic');
    assert.ok(found.text.includes(articleTitle(profile.topics, CLITIC_ARTICLE)), 'the article is found by its title');
    assert.ok(found.marks.includes(CLITIC_FORM), `marked as written: ${found.marks.join(', ')}`);
    await popup.close();
    phase('Arabic search');
  });

  test('deleting topics keeps their articles under No topic or deletes them, as the reader chooses', async () => {
    const before = await ask(control, 'digest:overview');
    assert.equal(before.noTopic, NO_TOPIC_PAGES);
    const [kept, deleted] = [profile.topics[1], profile.topics[2]];
    const only = (topic) => profile.articles.filter((a) => a.topicIds.length === 1 && a.topicIds[0] === topic.id);
    const options = await extensionPage(browser, 'options.html');
    const count = (id) => before.topics.find((t) => t.id === id).count;

    await deleteTopicInOptions(options, { ...kept, count: count(kept.id), articles: 'keep' });
    let now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, NO_TOPIC_PAGES + only(kept).length, 'its articles in no other topic are kept');
    phase('topic deleted, articles kept');

    await deleteTopicInOptions(options, { ...deleted, count: count(deleted.id), articles: 'delete' });
    now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, NO_TOPIC_PAGES + only(kept).length, 'deleted, not kept');
    assert.deepEqual(
      now.topics.map((t) => t.id).sort(),
      profile.topics
        .map((t) => t.id)
        .filter((id) => id !== kept.id && id !== deleted.id)
        .sort(),
    );
    await options.close();
    const stored = await browser.inExtension(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('beatwatch');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('articles').objectStore('articles').getAllKeys();
            request.onsuccess = () => (resolve(request.result), open.result.close());
            request.onerror = () => reject(request.error);
          };
        }),
    );
    const ids = new Set(stored);
    assert.equal(ids.size, ARTICLES + NO_TOPIC_PAGES - only(deleted).length);
    assert.ok(
      only(deleted).every((a) => !ids.has(a.id)),
      'the deleted topic’s articles are gone',
    );
    assert.ok(
      only(kept).every((a) => ids.has(a.id)),
      'the kept topic’s articles are still stored',
    );
    phase('topic and its articles deleted');

    // The kept articles are listed under No topic, in the popup.
    const popup = await openPopup(48);
    await popup.click('[data-view="no-topic"]');
    await popup.waitFor(() => !!document.querySelector('.article-card'), undefined, { what: 'the no-topic list' });
    const oldestKept = only(kept).at(-1);
    const title = articleTitle(profile.topics, profile.articles.indexOf(oldestKept));
    await scrollUntil(
      popup,
      (t) =>
        [...document.querySelectorAll('.article-card button.delete-article')].some(
          (b) => b.getAttribute('aria-label') === `Delete “${t}”`,
        ),
      title,
      `the kept article “${title}” under No topic`,
    );
    await popup.close();
    phase('kept articles listed under No topic');
  });
}
