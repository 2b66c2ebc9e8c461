// End to end in real Chromium and Firefox: the seed page's main article reaches the digest with the key
// facts a careful reader would keep (../shared/seed/README.md), the popup shows them, and the
// page toggle marks them on the article.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  digestAsJson,
  digestWhen,
  e2eBrowsers,
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

for (const name of e2eBrowsers()) {
  describe(`key facts in ${name}`, () => keyFacts(name));
}

function keyFacts(name) {
  let server;
  let browser;

  before(async () => {
    server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
    browser = await launchWithExtension({ browser: name });
    await setTopics(browser, [{ id: 'ukraine', name: 'أوكرانيا', query: 'أوكرانيا' }]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the seed article shows at least five of the README facts, with kinds and speakers, in the digest, the popup and on the page', async () => {
    const url = `${server.origin}/${SEED}`;
    const page = await visit(browser, url);
    const tabId = await browser.inExtension(
      async (u) => (await (globalThis.browser ?? chrome).tabs.query({})).find((t) => t.url === u).id,
      url,
    );
    const popup = await extensionPage(browser, `popup.html?tab=${tabId}`);
    // Captures happen in idle time after load: wait for the expected one, then for the digest to settle.
    await digestWhen(popup, (d) => d[0].articles.some((a) => a.title === SEED_TITLE));
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
    // The story shows its top facts; "All N facts" shows the rest.
    await popup.waitFor(
      (title) => [...document.querySelectorAll('.story-headline')].some((h) => h.textContent === title),
      SEED_TITLE,
      { what: 'the seed article in the popup' },
    );
    if (main.facts.length > 3)
      await popup.clickWhere(
        (title) =>
          [...document.querySelectorAll('.story')]
            .find((c) => c.querySelector('.story-headline').textContent === title)
            ?.querySelector('button.more-facts'),
        SEED_TITLE,
      );
    const card = await popup.waitFor(
      ([title, expected]) => {
        const found = [...document.querySelectorAll('.story')].find(
          (c) => c.querySelector('.story-headline').textContent === title,
        );
        const facts = found?.querySelectorAll('.facts li') ?? [];
        return (
          facts.length === expected && {
            facts: facts.length,
            kinds: [...found.querySelectorAll('.facts li .fact-kind')].map((k) => k.textContent),
            speakers: found.querySelectorAll('.facts li .fact-speaker').length,
            texts: [...found.querySelectorAll('.facts li .fact-text')].map((t) => t.textContent),
          }
        );
      },
      [SEED_TITLE, main.facts.length],
      { what: `the ${main.facts.length} facts of the seed article in the popup`, timeout: 3000 },
    );
    assert.equal(card.facts, main.facts.length, 'the popup lists the facts under the story');
    assert.deepEqual(
      card.kinds,
      card.texts.map((text) => main.facts.find((f) => f.text === text)?.kind),
      'each fact shows its kind',
    );
    assert.equal(card.speakers, speakers.length, 'each attributed fact shows its speaker');

    // The toggle button's name changes with its state (aria-pressed).
    await popup.click('button[aria-pressed="false"]');
    await popup.waitForText(/\d+ marked/);
    const marked = await page.evaluate(() => CSS.highlights.get('beatwatch-fact')?.size ?? 0);
    assert.ok(marked >= main.facts.length, `the page marks the facts (${marked})`);
    await popup.click('button[aria-pressed="true"]');
    await page.waitFor(() => !CSS.highlights.has('beatwatch-fact'), undefined, { what: 'the facts to be unmarked' });
    await page.close();
  });
}
