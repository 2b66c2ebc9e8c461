// End to end in Chromium and Firefox: the popup's digest as a reader uses it every evening, by keyboard. The first
// topic and the first story are at most three Tab stops from the top, opening a topic keeps focus (on its first
// story), ↑/↓ move between topics and stories, Escape goes back to the topic just left; stories name their sites;
// the clip menu defaults to the open topic. axe-core finds no serious accessibility violation in light and dark, and
// Tab through every control shows a focus ring with 3:1 contrast on each, in the popup and the options page.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  digestWhen,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const ARTICLES = [
  'article--asharq-al-awsat--russia-ukraine-istanbul.html',
  'article--world-news-daily--ukraine-grain-talks.html',
  'article--world-news-daily--infinite-scroll.html',
];
const TOPICS = [
  { id: 'ukraine', name: 'Ukraine talks', query: 'Ukraine OR أوكرانيا' },
  { id: 'long', name: 'A topic with a very long name that would run off the edge of the popup', query: 'grain' },
  { id: 'gaza', name: 'غزة', query: 'غزة OR Gaza' },
];
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const name of e2eBrowsers()) {
  describe(`the popup digest in ${name}`, () => digest(name));
}
// Firefox shows an Arabic UI only with its Arabic language pack, which Debian ships apart (firefox-esr-l10n-ar):
// the Arabic UI is proved in Chromium.
if (e2eBrowsers().includes('chromium')) describe('the popup digest with an Arabic browser UI', () => arabicUi());

// Functions that run in the popup.
const activeDescription = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {
    tag: el.tagName.toLowerCase(),
    classes: el.className,
    topic: el.getAttribute('data-topic-id'),
    text: el.textContent.trim(),
    story: el.closest('.story')?.getAttribute('data-story-id') ?? null,
  };
};

/**
 * The focus ring of the focused element as computed: visible when its outline is drawn, at least 1 px wide, in a
 * colour with 3:1 contrast (WCAG 1.4.11) against the background it is drawn on, or when it has a box-shadow. Marks the
 * element, so a walk with Tab knows when it has come round.
 */
const focusRing = () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const again = el.hasAttribute('data-focus-walked');
  el.setAttribute('data-focus-walked', '');
  const rgba = (color) => {
    const [r, g, b, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let behind = { r: 255, g: 255, b: 255, a: 1 };
  for (let node = el.parentElement; node; node = node.parentElement) {
    const color = rgba(getComputedStyle(node).backgroundColor);
    if (color.a > 0) {
      behind = color;
      break;
    }
  }
  const style = getComputedStyle(el);
  const outline = rgba(style.outlineColor);
  const [light, dark] = [luminance(outline), luminance(behind)].sort((a, b) => b - a);
  const contrast = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && outline.a > 0;
  const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
  const label = el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('placeholder') || '';
  return {
    again,
    visible: shadowed || (outlined && contrast >= 3),
    control: `${el.tagName.toLowerCase()}.${el.className} "${label.slice(0, 40)}"`,
    ring: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} (${contrast}:1 on ${getComputedStyle(el.parentElement).backgroundColor}), box-shadow ${style.boxShadow}`,
  };
};

/** Tabs through every focusable control of the page once, from the top; each control and its focus ring. */
async function tabThroughAll(page, most = 120) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-focus-walked]')) el.removeAttribute('data-focus-walked');
    document.activeElement?.blur();
  });
  await page.raw.mouse.click(2, 2);
  const rings = [];
  for (let presses = 0; presses < most; presses++) {
    await page.raw.keyboard.press('Tab');
    const ring = await page.evaluate(focusRing);
    if (ring?.again || (!ring && rings.length > 0)) return rings;
    if (ring) rings.push(ring);
  }
  throw new Error(`Tab did not come round in ${most} presses`);
}

/** Opens the popup with stories in it, 420 × 600 as the toolbar shows it. */
async function popupWithStories(browser, server) {
  await setTopics(browser, TOPICS);
  const popup = await extensionPage(browser);
  const pages = [];
  for (const page of ARTICLES) pages.push(await visit(browser, `${server.origin}/${page}`));
  // Captures happen in idle time (seconds in a background tab in Firefox): wait for the three pages' articles.
  await digestWhen(popup, (d) => d.find((t) => t.topic.id === 'ukraine')?.articles.length >= 4, {
    timeoutMs: 30000,
  });
  await settledDigest(popup);
  for (const page of pages) await page.close();
  await popup.setViewport({ width: 420, height: 600 });
  return popup;
}

function arabicUi() {
  let server;
  let browser;
  let popup;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await serveDirectory(PAGES);
    browser = await launchWithExtension({ uiLanguage: 'ar' });
    popup = await popupWithStories(browser, server);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('right to left in Arabic words, by keyboard, bullets inside the column, axe-clean in light and dark', async () => {
    await popup.reload();
    await popup.waitFor(() => !!document.querySelector('.topic-row'), undefined, { what: 'the topics' });
    const page = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      edit: document.querySelector('.bw-header button').textContent,
      clip: document.querySelector('label[for="clip-topic"]').textContent,
      count: document.querySelector('.topic-row .count').getAttribute('aria-label'),
    }));
    assert.deepEqual(page, {
      lang: 'ar',
      dir: 'rtl',
      edit: 'تعديل المواضيع',
      clip: 'احفظ هذه الصفحة في',
      count: page.count,
    });
    assert.match(page.count, /^عدد المقالات: /);
    // The topics lay out from the right: a row's name starts at its right edge.
    const rowEdges = await popup.evaluate(() => {
      const row = document.querySelector('.topic-row').getBoundingClientRect();
      const name = document.querySelector('.topic-row bdi').getBoundingClientRect();
      return { gapRight: row.right - name.right, gapLeft: name.left - row.left };
    });
    assert.ok(rowEdges.gapRight < rowEdges.gapLeft, `the topic name sits on the right: ${JSON.stringify(rowEdges)}`);

    await popup.raw.bringToFront();
    await popup.evaluate(() => document.activeElement?.blur());
    await popup.raw.mouse.click(418, 2);
    let presses = 0;
    for (; presses < 12; presses++) {
      await popup.raw.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('data-topic-id') === 'ukraine')) break;
    }
    assert.ok(presses + 1 <= 3, `the first topic is Tab stop ${presses + 1}`);
    await popup.raw.keyboard.press('Enter');
    await popup.waitFor(() => document.activeElement?.matches('.story-headline'), undefined, {
      what: 'focus on the first story',
    });
    assert.equal(await popup.evaluate(() => document.querySelector('.bw-header .back').textContent), '→ كل المواضيع');
    const outside = await popup.evaluate(() => {
      const column = document.querySelector('.stories').getBoundingClientRect();
      return [...document.querySelectorAll('.story .facts li')]
        .map((li) => {
          const box = li.getBoundingClientRect();
          const bullet = getComputedStyle(li, '::before');
          return { text: li.textContent.slice(0, 30), left: box.left, right: box.right, bullet: bullet.content };
        })
        .filter((f) => f.left < column.left - 0.5 || f.right > column.right + 0.5 || f.bullet !== '"•"');
    });
    assert.deepEqual(outside, [], 'every fact and its bullet inside the column');
    const kinds = await popup.evaluate(() => [...document.querySelectorAll('.fact-kind')].map((k) => k.textContent));
    assert.ok(kinds.length > 0 && kinds.every((k) => /^[\u0600-\u06FF ]+$/.test(k)), `kinds in Arabic: ${kinds}`);
    await popup.raw.keyboard.press('Escape');
    await popup.waitFor(() => document.activeElement?.getAttribute('data-topic-id') === 'ukraine', undefined, {
      what: 'focus back on the topic',
    });

    for (const scheme of ['light', 'dark']) {
      await popup.raw.emulateMedia({ colorScheme: scheme });
      for (const open of [null, 'ukraine']) {
        await popup.reload();
        await popup.waitFor(() => !!document.querySelector('.topic-row'), undefined, { what: 'the topics' });
        if (open) {
          await popup.click(`.topic-row[data-topic-id="${open}"]`);
          await popup.waitFor(() => !!document.querySelector('.story'), undefined, { what: 'the stories' });
        }
        const violations = await axe(popup);
        assert.deepEqual(violations, [], `${scheme} ${open ?? 'topics'}: ${JSON.stringify(violations, null, 1)}`);
        await popup.screenshot(join(ARTIFACTS, `popup-chromium-ar-${scheme}-${open ?? 'topics'}.png`));
      }
    }
  });

  test('the options page in Arabic, right to left, axe-clean, without sideways scroll', async () => {
    const options = await extensionPage(browser, 'options.html');
    await options.setViewport({ width: 600, height: 800 });
    await options.waitFor(() => !!document.querySelector('.topic-table'), undefined, { what: 'the topics table' });
    const page = await options.evaluate(() => ({
      dir: document.documentElement.dir,
      heading: document.querySelector('h1').textContent,
      edit: document.querySelector('.topic-table button').textContent,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    }));
    assert.deepEqual(page, { dir: 'rtl', heading: 'مواضيع Beatwatch', edit: 'عدِّل', sideways: 0 });
    // "Your data" in Arabic too: no English word but the names of formats and apps the Arabic text itself names.
    await options.waitFor(
      () => !!document.querySelector('.your-data [data-durability]:not([data-durability="checking"])'),
      undefined,
      {
        what: 'the data section',
      },
    );
    const yourData = await options.evaluate(() => {
      const section = document.querySelector('section.your-data');
      const labels = [...section.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
      return {
        heading: section.querySelector('h2').textContent,
        label: section.getAttribute('aria-label'),
        english: [...`${section.innerText}\n${labels.join('\n')}`.matchAll(/[A-Za-z]+/g)].map((m) => m[0]),
      };
    });
    const NAMED = new Set([
      'Beatwatch',
      'Markdown',
      'zip',
      'Obsidian',
      'Web',
      'Annotations',
      'W',
      'C',
      'JSON',
      'LD',
      'Hypothesis',
    ]);
    assert.equal(yourData.heading, 'بياناتك');
    assert.equal(yourData.label, 'بياناتك');
    assert.deepEqual(
      yourData.english.filter((word) => !NAMED.has(word)),
      [],
    );
    assert.deepEqual(await axe(options), []);
    await options.screenshot(join(ARTIFACTS, 'options-chromium-ar.png'), { fullPage: true });
    // A refused backup says why in Arabic, zod's words about the bad record included.
    const alertText = () =>
      options.evaluate(() => document.querySelector('section.your-data [role="alert"]')?.textContent);
    const refusal = async (name, text) => {
      const previous = (await alertText()) ?? '';
      await options.setInputFile('section.your-data input[type="file"]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      return options.waitFor(
        (before) => {
          const now = document.querySelector('section.your-data [role="alert"]')?.textContent;
          return now && now !== before && now;
        },
        previous,
        { what: `the refusal of ${name}` },
      );
    };
    const head = '{"format":"beatwatch-backup","version":1,"dbVersion":1,"createdAt":"2026-12-01T00:00:00.000Z"';
    assert.match(await refusal('cut.json', `${head},"topics":[`), /^هذا الملف ليس بصيغة JSON/);
    const badRecord = await refusal('bad.json', `${head},"topics":[],"articles":[7],"highlights":[]}`);
    assert.match(badRecord, /^المقال [1١]: مدخلات غير مقبولة: .*لم يُستعَد شيء\.$/);
    await options.close();
  });
}

/** Runs axe-core in the page; the serious and critical violations, summarised. */
async function axe(page) {
  // Evaluated as an expression through the driver, not a script element: extension pages forbid inline scripts.
  await page.raw.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.failureSummary) }));
  });
}

function digest(name) {
  let server;
  let browser;
  let popup;

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await serveDirectory(PAGES);
    browser = await launchWithExtension({ browser: name });
    popup = await popupWithStories(browser, server);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Presses Tab from the top of a freshly shown popup until `done(active)`; the number of presses. */
  async function tabsUntil(done, what) {
    // A click in the popup's top corner (on nothing focusable) puts the start of Tab navigation at the top.
    await popup.evaluate(() => document.activeElement?.blur());
    await popup.raw.mouse.click(2, 2);
    for (let presses = 1; presses <= 12; presses++) {
      await popup.raw.keyboard.press('Tab');
      const active = await popup.evaluate(activeDescription);
      if (active && done(active)) return presses;
    }
    throw new Error(`${what} not reached in 12 Tab presses`);
  }

  const press = async (key) => {
    await popup.raw.keyboard.press(key);
    return popup.evaluate(activeDescription);
  };

  async function waitForFocus(check, what) {
    return popup.waitFor(check, undefined, { what });
  }

  test('keyboard: few Tab stops, focus kept into a topic and back, arrows and Escape', async () => {
    await popup.reload();
    await popup.waitFor(() => !!document.querySelector('.topic-row'), undefined, { what: 'the topics' });
    await popup.raw.bringToFront();
    const toTopic = await tabsUntil((a) => a.topic === 'ukraine', 'the first topic');
    assert.ok(toTopic <= 3, `the first topic is Tab stop ${toTopic}`);
    assert.equal((await press('ArrowDown')).topic, 'long', '↓ moves to the next topic');
    assert.equal((await press('ArrowUp')).topic, 'ukraine', '↑ moves back');

    await popup.raw.keyboard.press('Enter');
    const first = await waitForFocus(
      () => document.activeElement?.matches('.story-headline') && document.activeElement.textContent,
      'focus on the first story after opening the topic',
    );
    const headlines = await popup.evaluate(() =>
      [...document.querySelectorAll('.story-headline')].map((a) => a.textContent),
    );
    assert.equal(first, headlines[0], 'the first story has focus');
    assert.ok(headlines.length >= 2, `several stories: ${headlines.join(' | ')}`);
    assert.equal((await press('ArrowDown')).text, headlines[1], '↓ moves to the next story');
    assert.equal((await press('End')).text, headlines.at(-1), 'End moves to the last story');
    assert.equal((await press('Home')).text, headlines[0], 'Home moves to the first story');

    const sites = await popup.evaluate(() =>
      [...document.querySelectorAll('.story .sites bdi')].map((b) => b.textContent),
    );
    assert.ok(sites.length > 0 && sites.every((s) => s && !/^\d+$/.test(s)), `sources named by site: ${sites}`);
    const clipTo = await popup.evaluate(() => document.querySelector('#clip-topic').value);
    assert.equal(clipTo, 'ukraine', 'clip defaults to the open topic');

    const toStory = await tabsUntil((a) => a.classes.includes('story-headline'), 'the first story');
    assert.ok(toStory <= 3, `the first story is Tab stop ${toStory}`);

    await popup.raw.keyboard.press('Escape');
    const back = await waitForFocus(
      () => document.activeElement?.getAttribute('data-topic-id'),
      'focus on a topic after Escape',
    );
    assert.equal(back, 'ukraine', 'Escape goes back, to the topic just left');
    const clipBack = await popup.evaluate(() => document.querySelector('#clip-topic').value);
    assert.equal(clipBack, 'ukraine', 'the topics view clips to the first topic');
  });

  test('focus visible on every control by Tab, in the topics, a topic and the options page, light and dark', async () => {
    // Firefox over WebDriver BiDi cannot emulate a colour scheme: the dark theme is checked in Chromium.
    for (const scheme of name === 'chromium' ? ['light', 'dark'] : ['light']) {
      for (const open of [null, 'ukraine']) {
        // A popup of its own each time: in Firefox, Tab past the last control leaves the page for the browser's
        // own controls, and neither a reload nor a click gives the page focus back (nothing matches :focus then);
        // a newly opened tab has it.
        const page = await extensionPage(browser);
        await page.setViewport({ width: 420, height: 600 });
        if (name === 'chromium') await page.raw.emulateMedia({ colorScheme: scheme });
        await page.waitFor(() => !!document.querySelector('.topic-row'), undefined, { what: 'the topics' });
        await page.raw.bringToFront();
        if (open) {
          await page.click(`.topic-row[data-topic-id="${open}"]`);
          await page.waitFor(() => !!document.querySelector('.story'), undefined, { what: 'the stories' });
          // Every fact shown, so their controls are walked too.
          await page.evaluate(() => {
            for (const more of document.querySelectorAll('.more-facts[aria-expanded="false"]')) more.click();
          });
        }
        const rings = await tabThroughAll(page);
        await page.close();
        const where = `${name} ${scheme} ${open ?? 'topics'}`;
        assert.ok(rings.length >= (open ? 10 : 4), `${where}: ${rings.length} controls walked`);
        const unseen = rings.filter((ring) => !ring.visible).map((ring) => `${ring.control}: ${ring.ring}`);
        assert.deepEqual(unseen, [], `${where}: focus not visible on`);
      }
    }
    const options = await extensionPage(browser, 'options.html');
    await options.setViewport({ width: 600, height: 800 });
    for (const scheme of name === 'chromium' ? ['light', 'dark'] : ['light']) {
      if (name === 'chromium') await options.raw.emulateMedia({ colorScheme: scheme });
      await options.reload();
      await options.waitFor(() => !!document.querySelector('.topic-table'), undefined, { what: 'the topics table' });
      await options.raw.bringToFront();
      const rings = await tabThroughAll(options, 200);
      assert.ok(rings.length >= 10, `options ${scheme}: ${rings.length} controls walked`);
      const unseen = rings.filter((ring) => !ring.visible).map((ring) => `${ring.control}: ${ring.ring}`);
      assert.deepEqual(unseen, [], `${name} ${scheme} options: focus not visible on`);
    }
    await options.close();
  });

  test('no serious accessibility violations, light and dark (Chromium); nothing overflows sideways', async () => {
    // Firefox over WebDriver BiDi cannot emulate a colour scheme: the dark theme is checked in Chromium.
    for (const scheme of name === 'chromium' ? ['light', 'dark'] : ['light']) {
      if (name === 'chromium') await popup.raw.emulateMedia({ colorScheme: scheme });
      for (const open of [null, 'ukraine']) {
        await popup.reload();
        await popup.waitFor(() => !!document.querySelector('.topic-row'), undefined, { what: 'the topics' });
        if (open) {
          await popup.click(`.topic-row[data-topic-id="${open}"]`);
          await popup.waitFor(() => !!document.querySelector('.story'), undefined, { what: 'the stories' });
        }
        const violations = await axe(popup);
        assert.deepEqual(violations, [], `${scheme} ${open ?? 'topics'}: ${JSON.stringify(violations, null, 1)}`);
        const sideways = await popup.evaluate(() => {
          const main = document.querySelector('.bw-popup');
          return main.scrollWidth - main.clientWidth;
        });
        assert.equal(sideways, 0, `${scheme} ${open ?? 'topics'}: no sideways scroll`);
        await popup.screenshot(join(ARTIFACTS, `popup-${name}-${scheme}-${open ?? 'topics'}.png`));
      }
    }
  });

  test('the options page: no sideways scroll with a long tab title, no serious accessibility violations', async () => {
    const page = await browser.open(`${server.origin}/${ARTICLES[1]}`);
    await page.evaluate(() => {
      document.title = 'A-very-long-tab-title-without-any-space-'.repeat(12);
    });
    const options = await extensionPage(browser, 'options.html');
    await options.setViewport({ width: 600, height: 800 });
    await options.waitFor(() => !!document.querySelector('.tester select'), undefined, { what: 'the tab picker' });
    const sideways = await options.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(sideways <= 0, `the options page scrolls sideways by ${sideways} px`);
    const violations = await axe(options);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    await options.screenshot(join(ARTIFACTS, `options-${name}.png`));
    await options.close();
    await page.close();
  });
}
