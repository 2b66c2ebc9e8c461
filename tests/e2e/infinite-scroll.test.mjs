// End to end in real Chromium and Firefox: infinite-scroll pages in three publishing systems' markups, none of them
// <article>: a WordPress news theme's div.post (appended posts declare no address), Drupal's div.node[data-url] and a
// Next.js site's section[data-article-id] with generated class names. Stories are appended as the reader scrolls.
// Each story is captured once, under its own title, topic and address, its body never under another's title; a
// highlight in an appended story is filed under that story's record (the one identity the capture used).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  digestWhen,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  selectText,
  serveDirectory,
  setTopics,
  settledDigest,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');

// Each page: where the site serves it, its three stories (the page's own first) by topic keyword and title, what an
// appended story's stored address looks like, and a sentence of the last appended story to highlight.
const STYLES = [
  {
    name: 'WordPress news theme (div.post, appended posts without an address)',
    file: 'article--wordpress-news--infinite-scroll.html',
    path: '/2026/11/harbour-wall-approved/',
    stories: [
      ['harbour', 'Council approves the new harbour wall after a long night of debate'],
      ['ferry', 'Island ferry timetable cut to two crossings a day for the winter'],
      ['orchard', 'Volunteers replant the old apple orchard behind the railway station'],
    ],
    appendedUrl: /\/2026\/11\/harbour-wall-approved\/#article-[a-z0-9]+$/,
    passage: 'The orchard now has sixty young trees of eleven local varieties',
  },
  {
    name: 'Drupal (div.node[data-url])',
    file: 'article--drupal-news--infinite-scroll.html',
    path: '/node/4100',
    stories: [
      ['wildfire', 'Firefighters contain the wildfire on the northern ridge before it reaches the villages'],
      ['observatory', 'Mountain observatory reopens with a larger telescope after three years of work'],
      ['library', 'School opens a new library wing with room for evening classes'],
    ],
    appendedUrl: /\/node\/410[12]$/,
    passage: 'Pupils helped choose the furniture for the library',
  },
  {
    name: 'Next.js (section[data-article-id], generated class names)',
    file: 'article--nextjs-news--infinite-scroll.html',
    path: '/stories/a7301/glacier',
    stories: [
      ['glacier', 'Glacier survey finds the ice retreated forty metres in one summer'],
      ['vineyard', 'Hailstorm damages vineyards a week before the grape harvest'],
      ['tramway', 'Tramway extension to the hospital opens three months early'],
    ],
    appendedUrl: /\/stories\/a730[23]\/(vineyard|tramway)$/,
    passage: 'The new tramway line adds four stops',
  },
];

for (const name of e2eBrowsers()) {
  describe(`infinite scroll in three markups in ${name}`, () => infiniteScroll(name));
}

async function scrollToEnd(page, rounds = 12) {
  for (let i = 0; i < rounds; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const titles = (digest, id) => digest.find((d) => d.topic.id === id)?.articles.map((a) => a.title) ?? [];

// Runs in the extension: every stored article and highlight, read straight from IndexedDB.
const readStore = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('beatwatch');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['articles', 'highlights']);
      const articles = tx.objectStore('articles').getAll();
      const highlights = tx.objectStore('highlights').getAll();
      tx.oncomplete = () => {
        open.result.close();
        resolve({
          articles: articles.result.map(({ id, url, title, text }) => ({ id, url, title, text })),
          highlights: highlights.result.map(({ articleId, selectors }) => ({ articleId, exact: selectors[0].exact })),
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });

/** The floating Highlight button, while it shows (it lives in a shadow root). */
const highlightButton = () =>
  document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])') ?? null;

function infiniteScroll(name) {
  let server;
  let browser;
  let popup;

  before(async () => {
    server = await serveDirectory(PAGES);
    browser = await launchWithExtension({ browser: name });
    popup = await extensionPage(browser);
    const keywords = STYLES.flatMap((style) => style.stories.map(([keyword]) => keyword));
    await setTopics(
      browser,
      keywords.map((keyword) => ({ id: keyword, name: keyword, query: keyword })),
    );
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const style of STYLES) {
    test(`${style.name}: each appended story captured once under its own topic; a highlight in one joins it`, async () => {
      server.override(style.path, await readFile(join(PAGES, style.file), 'utf8'));
      const [own, ...appended] = style.stories;
      const page = await browser.open(`${server.origin}${style.path}`);

      // Captures happen in idle time after load: the page's own story first, alone until the reader scrolls.
      await digestWhen(popup, (d) => titles(d, own[0]).length > 0);
      let digest = await settledDigest(popup);
      for (const [keyword] of appended)
        assert.deepEqual(titles(digest, keyword), [], `${keyword}: not on the page yet`);

      await scrollToEnd(page);
      digest = await digestWhen(popup, (d) => appended.every(([keyword]) => titles(d, keyword).length > 0), {
        timeoutMs: 30000,
      });
      digest = await settledDigest(popup);
      for (const [keyword, title] of style.stories) {
        assert.deepEqual(titles(digest, keyword), [title], `${keyword}: its story and only it`);
        const under = digest.filter((d) => d.articles.some((a) => a.title === title)).map((d) => d.topic.id);
        assert.deepEqual(under, [keyword], `${title}: under its own topic only`);
      }

      const { articles } = await browser.inExtension(readStore);
      const keywords = style.stories.map(([keyword]) => keyword);
      const records = style.stories.map(([keyword, title]) => {
        const found = articles.filter((a) => a.title === title);
        assert.equal(found.length, 1, `${title}: stored once (found ${found.length})`);
        const [record] = found;
        // Never a body under another story's title: the text names its own keyword and no other story's.
        assert.ok(record.text.includes(keyword), `${title}: its own body`);
        for (const other of keywords.filter((k) => k !== keyword))
          assert.ok(!record.text.toLowerCase().includes(other), `${title}: no "${other}" from another story`);
        return record;
      });
      assert.equal(new Set(records.map((r) => r.url)).size, 3, 'three addresses');
      assert.equal(records[0].url, `${server.origin}${style.path}`, 'the page own story under the page address');
      for (const record of records.slice(1)) assert.match(record.url, style.appendedUrl, `${record.title}: address`);

      // The reader highlights a sentence of the last appended story: the highlight joins that story's record.
      await selectText(page, '#stream', style.passage);
      await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
      const deadline = Date.now() + 15000;
      let highlight;
      while (!highlight) {
        highlight = (await browser.inExtension(readStore)).highlights.find((h) => h.exact === style.passage);
        if (highlight) break;
        assert.ok(Date.now() < deadline, `the highlight of "${style.passage}" to be stored`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const last = records[2];
      assert.equal(
        highlight.articleId,
        last.id,
        `the highlight is filed under "${last.title}" (${last.url}), not ${JSON.stringify(
          records.find((r) => r.id === highlight.articleId)?.title ?? highlight.articleId,
        )}`,
      );
      const afterHighlight = await browser.inExtension(readStore);
      assert.equal(
        afterHighlight.articles.filter((a) => style.stories.some(([, title]) => title === a.title)).length,
        3,
        'highlighting stored no extra copy of a story',
      );
      await page.close();
    });
  }
}
