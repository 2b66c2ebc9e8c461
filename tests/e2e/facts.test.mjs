// End to end in real Chromium: the seed page's main article reaches the digest with the key
// facts a careful reader would keep (../shared/seed/README.md), the popup shows them, and the
// page toggle marks them on the article.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  digestAsJson,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const SEED = 'article--asharq-al-awsat--russia-ukraine-istanbul.html';
const SEED_TITLE = 'لقاء روسي - أوكراني غير مُعلن سبق مفاوضات إسطنبول';
// The six facts named in the seed README, each by words its sentence must contain.
const README_FACTS = {
  'bodies of 6,000 soldiers each': 'تبادل جثث 6 آلاف جندي',
  'all prisoners under 25': 'تقل أعمارهم عن 25 عاماً',
  'a 2–3 day ceasefire': 'ليومين أو ثلاثة',
  'a meeting between 20 and 30 June': 'بين 20 و30 يونيو',
  'two and a half hours': 'ساعتين ونصف',
  '1,000 prisoners each on 16 May': 'ألف أسير من كل جانب',
};

let server;
let browser;

before(async () => {
  server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
  browser = await launchWithExtension();
  await setTopics(browser, [{ id: 'ukraine', name: 'أوكرانيا', query: 'أوكرانيا' }]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('key facts', () => {
  test('the seed article shows at least five of the README facts, with kinds and speakers, in the digest, the popup and on the page', async () => {
    const url = `${server.origin}/${SEED}`;
    const page = await visit(browser, url);
    const tabId = await browser.worker().evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, url);
    const popup = await extensionPage(browser, `popup.html?tab=${tabId}`);
    const digest = await settledDigest(popup);

    const main = digestAsJson(digest).topics[0].articles.find((a) => a.title === SEED_TITLE);
    assert.ok(main, 'the main article is in the digest');
    assert.ok(main.facts.length >= 3 && main.facts.length <= 7, `3–7 facts, got ${main.facts.length}`);
    const found = Object.entries(README_FACTS).filter(([, words]) => main.facts.some((f) => f.text.includes(words)));
    console.log(`# README facts found: ${found.map(([name]) => name).join('; ')}`);
    assert.ok(
      found.length >= 5,
      `at least five README facts, found ${found.length}: ${main.facts.map((f) => f.text).join(' | ')}`,
    );
    const kinds = ['quote', 'decision', 'figure', 'date', 'statement'];
    assert.ok(
      main.facts.every((f) => kinds.includes(f.kind)),
      'every fact has a kind',
    );
    const speakers = main.facts.filter((f) => f.speaker).map((f) => f.speaker);
    assert.ok(
      speakers.some((s) => s.includes('عمروف')),
      `the Ukrainian delegation head is named as a speaker: ${speakers.join(' | ')}`,
    );

    await popup.reload();
    await popup.click('[data-topic-id="ukraine"]');
    const card = popup.locator('.article-card', { hasText: SEED_TITLE });
    assert.equal(
      await card.locator('.facts li').count(),
      main.facts.length,
      'the popup lists the facts under the article',
    );
    assert.deepEqual(
      await card.locator('.facts li .fact-kind').allTextContents(),
      main.facts.map((f) => f.kind),
      'each fact shows its kind',
    );
    assert.equal(
      await card.locator('.facts li .fact-speaker').count(),
      speakers.length,
      'each attributed fact shows its speaker',
    );

    await popup.getByRole('button', { name: 'Mark key facts on this page' }).click();
    await popup.getByText(/\d+ marked/).waitFor();
    const marked = await page.evaluate(() => CSS.highlights.get('beatwatch-fact')?.size ?? 0);
    assert.ok(marked >= main.facts.length, `the page marks the facts (${marked})`);
    await popup.getByRole('button', { name: 'Unmark key facts' }).click();
    await page.waitForFunction(() => !CSS.highlights.has('beatwatch-fact'));
    await page.close();
  });
});
