// End to end in real Chromium and Firefox: the popup keeps everything in reach. Articles go in through the
// background's capture handler (short synthetic ones, a fifth in Arabic), a highlight is made with the floating button
// on a page that matches no topic. The popup pages through every article of a topic, newest first, and comes back to
// the same place; `/` then an Arabic word finds it written with a clitic; the highlight from the page in no topic is
// listed; a topic's articles are deleted or kept under No topic as the reader chooses in the options page, and a topic
// created again takes its kept articles back. The same flows at 10,000 articles are timed by `npm run bench:popup`.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  ask,
  deleteTopicInOptions,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  searchIndexSettled,
  selectText,
  sendFromPage,
  serveDirectory,
  setTopics,
  visit,
} from '../../scripts/harness.mjs';

// A topic of 100 articles takes four of the popup's pages (a first one of 10, then pages of 30).
const ARTICLES = 200;
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const NO_TOPIC_PAGE = 'extract/article--harbour-gazette--furniture.html';
const NO_TOPIC_PASSAGE = 'voted on Tuesday to end a nine-day strike';
const TOPICS = [
  { id: 'ukraine', name: 'Ukraine', query: 'Ukraine OR أوكرانيا' },
  { id: 'energy', name: 'Energy', query: 'energy' },
  { id: 'gaza', name: 'Gaza', query: 'Gaza OR غزة' },
  { id: 'shipping', name: 'Shipping', query: 'Zanzibar' },
];
const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 1);

const FILLER_EN = ['officials', 'said', 'the', 'plan', 'would', 'change', 'prices', 'talks', 'resumed', 'today'];
const FILLER_AR = ['قال', 'مسؤولون', 'إن', 'الخطة', 'ستتغير', 'الأسعار', 'المحادثات', 'استؤنفت', 'اليوم'];

/** The topic of article k: every other one is on Ukraine, then energy, Gaza and shipping in turn. */
function topicOf(k) {
  return k % 2 === 0 ? TOPICS[0] : TOPICS[1 + (((k - 1) / 2) % 3)];
}

/** Article k, published k hours before START (so newest first is k ascending); every fifth is in Arabic. */
function articleFor(origin, k) {
  const topic = topicOf(k);
  const arabic = k % 5 === 0;
  const words = arabic ? FILLER_AR : FILLER_EN;
  const word = arabic
    ? { ukraine: 'أوكرانيا', energy: 'energy', gaza: 'غزة', shipping: 'Zanzibar' }[topic.id]
    : { ukraine: 'Ukraine', energy: 'Energy', gaza: 'Gaza', shipping: 'Zanzibar' }[topic.id];
  // Arabic leads write the name with a clitic (لأوكرانيا): search must still find it under its plain form.
  const lead = arabic ? `وقال الوزير إن الدعم ل${word} مستمر.` : `${word} officials said talks resumed.`;
  const filler = Array.from({ length: 60 }, (_, i) => words[(k + i * 7) % words.length]).join(' ');
  // On the feeder's own site (the background refuses captures of another page), in 20 sections.
  const url = `${origin}/news${k % 20}/story-${k}`;
  return {
    article: {
      url,
      pageUrl: url,
      // Arabic titles leave the name out: search must find it in the text, where it carries a clitic.
      title: arabic ? `تقرير ${k}` : `${word} report ${k}`,
      dir: arabic ? 'rtl' : 'ltr',
      lang: arabic ? 'ar' : 'en',
      excerpt: lead,
      text: `${lead}\n\n${filler}.\n\n${filler}.`,
      publishedAt: new Date(START - k * HOUR).toISOString(),
    },
    matches: [{ topicId: topic.id, score: 1, mentions: 1, hits: [] }],
  };
}

const UKRAINE = Array.from({ length: ARTICLES }, (_, k) => k).filter((k) => topicOf(k).id === 'ukraine');

// Functions that run in a page (each is sent with its own source, so none calls another).
const highlightButton = () =>
  document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])') ?? null;
const highlightButtonHidden = () =>
  !document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])');
const scrollTop = () => document.querySelector('.bw-popup').scrollTop;
/** The number at the end of each article's title, in order (each article has its line in its story, named by its
 * Delete button). */
const cardNumbers = () =>
  [...document.querySelectorAll('.article-card button.delete-article')].map((b) =>
    Number(b.getAttribute('aria-label').match(/(\d+)”$/)?.[1]),
  );

for (const name of e2eBrowsers()) {
  describe(`the popup keeps everything in reach, in ${name}`, () => inReach(name));
}

function inReach(name) {
  let server;
  let browser;
  let control;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await serveDirectory(join(ROOT, 'tests', 'fixtures'));
    browser = await launchWithExtension({ browser: name });
    await setTopics(browser, TOPICS);
    control = await extensionPage(browser);
    const feeder = await browser.open(`${server.origin}/pages/front--world-news-daily--world-section.html`);
    const batch = Array.from({ length: ARTICLES }, (_, k) => ({
      type: 'capture:save',
      payload: articleFor(server.origin, k),
    }));
    const replies = await sendFromPage(browser, feeder, batch);
    const failed = replies.filter((r) => !r?.ok);
    assert.equal(failed.length, 0, `captures failed: ${failed[0]?.error}`);
    await feeder.close();

    // A highlight made as a reader would, on a page that matches none of the topics.
    const page = await visit(browser, `${server.origin}/${NO_TOPIC_PAGE}`);
    await selectText(page, 'body', NO_TOPIC_PASSAGE);
    await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
    await page.waitFor(highlightButtonHidden, undefined, { what: 'the Highlight button to hide after the press' });
    for (let i = 0; (await ask(control, 'digest:overview')).highlights < 1; i++) {
      assert.ok(i < 100, 'the highlight was stored');
      await new Promise((r) => setTimeout(r, 200));
    }
    await searchIndexSettled(control, { timeoutMs: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPopup() {
    const popup = await extensionPage(browser);
    await popup.setViewport({ width: 420, height: 600 });
    // In front: the list asks for its next page when its end scrolls into view, which needs the tab rendered.
    await popup.raw.bringToFront();
    await popup.waitFor(() => !!document.querySelector('.topic-row[data-topic-id="ukraine"]'), undefined, {
      what: 'the topic list',
    });
    return popup;
  }

  test('opens with counts and pages through every article of a topic, newest first, keeping the place', async () => {
    const popup = await openPopup();
    const counts = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('.topic-row[data-topic-id]')].map((row) => [
          row.dataset.topicId,
          row.querySelector('.count').textContent,
        ]),
      ),
    );
    const expected = Object.fromEntries(TOPICS.map(({ id }) => [id, 0]));
    for (let k = 0; k < ARTICLES; k++) expected[topicOf(k).id]++;
    assert.deepEqual(counts, Object.fromEntries(Object.entries(expected).map(([id, n]) => [id, String(n)])));

    await popup.click('.topic-row[data-topic-id="ukraine"]');
    await popup.waitFor(() => !!document.querySelector('.article-card'), undefined, { what: 'the first cards' });
    for (let i = 0; ; i++) {
      const shown = await popup.evaluate(() => {
        const main = document.querySelector('.bw-popup');
        main.scrollTop = main.scrollHeight;
        return {
          cards: document.querySelectorAll('.article-card').length,
          more: !!document.querySelector('.load-more'),
        };
      });
      if (!shown.more) break;
      assert.ok(i < 100, `scrolled to ${shown.cards} cards only`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Every article once, the last page included, in stories most recently reported first.
    const numbers = await popup.evaluate(cardNumbers);
    assert.deepEqual(
      [...numbers].sort((a, b) => a - b),
      UKRAINE,
    );
    assert.equal(numbers[0], 0, 'the newest article comes first');
    await popup.evaluate(() => document.querySelectorAll('.article-card')[69].scrollIntoView());
    const place = await popup.evaluate(scrollTop);
    assert.ok(place > 0);
    await popup.screenshot(join(ARTIFACTS, `popup-paged-${name}.png`));

    await popup.clickWhere(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent === '← All topics'),
      undefined,
      { what: 'the way back' },
    );
    await popup.click('.topic-row[data-topic-id="ukraine"]');
    await popup.waitFor(() => !!document.querySelector('.article-card'), undefined, { what: 'the cards again' });
    assert.equal(await popup.evaluate(scrollTop), place, 'back where it was');
    assert.equal((await popup.evaluate(cardNumbers)).length, UKRAINE.length, 'the pages read stay');
    await popup.close();
  });

  test('finds an Arabic word written with a clitic; / focuses search', async () => {
    const popup = await openPopup();
    await popup.raw.keyboard.press('/');
    assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    await popup.raw.keyboard.type('أوكرانيا');
    await popup.waitFor(() => !!document.querySelector('.search-results[data-query="أوكرانيا"] mark'), undefined, {
      what: 'search results',
    });
    const found = await popup.evaluate(() => {
      const results = document.querySelector('.search-results');
      return {
        group: results.querySelector('.search-group h2').textContent,
        marks: [...results.querySelectorAll('mark')].map((m) => m.textContent),
      };
    });
    assert.equal(found.group, 'Ukraine');
    assert.ok(
      found.marks.every((m) => m.includes('أوكرانيا')),
      `marked: ${found.marks.join(', ')}`,
    );
    assert.ok(found.marks.includes('لأوكرانيا'), 'the match is shown with its clitic, in context');
    await popup.screenshot(join(ARTIFACTS, `popup-search-arabic-${name}.png`));
    await popup.close();
  });

  test('lists the highlight from a page in no topic, and that page under No topic', async () => {
    const popup = await openPopup();
    await popup.click('[data-view="highlights"]');
    const entry = await popup.waitFor(
      () => {
        const first = document.querySelector('.highlight-entry');
        return first && [first.querySelector('blockquote').textContent, first.querySelector('.meta').textContent];
      },
      undefined,
      { what: 'the highlight entry' },
    );
    assert.equal(entry[0], NO_TOPIC_PASSAGE);
    assert.match(entry[1], /No topic/);
    await popup.clickWhere(
      () => [...document.querySelectorAll('button')].find((b) => b.textContent === '← All topics'),
      undefined,
      { what: 'the way back' },
    );
    await popup.click('[data-view="no-topic"]');
    await popup.waitFor(
      () => [...document.querySelectorAll('.story-headline')].some((h) => h.textContent.includes('Port strike ends')),
      undefined,
      { what: 'the no-topic article' },
    );
    await popup.close();
  });

  test('deletes or keeps a topic’s articles as the reader chooses; a topic created again takes them back', async () => {
    const before = await ask(control, 'digest:overview');
    const energy = before.topics.find((t) => t.id === 'energy').count;
    const gaza = before.topics.find((t) => t.id === 'gaza').count;
    const options = await extensionPage(browser, 'options.html');
    await deleteTopicInOptions(options, { id: 'energy', name: 'Energy', count: energy, articles: 'keep' });
    let now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, before.noTopic + energy, 'kept under No topic');

    await deleteTopicInOptions(options, { id: 'gaza', name: 'Gaza', count: gaza, articles: 'delete' });
    now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, before.noTopic + energy, 'deleted, not kept');
    await searchIndexSettled(control, { timeoutMs: 60_000 });
    const search = await ask(control, 'search:query', { query: 'غزة ', limit: 10 });
    assert.equal(search.total, 0, 'deleted articles leave search');

    await options.fill('section[aria-label="Add a topic"] input[name="name"]', 'Energy');
    await options.fill('section[aria-label="Add a topic"] input[name="query"]', 'energy');
    await options.click('section[aria-label="Add a topic"] button[type="submit"]');
    for (let i = 0; ; i++) {
      now = await ask(control, 'digest:overview');
      if (now.topics.find((t) => t.name === 'Energy')?.count === energy) break;
      assert.ok(i < 100, 'the new Energy topic took its old articles back');
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.equal(now.noTopic, before.noTopic);
    await options.close();
  });
}
