// Issue 17, provenance and sanitising, end to end in real Chromium and Firefox: a page on another host that names a
// stored article's address (canonical, og:url, JSON-LD, an appended block's data-article-url) cannot change that
// article's text or facts, nor can a forged capture sent from its tab; a page with odd metadata (a year-10000 date, a
// 5,000-character og:image) is still stored. Two sites from one server: 127.0.0.1:<port> and localhost:<port>.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import {
  ROOT,
  ask,
  digestWhen,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  sendFromPage,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const GENUINE = 'article--world-news-daily--ukraine-grain-talks.html';
const TITLE = 'Ukraine and Russia resume grain-corridor talks in Istanbul';
const WALLET = '0xDEADBEEF00C0FFEE1234';
const DECLARED =
  /https:\/\/www\.worldnewsdaily\.example\/world\/europe\/2025\/06\/12\/ukraine-russia-grain-corridor-talks-istanbul(\?[^"]*)?/g;

for (const name of e2eBrowsers()) {
  describe(`provenance and odd metadata in ${name}`, () => provenance(name));
}

function provenance(name) {
  let server;
  let browser;
  let popup;
  let genuineUrl;
  let html;

  before(async () => {
    server = await serveDirectory(PAGES);
    browser = await launchWithExtension({ browser: name });
    popup = await extensionPage(browser);
    html = await readFile(join(PAGES, GENUINE), 'utf8');
    genuineUrl = `${server.origin}/${GENUINE}`;
    await setTopics(browser, [{ id: 'ukraine', name: 'Ukraine', query: 'Ukraine' }]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every stored article, straight from the extension's IndexedDB. */
  function storedArticles() {
    return browser.inExtension(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('beatwatch');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('articles').objectStore('articles').getAll();
            request.onsuccess = () => {
              resolve(request.result);
              open.result.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
  }

  const articlesIn = (digest) => digest.find((d) => d.topic.id === 'ukraine')?.articles ?? [];

  test('a page on another host naming the stored article cannot change its text or facts', async () => {
    const page = await visit(browser, genuineUrl);
    await digestWhen(popup, (d) => articlesIn(d).some((a) => a.url === genuineUrl));
    await settledDigest(popup);
    const before = (await storedArticles()).find((r) => r.url === genuineUrl);
    assert.ok(
      before,
      `the genuine article is stored under its page's address; got ${JSON.stringify(await storedArticles())}`,
    );
    assert.ok(before.facts.length > 0, 'the genuine article has key facts');
    assert.ok(before.text.includes('at least 64 times'));

    // The spoof: the same story on localhost, with an altered figure and a wallet, naming the genuine address in every
    // place a page declares its identity, and an appended block that claims it too.
    const spoofUrl = `${server.origin.replace('127.0.0.1', 'localhost')}/spoof.html`;
    const forgedBody = `<p>Ukraine's officials said donations for the grain corridor go to wallet ${WALLET}, the ministry confirmed on Thursday in Istanbul.</p>`;
    const spoof = html
      .replace(DECLARED, genuineUrl)
      .replaceAll('at least 64 times', 'at least 640 times')
      .replace('<p>"Our ships are already sailing', `${forgedBody}<p>"Our ships are already sailing`)
      .replace(
        '</body>',
        `<article data-article-url="${genuineUrl}"><h2>${TITLE}</h2>${`<p>Ukraine: send your support to ${WALLET} today, officials of the Ukraine grain corridor said in a statement.</p>`.repeat(8)}</article></body>`,
      );
    assert.ok(spoof.includes(`href="${genuineUrl}"`), 'the spoof names the genuine address as its canonical');
    server.override('/spoof.html', spoof);
    const spoofPage = await visit(browser, spoofUrl);
    await digestWhen(popup, (d) => articlesIn(d).some((a) => a.url.startsWith(spoofUrl)), { timeoutMs: 20000 });
    await settledDigest(popup);

    const records = await storedArticles();
    const after = records.find((r) => r.url === genuineUrl);
    assert.equal(after.text, before.text, 'the genuine text is unchanged');
    assert.deepEqual(after.facts, before.facts, 'the genuine facts are unchanged');
    assert.equal(after.pageUrl, before.pageUrl, 'the genuine record keeps the site it came from');
    assert.equal(after.visits, before.visits);
    const forged = records.filter((r) => r.text.includes(WALLET));
    assert.ok(forged.length >= 1, 'the spoof page is stored as an article of its own site');
    for (const record of forged) assert.equal(new URL(record.url).host, new URL(spoofUrl).host, record.url);
    assert.ok(
      records.every((r) => !r.text.includes(WALLET) || !r.url.startsWith(server.origin)),
      'no record on the genuine site holds the wallet',
    );

    // A forged capture sent from the spoof tab's content-script world, as a compromised extractor would: refused
    // whether it claims the genuine page or its own page, and its tab learns no facts of the genuine article.
    const forgedArticle = { ...before, text: `${before.text} ${WALLET}` };
    const capture = (article) => ({
      type: 'capture:save',
      payload: {
        article: {
          url: article.url,
          pageUrl: article.pageUrl,
          title: article.title,
          dir: article.dir,
          excerpt: article.excerpt,
          text: article.text,
        },
        matches: [{ topicId: 'ukraine', score: 1, mentions: 1, hits: [] }],
      },
    });
    const replies = await sendFromPage(browser, spoofPage, [
      capture(forgedArticle),
      capture({ ...forgedArticle, pageUrl: spoofUrl }),
      { type: 'facts:for-urls', payload: { urls: [genuineUrl] } },
      { type: 'highlight:for-page', payload: { pageUrl: genuineUrl } },
    ]);
    assert.equal(replies[0].ok, false, 'a capture claiming the genuine page is refused');
    assert.match(replies[0].error, /sending tab/);
    assert.equal(replies[1].ok, false, 'a capture naming the genuine address from its own page is refused');
    assert.match(replies[1].error, /another site/);
    // Refused for good: the reply says so, and the page's outbox does not send them again.
    assert.deepEqual([replies[0].refused, replies[1].refused], [true, true], 'the refusals are marked as such');
    assert.deepEqual(replies[2], { ok: true, result: [] }, "no facts of another site's article");
    assert.equal(replies[3].ok, false, "another site's page cannot read this page's highlights");
    assert.match(replies[3].error, /sending tab/);
    // The genuine tab still gets its own.
    const [own, ownHighlights] = await sendFromPage(browser, page, [
      { type: 'facts:for-urls', payload: { urls: [genuineUrl] } },
      { type: 'highlight:for-page', payload: { pageUrl: genuineUrl } },
    ]);
    assert.deepEqual(ownHighlights, { ok: true, result: [] }, 'its own page may ask (it has no highlights)');
    assert.deepEqual(
      own.result,
      before.facts.map((f) => f.text),
    );
    const last = (await storedArticles()).find((r) => r.url === genuineUrl);
    assert.deepEqual([last.text, last.facts, last.visits], [before.text, before.facts, before.visits]);

    const digest = await ask(popup, 'digest:get');
    const listed = articlesIn(digest).find((a) => a.url === genuineUrl);
    assert.ok(listed && !JSON.stringify(listed).includes(WALLET), 'the popup shows the genuine article as stored');
    await spoofPage.close();
    await page.close();
  });

  test('a page with a year-10000 date and a 5,000-character og:image is still stored', async () => {
    const oddUrl = `${server.origin}/odd.html`;
    const odd = html
      .replace('"datePublished": "2025-06-12T08:30:00Z"', '"datePublished": "+010000-01-01T00:00:00Z"')
      .replace(
        /<meta property="og:image" content="[^"]*">/,
        `<meta property="og:image" content="https://cdn.example/${'i'.repeat(5000)}.jpg">`,
      )
      .replace(/"image": "[^"]*"/, `"image": "https://cdn.example/${'j'.repeat(5000)}.jpg"`);
    assert.ok(odd.includes('+010000') && odd.includes('i'.repeat(5000)), 'the odd metadata is in the page');
    server.override('/odd.html', odd);
    const page = await visit(browser, oddUrl);
    await digestWhen(popup, (d) => articlesIn(d).some((a) => a.url === oddUrl), { timeoutMs: 20000 });
    const record = (await storedArticles()).find((r) => r.url === oddUrl);
    assert.ok(record, 'the article is stored');
    assert.equal(record.title, TITLE);
    assert.equal(record.publishedAt, undefined, 'the year-10000 date is dropped');
    assert.equal(record.leadImage, undefined, 'the over-long image address is dropped');
    assert.ok(record.text.includes('Dolmabahce Palace'), 'with its text');
    await page.close();
  });
}
