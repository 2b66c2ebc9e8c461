// End to end in Chromium (the browser for this flow; Playwright's own page API throughout) with a year of
// reading: 10,000 articles (short synthetic ones, a fifth in Arabic) put in through the background's capture handler,
// and a highlight made with the floating button on a page that matches no topic. The popup opens with counts,
// scrolls to the 1,000th article of a topic, finds an Arabic word written with a clitic, lists the highlight from the
// page in no topic, and a topic's articles are deleted or kept under No topic as the reader chooses in the options
// page (a topic created again takes its kept articles back).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  ask,
  extensionPage,
  launchWithExtension,
  searchIndexSettled,
  selectText,
  sendFromPage,
  serveDirectory,
  setTopics,
  visit,
} from '../../scripts/harness.mjs';

const ARTICLES = 10_000;
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

/** Article k: one in eight is on Ukraine, one in 33 on energy, one in 33 on Gaza, the rest on shipping. */
function articleFor(k) {
  const topic = k % 8 === 0 ? TOPICS[0] : k % 33 === 1 ? TOPICS[1] : k % 33 === 2 ? TOPICS[2] : TOPICS[3];
  const arabic = k % 5 === 0;
  const words = arabic ? FILLER_AR : FILLER_EN;
  const word = arabic
    ? { ukraine: 'أوكرانيا', energy: 'energy', gaza: 'غزة', shipping: 'Zanzibar' }[topic.id]
    : { ukraine: 'Ukraine', energy: 'Energy', gaza: 'Gaza', shipping: 'Zanzibar' }[topic.id];
  // Arabic leads write the name with a clitic (لأوكرانيا): search must still find it under its plain form.
  const lead = arabic ? `وقال الوزير إن الدعم ل${word} مستمر.` : `${word} officials said talks resumed.`;
  const filler = Array.from({ length: 60 }, (_, i) => words[(k + i * 7) % words.length]).join(' ');
  const url = `https://news${k % 20}.example/story-${k}`;
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

let server;
let browser;
let feeder;
let control;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serveDirectory(join(ROOT, 'tests', 'fixtures'));
  browser = await launchWithExtension();
  await setTopics(browser, TOPICS);
  control = await extensionPage(browser);
  feeder = await browser.context.newPage();
  await feeder.goto(`${server.origin}/pages/front--world-news-daily--world-section.html`);
  for (let k = 0; k < ARTICLES; k += 500) {
    const batch = Array.from({ length: 500 }, (_, i) => ({ type: 'capture:save', payload: articleFor(k + i) }));
    const replies = await sendFromPage(browser, feeder, batch);
    const failed = replies.filter((r) => !r?.ok);
    assert.equal(failed.length, 0, `captures failed: ${failed[0]?.error}`);
  }
  // A highlight made as a reader would, on a page that matches none of the topics.
  const page = await visit(browser, `${server.origin}/${NO_TOPIC_PAGE}`);
  await selectText(page, 'body', NO_TOPIC_PASSAGE);
  const button = page.raw.locator('beatwatch-highlight-button button');
  await button.waitFor({ state: 'visible' });
  await button.click();
  await button.waitFor({ state: 'hidden' });
  for (let i = 0; (await ask(control, 'digest:overview')).highlights < 1; i++) {
    assert.ok(i < 100, 'the highlight was stored');
    await new Promise((r) => setTimeout(r, 200));
  }
  await searchIndexSettled(control);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup() {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('.topic-row[data-topic-id="ukraine"]').waitFor();
  return popup;
}

const count = (popup, id) => popup.locator(`.topic-row[data-topic-id="${id}"] .count`).textContent();

describe('the popup after a year of reading', () => {
  test('opens with counts and scrolls to the 1,000th article of a topic, keeping the place', async () => {
    const popup = await openPopup();
    const expected = {};
    for (let k = 0; k < ARTICLES; k++) {
      const id = articleFor(k).matches[0].topicId;
      expected[id] = (expected[id] ?? 0) + 1;
    }
    for (const { id } of TOPICS) assert.equal(await count(popup, id), String(expected[id]), `${id} count`);
    await popup.locator('.topic-row[data-topic-id="ukraine"]').click();
    const cards = popup.locator('.article-card');
    await cards.first().waitFor();
    for (let i = 0; (await cards.count()) < 1000; i++) {
      assert.ok(i < 400, `scrolled to ${await cards.count()} cards only`);
      await popup.evaluate(() => {
        const main = document.querySelector('.bw-popup');
        main.scrollTop = main.scrollHeight;
      });
      await popup.waitForTimeout(100);
    }
    // Newest first: the 1,000th Ukraine article is number 999 × 8 in publication order.
    const thousandth = cards.nth(999);
    await thousandth.scrollIntoViewIfNeeded();
    assert.match(await thousandth.locator('h3').textContent(), new RegExp(` ${999 * 8}$`));
    const place = await popup.evaluate(() => document.querySelector('.bw-popup').scrollTop);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-1000th-article.png') });

    await popup.getByRole('button', { name: '← All topics' }).click();
    await popup.locator('.topic-row[data-topic-id="ukraine"]').click();
    assert.equal(await popup.evaluate(() => document.querySelector('.bw-popup').scrollTop), place, 'back where it was');
    assert.ok((await cards.count()) >= 1000, 'the pages read stay');
    await popup.close();
  });

  test('finds an Arabic word written with a clitic; / focuses search', async () => {
    const popup = await openPopup();
    await popup.keyboard.press('/');
    assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    await popup.keyboard.type('أوكرانيا');
    const results = popup.locator('.search-results[data-query="أوكرانيا"]');
    await results.waitFor();
    const group = results.locator('.search-group').first();
    assert.equal(await group.locator('h2').textContent(), 'Ukraine');
    const marks = await results.locator('mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.includes('أوكرانيا')), `marked: ${marks.join(', ')}`);
    assert.ok(marks.includes('لأوكرانيا'), 'the match is shown with its clitic, in context');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-search-arabic.png') });
    await popup.close();
  });

  test('lists the highlight from a page in no topic, and that page under No topic', async () => {
    const popup = await openPopup();
    await popup.locator('[data-view="highlights"]').click();
    const entry = popup.locator('.highlight-entry').first();
    await entry.waitFor();
    assert.equal(await entry.locator('blockquote').textContent(), NO_TOPIC_PASSAGE);
    assert.match(await entry.locator('.meta').textContent(), /No topic/);
    await popup.getByRole('button', { name: '← All topics' }).click();
    await popup.locator('[data-view="no-topic"]').click();
    await popup.locator('.article-card h3', { hasText: 'Port strike ends after pay deal' }).waitFor();
    await popup.close();
  });

  test('deletes or keeps a topic’s articles as the reader chooses; a topic created again takes them back', async () => {
    const before = await ask(control, 'digest:overview');
    const energy = before.topics.find((t) => t.id === 'energy').count;
    const gaza = before.topics.find((t) => t.id === 'gaza').count;
    const options = (await extensionPage(browser, 'options.html')).raw;

    await options.getByRole('button', { name: 'Delete Energy' }).click();
    await options.getByRole('button', { name: `Delete topic, keep its ${energy} articles` }).click();
    await options.locator('tr[data-topic-id="energy"]').waitFor({ state: 'detached' });
    let now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, before.noTopic + energy, 'kept under No topic');

    await options.getByRole('button', { name: 'Delete Gaza' }).click();
    await options.getByRole('button', { name: `Delete topic and its ${gaza} articles` }).click();
    await options.locator('tr[data-topic-id="gaza"]').waitFor({ state: 'detached' });
    now = await ask(control, 'digest:overview');
    assert.equal(now.noTopic, before.noTopic + energy, 'deleted, not kept');
    await searchIndexSettled(control);
    const search = await ask(control, 'search:query', { query: 'غزة ', limit: 10 });
    assert.equal(search.total, 0, 'deleted articles leave search');

    const form = options.locator('section[aria-label="Add a topic"]');
    await form.locator('input[name="name"]').fill('Energy');
    await form.locator('input[name="query"]').fill('energy');
    await form.getByRole('button', { name: 'Add topic' }).click();
    for (let i = 0; ; i++) {
      now = await ask(control, 'digest:overview');
      if (now.topics.find((t) => t.name === 'Energy')?.count === energy) break;
      assert.ok(i < 100, 'the new Energy topic took its old articles back');
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.equal(now.noTopic, before.noTopic);
    await options.close();
  });
});
