// End to end in real Chromium and Firefox: a reader highlights an Arabic passage with the
// floating button; it is stored, painted with the CSS Custom Highlight API (no wrapper elements,
// so letters stay joined), painted again after a reload, listed in the popup, reported as
// unplaced when its text is gone from the page, and shown as changed when the site reworded it.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  selectText,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const SEED = 'article--asharq-al-awsat--russia-ukraine-istanbul.html';
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const PASSAGE = 'على تبادل جثث 6 آلاف جندي من كل جانب';

for (const name of e2eBrowsers()) {
  describe(`highlights in ${name}`, () => highlights(name));
}

// Functions that run in the page (each is sent with its own source, so none calls another).
/** The paragraph of the seed article with the highlighted passage. */
const highlightedParagraph = () =>
  [...document.querySelectorAll('article.article-body p')].find((p) => p.textContent.includes('6 آلاف جندي'));
/** The floating button, while it shows (it lives in a shadow root). */
const highlightButton = () =>
  document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])') ?? null;
const highlightButtonHidden = () =>
  !document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])');

function highlights(name) {
  let server;
  let browser;
  let popup;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await serveDirectory(PAGES);
    browser = await launchWithExtension({ browser: name });
    popup = await extensionPage(browser);
    // lang:ar: an Arabic beat on a country also finds English reports on it (its name in every language), and the
    // second test needs an English article that no topic takes.
    await setTopics(browser, [{ id: 'ukraine', name: 'أوكرانيا', query: 'أوكرانيا lang:ar' }]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** How many ranges the page's highlight registry paints under a name (read from the page's own world). */
  const painted = (page, highlight = 'beatwatch-highlight') =>
    page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, highlight);

  async function highlightsInDigest() {
    const digest = await settledDigest(popup, { quietMs: 500 });
    return digest.flatMap((d) => d.articles.flatMap((a) => a.highlights.map((h) => ({ ...h, article: a.title }))));
  }

  async function waitFor(check, what, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) {
        const seen = JSON.stringify(await highlightsInDigest().catch((error) => String(error)));
        throw new Error(`timed out waiting for ${what}; the digest's highlights: ${seen.slice(0, 2000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function openTopicInPopup() {
    await popup.reload();
    await popup.click('[data-topic-id="ukraine"]');
  }

  test('an Arabic passage is highlighted, painted without wrapping, re-attached after reload, and listed', async () => {
    const page = await visit(browser, `${server.origin}/${SEED}`);
    await settledDigest(popup);
    const childNodes = async () => (await page.elementWhere(highlightedParagraph)).evaluate((p) => p.childNodes.length);
    const before = await childNodes();

    await selectText(page, 'article.article-body', PASSAGE);
    await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
    await page.waitFor(highlightButtonHidden, undefined, { what: 'the Highlight button to hide after the press' });

    await waitFor(async () => (await painted(page)) === 1, 'the highlight to be painted');
    assert.equal(await childNodes(), before, 'no element was wrapped around the text');
    const shot = join(ARTIFACTS, `highlight-arabic-${name}.png`);
    await page.screenshot(shot, { element: highlightedParagraph });
    assert.ok((await readFile(shot)).length > 1000, `screenshot saved: ${shot}`);
    console.log(`# screenshot of the painted Arabic highlight in ${name}: ${shot}`);

    const [stored] = await waitFor(
      async () => (await highlightsInDigest()).filter((h) => h.text === PASSAGE),
      'the highlight in the digest',
    );
    assert.equal(stored.placed, true);

    await page.reload();
    await waitFor(async () => (await painted(page)) === 1, 'the highlight to be painted again after reload');

    await openTopicInPopup();
    await popup.waitFor(
      (text) => [...document.querySelectorAll('.highlight blockquote')].some((q) => q.textContent.includes(text)),
      PASSAGE,
      { what: 'the highlight in the popup' },
    );
    await page.close();
  });

  test('highlighting an article that was not captured stores the article with the highlight', async () => {
    const english = 'article--world-news-daily--ukraine-grain-talks.html';
    const title = 'Ukraine and Russia resume grain-corridor talks in Istanbul';
    const quote = 'A corridor without guarantees is just a map.';
    /** The stored articles with that title, each with the texts of its highlights (read in the extension). */
    const stored = () =>
      browser.inExtension(
        (t) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('beatwatch');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['articles', 'highlights']);
              const articles = tx.objectStore('articles').getAll();
              const highlights = tx.objectStore('highlights').getAll();
              tx.oncomplete = () => {
                open.result.close();
                resolve(
                  articles.result
                    .filter((a) => a.title === t)
                    .map((a) => highlights.result.filter((h) => h.articleId === a.id).map((h) => h.selectors)),
                );
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        title,
      );
    const page = await visit(browser, `${server.origin}/${english}`);
    await settledDigest(popup);
    assert.deepEqual(await stored(), [], 'the English article matches no topic here, so it was not captured');

    await selectText(page, 'article.article-body', quote);
    await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
    await waitFor(async () => (await painted(page)) === 1, 'the highlight to be painted');
    const [highlights] = await waitFor(async () => {
      const found = await stored();
      return found[0]?.length ? found : null;
    }, 'the article to be stored with its highlight');
    assert.equal(highlights.length, 1, 'one highlight, linked to the stored article');
    assert.match(JSON.stringify(highlights[0]), /A corridor without guarantees is just a map\./);
    await page.close();
  });

  test('a highlight whose text was removed from the page is shown as unplaced', async () => {
    const url = `${server.origin}/${SEED}`;
    const gone = 'استمرت لأكثر من ساعة بقليل';
    const page = await visit(browser, url);
    await selectText(page, 'article.article-body', gone);
    await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
    await waitFor(
      async () => (await highlightsInDigest()).some((h) => h.text === gone),
      'the second highlight to be stored',
    );

    // The site edits the article: that sentence is no longer there.
    const original = await readFile(join(PAGES, SEED), 'utf8');
    server.override(`/${SEED}`, original.replace(gone, 'انتهت سريعاً'));
    try {
      await page.reload();
      // Wait for both: the digest can be read between two placement reports (the first attach, then a retry).
      const listed = await waitFor(async () => {
        const all = await highlightsInDigest();
        const removed = all.find((h) => h.text === gone);
        const other = all.find((h) => h.text === PASSAGE);
        return removed?.placed === false && other?.placed === true ? { removed, other } : null;
      }, 'the removed highlight to be reported unplaced and the other still placed');
      assert.equal(listed.removed.placed, false);
      assert.equal(listed.other.placed, true);
    } finally {
      server.override(`/${SEED}`, null);
    }

    await openTopicInPopup();
    await popup.waitFor(
      (text) => [...document.querySelectorAll('.highlight.unplaced')].some((h) => h.textContent.includes(text)),
      gone,
      { what: 'the unplaced highlight in the popup' },
    );
    await page.close();
  });

  test('a highlight whose words the site corrected is re-attached and shown as changed', async () => {
    const url = `${server.origin}/${SEED}`;
    const original = await readFile(join(PAGES, SEED), 'utf8');
    const reworded = PASSAGE.replace('6 آلاف', 'ستة آلاف');
    server.override(`/${SEED}`, original.replace(PASSAGE, reworded));
    try {
      const page = await visit(browser, url);
      await waitFor(async () => (await painted(page)) >= 1, 'the reworded highlight to be painted');
      const changed = await waitFor(
        async () => (await highlightsInDigest()).find((h) => h.text === PASSAGE && h.changedTo),
        'the highlight to be reported changed',
        20000,
      );
      assert.equal(changed.changedTo, reworded);
      await openTopicInPopup();
      await popup.waitFor(
        (text) => [...document.querySelectorAll('.highlight .changed-note')].some((n) => n.textContent.includes(text)),
        reworded,
        { what: 'the changed note in the popup' },
      );
      await page.close();
    } finally {
      server.override(`/${SEED}`, null);
    }
  });
}
