// `npm run bench:popup [-- --json]`: the popup after a year of reading, in Chromium. A profile of 50 topics, 10,000
// articles (~5,500 characters, 20% Arabic) and 2,000 highlights (tests/bench/popup-profile.ts) is put in through the
// background's real message handlers (capture:save and highlight:add from a page's content-script world, notes from an
// extension page) and the browser profile is cached under .bench/popup/ for later runs (BENCH_POPUP_REBUILD=1 makes
// it again). Baseline in the same run: the same popup on an empty database with the same topics.
// Measured, in a popup-sized tab: topic list shown; first cards of the biggest topic; a note, a delete and its undo
// reflected; search per keystroke (when the popup has a search field); popup JS heap; bytes the popup received per
// step; database size per 1,000 articles.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  ask,
  extensionPage,
  launchWithExtension,
  searchIndexSettled,
  sendFromPage,
  serveDirectory,
  setTopics,
} from './harness.mjs';

// Run through scripts/bench.mjs (BENCH_JSON, BENCH_JSON_FILE) or on its own with --json.
const json = process.argv.includes('--json') || process.env.BENCH_JSON === '1';
const log = (...args) => (json ? console.error : console.log)(...args);
const ROUNDS = Number(process.env.BENCH_POPUP_ROUNDS ?? 10);
// BENCH_POPUP_ARTICLES=N: only the profile's first N articles (and their highlights), cached apart; a quicker look on a
// loaded machine, not the year of reading the targets are set for.
const ARTICLES_SHOWN = Number(process.env.BENCH_POPUP_ARTICLES) || undefined;
const BENCH_DIR = join(ROOT, '.bench', 'popup');
const VIEWPORT = { width: 420, height: 600 };
const BATCH = 500;
// Captures in flight at once: the background waits on IndexedDB and storage about half the time, so one capture's
// wait is another's work (10,000 went in at ~400 ms each four at a time, ~50 ms each sixteen at a time).
const CONCURRENCY = 16;
// A query typed key by key: an Arabic word written with a clitic in many articles, then an English phrase.
const SEARCH_QUERIES = ['الحكومة', '"talks would resume"'];

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}
const round1 = (x) => Math.round(x * 10) / 10;
const mb = (bytes) => Math.round((bytes / 1e6) * 100) / 100;

// --- The profile -------------------------------------------------------------------------------------------------

function buildProfileData() {
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--config', 'vitest.bench.config.ts', 'tests/bench/popup-profile.test.ts'];
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error('bench:popup could not build its profile');
}

async function profileFile() {
  const files = (await readdir(BENCH_DIR)).filter((f) => /^profile-v\d+\.json$/.test(f));
  const newest = files.sort((a, b) => Number(b.match(/\d+/)[0]) - Number(a.match(/\d+/)[0]))[0];
  if (!newest) throw new Error('no bench:popup profile was written');
  return { file: join(BENCH_DIR, newest), version: Number(newest.match(/\d+/)[0]) };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The pages the feeding tab visits: a blank one, and the articles in no topic that get highlighted. */
async function writePages(profile, dir) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'feeder.html'), '<!doctype html><title>feeder</title><p>bench:popup</p>');
  await Promise.all(
    profile.noTopicPages.map((page, i) =>
      writeFile(
        join(dir, `no-topic-${i}.html`),
        `<!doctype html><html lang="${page.lang}" dir="${page.dir}"><head><meta charset="utf-8">` +
          `<title>${escapeHtml(page.title)}</title><meta property="og:type" content="article">` +
          `<meta property="article:published_time" content="2026-06-01T10:00:00Z"></head><body><main><article>` +
          `<h1>${escapeHtml(page.title)}</h1>${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}` +
          `</article></main></body></html>`,
      ),
    ),
  );
}

function quoteSelectors(h) {
  return [
    { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
    { type: 'TextPositionSelector', start: h.start, end: h.start + h.exact.length },
  ];
}

function failures(replies, what) {
  const bad = replies.filter((r) => !r?.ok);
  if (bad.length) throw new Error(`${bad.length} ${what} failed, first: ${bad[0]?.error ?? 'no reply'}`);
}

/** Puts the profile into a fresh browser profile through the extension's handlers; returns what it took. */
async function populate(profile, userDataDir) {
  const pagesDir = join(BENCH_DIR, 'pages');
  await writePages(profile, pagesDir);
  const server = await serveDirectory(pagesDir);
  // The background refuses a capture of another site than the sending tab's: every article moves to the feeder's own
  // site, under a folder named after its site (its site name stays as the profile gives it).
  for (const { article } of profile.captures) {
    const url = new URL(article.url);
    article.url = article.pageUrl = `${server.origin}/${url.host}${url.pathname}`;
  }
  const browser = await launchWithExtension({ userDataDir });
  const start = performance.now();
  try {
    await setTopics(
      browser,
      profile.topics.map(({ id, name, query }) => ({ id, name, query })),
    );
    const feeder = await browser.context.newPage();
    await feeder.goto(`${server.origin}/feeder.html`);
    for (let i = 0; i < profile.captures.length; i += BATCH) {
      const batch = profile.captures.slice(i, i + BATCH).map((payload) => ({ type: 'capture:save', payload }));
      failures(await sendFromPage(browser, feeder, batch, CONCURRENCY), 'captures');
      if ((i / BATCH) % 4 === 3)
        log(`bench:popup: ${i + BATCH} articles in, ${Math.round((performance.now() - start) / 1000)} s`);
    }
    const ids = new Array(profile.highlights.length);
    const onArticles = profile.highlights.map((h, i) => ({ h, i })).filter(({ h }) => !h.onNoTopicPage);
    for (let i = 0; i < onArticles.length; i += BATCH) {
      const part = onArticles.slice(i, i + BATCH);
      const replies = await sendFromPage(
        browser,
        feeder,
        part.map(({ h }) => {
          const url = profile.captures[h.article].article.url;
          return { type: 'highlight:add', payload: { pageUrl: url, articleUrl: url, selectors: quoteSelectors(h) } };
        }),
        CONCURRENCY,
      );
      failures(replies, 'highlights');
      part.forEach(({ i: index }, k) => (ids[index] = replies[k].result.id));
    }
    // Highlights on pages in no topic: the reader is on the page, so the background clips its article (no topic).
    for (let p = 0; p < profile.noTopicPages.length; p++) {
      const url = `${server.origin}/no-topic-${p}.html`;
      await feeder.goto(url, { waitUntil: 'load' });
      const own = profile.highlights.map((h, i) => ({ h, i })).filter(({ h }) => h.onNoTopicPage && h.article === p);
      const replies = await sendFromPage(
        browser,
        feeder,
        own.map(({ h }) => ({
          type: 'highlight:add',
          payload: { pageUrl: url, articleUrl: url, selectors: quoteSelectors(h) },
        })),
        1,
      );
      failures(replies, 'no-topic highlights');
      own.forEach(({ i }, k) => (ids[i] = replies[k].result.id));
    }
    const popup = await extensionPage(browser);
    // The cached profile holds a complete search index: each run measures on it instead of indexing again.
    await searchIndexSettled(popup, { timeoutMs: 3_600_000 });
    log(`bench:popup: searchable after ${Math.round((performance.now() - start) / 1000)} s`);
    const notes = profile.highlights.map((h, i) => ({ id: ids[i], note: h.note })).filter((n) => n.note);
    const noteErrors = await popup.evaluate(async (list) => {
      const errors = [];
      for (const { id, note } of list) {
        const reply = await chrome.runtime.sendMessage({ beatwatch: 1, type: 'highlight:note', payload: { id, note } });
        if (!reply?.ok) errors.push(reply?.error);
      }
      return errors;
    }, notes);
    if (noteErrors.length) throw new Error(`notes failed: ${noteErrors[0]}`);
    await searchIndexSettled(popup);
    const seconds = Math.round((performance.now() - start) / 1000);
    const dbVersion = await databaseVersion(browser);
    return { seconds, dbVersion, extensionId: browser.extensionId };
  } finally {
    await browser.close();
    await server.close();
  }
}

const databaseVersion = (browser) =>
  browser.worker().evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'beatwatch')?.version);

/** The cached browser profile holding the year of reading, made first when missing. */
async function cachedBrowserProfile() {
  buildProfileData();
  const { file, version } = await profileFile();
  const dir = join(BENCH_DIR, `chromium-v${version}${ARTICLES_SHOWN ? `-n${ARTICLES_SHOWN}` : ''}`);
  const metaFile = `${dir}.json`;
  if (process.env.BENCH_POPUP_REBUILD) await rm(dir, { recursive: true, force: true });
  if (!existsSync(metaFile) || !existsSync(dir)) {
    const profile = JSON.parse(await readFile(file, 'utf8'));
    if (ARTICLES_SHOWN) {
      profile.captures = profile.captures.slice(0, ARTICLES_SHOWN);
      profile.highlights = profile.highlights.filter((h) => h.onNoTopicPage || h.article < ARTICLES_SHOWN);
    }
    log(`bench:popup: putting ${profile.captures.length} articles and ${profile.highlights.length} highlights in…`);
    const scratch = `${dir}.tmp`;
    await rm(scratch, { recursive: true, force: true });
    const made = await populate(profile, scratch);
    await rm(dir, { recursive: true, force: true });
    await rename(scratch, dir);
    const meta = {
      ...made,
      articles: profile.captures.length,
      highlights: profile.highlights.length,
      topics: profile.topics.map(({ id, name, query }) => ({ id, name, query })),
      bigTopicId: profile.bigTopicId,
    };
    await writeFile(metaFile, JSON.stringify(meta, null, 1));
    log(`bench:popup: profile made in ${made.seconds} s (database v${made.dbVersion})`);
  }
  return { dir, meta: JSON.parse(await readFile(metaFile, 'utf8')) };
}

// --- Measuring ---------------------------------------------------------------------------------------------------

/**
 * Runs in the popup before its own scripts: records every reply the popup receives (type, bytes, round trip) and when
 * watched elements first appear (the frame after they do: when they can be seen).
 */
function instrument() {
  const bw = { messages: [], shown: {} };
  window.__bw = bw;
  const runtime = chrome.runtime;
  const send = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args) => {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    const sentAt = performance.now();
    const promise = send(...args);
    promise.then(
      (reply) =>
        bw.messages.push({
          type: args[0]?.type,
          at: sentAt,
          ms: performance.now() - sentAt,
          bytes: new TextEncoder().encode(JSON.stringify(reply ?? null)).length,
        }),
      () => {},
    );
    if (!callback) return promise;
    promise.then(callback, () => callback(undefined));
    return undefined;
  };
  const watched = ['.topic-row', '.article-card'];
  const observer = new MutationObserver(() => {
    for (const selector of watched) {
      if (bw.shown[selector] || !document.querySelector(selector)) continue;
      bw.shown[selector] = -1;
      requestAnimationFrame(() => (bw.shown[selector] = performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** In the page: does `action`, then waits for `done()` and one frame; milliseconds from the action. */
const timeInPage = (page, action, done, arg) =>
  page.evaluate(
    async ([actionSource, doneSource, value]) => {
      const act = new Function('arg', `return (${actionSource})(arg)`);
      const finished = new Function('arg', `return (${doneSource})(arg)`);
      const start = performance.now();
      await act(value);
      await new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('timed out')), 30000);
        const check = () => {
          if (!finished(value)) return false;
          clearTimeout(timeout);
          observer.disconnect();
          requestAnimationFrame(() => resolve());
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
        check();
      });
      return performance.now() - start;
    },
    [action.toString(), done.toString(), arg],
  );

async function openPopup(browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(instrument);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(() => window.__bw.shown['.topic-row'] > 0, null, { timeout: 600_000 });
  return page;
}

/** The round trip of the latest reply of that type the popup received (where a step's time goes: background or page). */
const lastRoundTrip = (page, type) =>
  page.evaluate((t) => window.__bw.messages.filter((m) => m.type === t).at(-1)?.ms ?? NaN, type);

const receivedBytes = (page) => page.evaluate(() => window.__bw.messages.reduce((sum, m) => sum + m.bytes, 0));

async function heapMb(browser, page, collect) {
  const cdp = await browser.context.newCDPSession(page);
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return mb(usedSize);
}

async function storageUsage(browser) {
  const page = await extensionPage(browser);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  await page.close();
  return usage;
}

/** A copy of the cached profile to run on: measurements change the database (deletes are undone, notes are not). */
async function launchCopy(dir) {
  const copy = await mkdtemp(join(tmpdir(), 'beatwatch-bench-popup-'));
  await cp(dir, copy, { recursive: true });
  // Chromium keeps the extension's service worker script in the profile: a newer build would not be run.
  await rm(join(copy, 'Default', 'Service Worker'), { recursive: true, force: true });
  const browser = await launchWithExtension({ userDataDir: copy });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(copy, { recursive: true, force: true });
    },
  };
}

async function measure() {
  const { dir, meta } = await cachedBrowserProfile();
  const full = await launchCopy(dir);
  const empty = await launchWithExtension();
  const figures = {
    rounds: ROUNDS,
    profile: { articles: meta.articles, highlights: meta.highlights, madeInSeconds: meta.seconds },
  };
  try {
    await setTopics(empty, meta.topics);
    const cachedVersion = meta.dbVersion;
    // The first open also upgrades a profile cached by an older schema: timed apart from the rounds.
    const firstStart = performance.now();
    const warm = await openPopup(full.browser);
    figures.firstOpenMs = Math.round(performance.now() - firstStart);
    figures.database = { cachedVersion, version: await databaseVersion(full.browser) };
    await warm.close();
    // An upgrade rebuilds the search index in the background: measured apart, not while the rounds run.
    figures.searchIndex = await waitForSearchIndex(full.browser);
    await (await openPopup(empty)).close();

    // Topic list: full and empty in turns.
    const list = { full: [], empty: [], bytesFull: 0, bytesEmpty: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, browser] of [
        ['full', full.browser],
        ['empty', empty],
      ]) {
        const page = await openPopup(browser);
        list[name].push(await page.evaluate(() => window.__bw.shown['.topic-row']));
        if (round === 0) list[name === 'full' ? 'bytesFull' : 'bytesEmpty'] = await receivedBytes(page);
        await page.close();
      }
      log(
        `bench:popup: topic list round ${round + 1}: ${round1(list.full.at(-1))} ms (empty ${round1(list.empty.at(-1))} ms)`,
      );
    }
    figures.topicList = {
      fullMs: round1(median(list.full)),
      fullP90Ms: round1(percentile(list.full, 90)),
      emptyMs: round1(median(list.empty)),
      ratio: Math.round((median(list.full) / median(list.empty)) * 100) / 100,
      bytesOnOpen: list.bytesFull,
      bytesOnOpenEmpty: list.bytesEmpty,
    };

    // One topic: first cards, a note, a delete and its undo, the heap.
    const topic = meta.bigTopicId;
    const steps = {
      cards: [],
      note: [],
      del: [],
      undo: [],
      rtCards: [],
      rtNote: [],
      rtDelete: [],
      rtUndo: [],
      bytesCards: 0,
      bytesNote: 0,
      bytesDelete: 0,
      heap: [],
      heapBeforeGc: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      const page = await openPopup(full.browser);
      let before = await receivedBytes(page);
      steps.cards.push(
        await timeInPage(
          page,
          (id) => document.querySelector(`.topic-row[data-topic-id="${id}"]`).click(),
          () => document.querySelector('.article-card'),
          topic,
        ),
      );
      steps.rtCards.push(await lastRoundTrip(page, 'digest:articles'));
      if (round === 0) steps.bytesCards = (await receivedBytes(page)) - before;
      steps.heapBeforeGc.push(await heapMb(full.browser, page, false));
      steps.heap.push(await heapMb(full.browser, page, true));

      const highlightId = await page.evaluate(
        () => document.querySelector('.highlight[data-highlight-id]')?.dataset.highlightId,
      );
      if (highlightId) {
        const text = `bench note ${round} ${Date.now()}`;
        await page.evaluate((id) => {
          const item = document.querySelector(`.highlight[data-highlight-id="${id}"]`);
          [...item.querySelectorAll('button')].find((b) => /note/i.test(b.textContent)).click();
        }, highlightId);
        await page.waitForSelector(`.highlight[data-highlight-id="${highlightId}"] textarea`);
        await page.evaluate(
          ([id, value]) => {
            const area = document.querySelector(`.highlight[data-highlight-id="${id}"] textarea`);
            area.value = value;
            area.dispatchEvent(new Event('input', { bubbles: true }));
          },
          [highlightId, text],
        );
        before = await receivedBytes(page);
        steps.note.push(
          await timeInPage(
            page,
            ([id]) => document.querySelector(`.highlight[data-highlight-id="${id}"] button[type="submit"]`).click(),
            ([id, value]) =>
              document.querySelector(`.highlight[data-highlight-id="${id}"] .note`)?.textContent === value,
            [highlightId, text],
          ),
        );
        steps.rtNote.push(await lastRoundTrip(page, 'highlight:note'));
        if (round === 0) steps.bytesNote = (await receivedBytes(page)) - before;
      }

      const articleId = await page.evaluate(() => document.querySelector('.article-card').dataset.articleId);
      before = await receivedBytes(page);
      steps.del.push(
        await timeInPage(
          page,
          (id) =>
            [...document.querySelectorAll(`.article-card[data-article-id="${id}"] button`)]
              .find((button) => button.textContent.trim() === 'Delete')
              .click(),
          (id) => !document.querySelector(`.article-card[data-article-id="${id}"]`),
          articleId,
        ),
      );
      steps.rtDelete.push(await lastRoundTrip(page, 'article:delete'));
      if (round === 0) steps.bytesDelete = (await receivedBytes(page)) - before;
      // The toast may have timed out when the delete took long (today's popup): no undo to time then.
      const canUndo = await page.evaluate(() =>
        [...document.querySelectorAll('.toast button')].some((b) => /undo/i.test(b.textContent)),
      );
      if (canUndo)
        steps.undo.push(
          await timeInPage(
            page,
            () => [...document.querySelectorAll('.toast button')].find((b) => /undo/i.test(b.textContent)).click(),
            (id) => document.querySelector(`.article-card[data-article-id="${id}"]`),
            articleId,
          ),
        );
      if (canUndo) steps.rtUndo.push(await lastRoundTrip(page, 'article:restore'));
      log(
        `bench:popup: round ${round + 1}: cards ${round1(steps.cards.at(-1))} ms, note ${round1(steps.note.at(-1))} ms, ` +
          `delete ${round1(steps.del.at(-1))} ms, undo ${canUndo ? round1(steps.undo.at(-1)) : 'timed out'} ` +
          `(replies: ${[steps.rtCards, steps.rtNote, steps.rtDelete, steps.rtUndo].map((xs) => round1(xs.at(-1))).join(', ')} ms)`,
      );
      await page.close();
    }
    figures.topic = {
      id: topic,
      firstCardsMs: round1(median(steps.cards)),
      firstCardsP90Ms: round1(percentile(steps.cards, 90)),
      noteMs: round1(median(steps.note)),
      deleteMs: round1(median(steps.del)),
      undoMs: round1(median(steps.undo)),
      roundTripMs: {
        cards: round1(median(steps.rtCards)),
        note: round1(median(steps.rtNote)),
        delete: round1(median(steps.rtDelete)),
        undo: round1(median(steps.rtUndo)),
      },
      bytesFirstCards: steps.bytesCards,
      bytesNote: steps.bytesNote,
      bytesDelete: steps.bytesDelete,
    };
    figures.heap = { afterGcMb: median(steps.heap), beforeGcMb: median(steps.heapBeforeGc) };

    figures.search = await measureSearch(full.browser);

    const usage = { full: await storageUsage(full.browser), empty: await storageUsage(empty) };
    figures.storage = {
      fullMb: mb(usage.full),
      emptyMb: mb(usage.empty),
      perThousandArticlesMb: mb(((usage.full - usage.empty) / meta.articles) * 1000),
    };
  } finally {
    await full.close();
    await empty.close();
  }
  return figures;
}

/**
 * Waits until the search index has taken in every change (after an upgrade it rebuilds from all articles). Returns
 * how long that took from here, or null when this build has no search.
 */
async function waitForSearchIndex(browser) {
  const page = await extensionPage(browser);
  const start = performance.now();
  try {
    for (;;) {
      const status = await ask(page, 'search:status').catch(() => null);
      if (!status) return null;
      if (status.pending === 0) return { waitedMs: Math.round(performance.now() - start) };
      log(`bench:popup: search index: ${status.pending} items to index`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  } finally {
    await page.close();
  }
}

/** Per keystroke: from the input event to results for that text on screen. Skipped when the popup has no search. */
async function measureSearch(browser) {
  const page = await openPopup(browser);
  const field = await page.$('input[type="search"]');
  if (!field) {
    await page.close();
    return null;
  }
  const perKey = [];
  const perQuery = {};
  for (const query of SEARCH_QUERIES) {
    perQuery[query] = [];
    for (let round = 0; round < Math.max(3, Math.ceil(ROUNDS / 3)); round++) {
      for (let n = 1; n <= query.length; n++) {
        const value = query.slice(0, n);
        const ms = await timeInPage(
          page,
          (text) => {
            const input = document.querySelector('input[type="search"]');
            input.focus();
            input.value = text;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          },
          (text) => document.querySelector('.search-results')?.dataset.query === text,
          value,
        );
        perKey.push(ms);
        perQuery[query].push(ms);
      }
      await page.evaluate(() => {
        const input = document.querySelector('input[type="search"]');
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
  }
  const results = await page.evaluate(() => document.querySelectorAll('.search-results .search-hit').length);
  await page.close();
  return {
    perKeystrokeMs: round1(median(perKey)),
    perKeystrokeP90Ms: round1(percentile(perKey, 90)),
    queries: Object.fromEntries(Object.entries(perQuery).map(([q, xs]) => [q, round1(median(xs))])),
    lastResultsShown: results,
  };
}

const TARGETS = {
  topicListRatio: 1.3,
  firstCardsMs: 150,
  reflectedMs: 50,
  heapMb: 30,
  searchKeystrokeMs: 50,
};

function verdicts(f) {
  const ok = (value, limit) => (Number.isFinite(value) ? (value <= limit ? 'ok' : 'MISSED') : 'n/a');
  return {
    topicList: ok(f.topicList.ratio, TARGETS.topicListRatio),
    firstCards: ok(f.topic.firstCardsMs, TARGETS.firstCardsMs),
    note: ok(f.topic.noteMs, TARGETS.reflectedMs),
    delete: ok(f.topic.deleteMs, TARGETS.reflectedMs),
    heap: ok(f.heap.afterGcMb, TARGETS.heapMb),
    search: ok(f.search?.perKeystrokeMs, TARGETS.searchKeystrokeMs),
  };
}

const figures = await measure();
figures.targets = TARGETS;
figures.verdicts = verdicts(figures);
if (process.env.BENCH_JSON_FILE) {
  (await import('node:fs')).writeFileSync(process.env.BENCH_JSON_FILE, JSON.stringify(figures));
} else if (json) {
  console.log(JSON.stringify(figures));
} else {
  const f = figures;
  const v = f.verdicts;
  const rows = [
    [
      'profile',
      `${f.profile.articles} articles, ${f.profile.highlights} highlights (made in ${f.profile.madeInSeconds} s)`,
    ],
    ['database', `v${f.database.cachedVersion} cached → v${f.database.version}; first open ${f.firstOpenMs} ms`],
    ['topic list (median, p90)', `${f.topicList.fullMs} ms, ${f.topicList.fullP90Ms} ms`],
    ['  empty database (baseline)', `${f.topicList.emptyMs} ms`],
    ['  ratio (target ≤ 1.3)', `${f.topicList.ratio}× ${v.topicList}`],
    ['  bytes received on open', `${f.topicList.bytesOnOpen} (empty: ${f.topicList.bytesOnOpenEmpty})`],
    [
      'first cards (target ≤ 150 ms)',
      `${f.topic.firstCardsMs} ms (p90 ${f.topic.firstCardsP90Ms}) ${v.firstCards}; ${f.topic.bytesFirstCards} bytes`,
    ],
    ['note reflected (≤ 50 ms)', `${f.topic.noteMs} ms ${v.note}; ${f.topic.bytesNote} bytes`],
    ['delete reflected (≤ 50 ms)', `${f.topic.deleteMs} ms ${v.delete}; ${f.topic.bytesDelete} bytes`],
    ['undo reflected', `${f.topic.undoMs} ms`],
    [
      '  of which the reply (median)',
      `cards ${f.topic.roundTripMs.cards} ms, note ${f.topic.roundTripMs.note} ms, ` +
        `delete ${f.topic.roundTripMs.delete} ms, undo ${f.topic.roundTripMs.undo} ms`,
    ],
    ['popup JS heap (≤ 30 MB)', `${f.heap.afterGcMb} MB after GC (${f.heap.beforeGcMb} MB before) ${v.heap}`],
    [
      'search per keystroke (≤ 50 ms)',
      f.search ? `${f.search.perKeystrokeMs} ms (p90 ${f.search.perKeystrokeP90Ms}) ${v.search}` : 'no search field',
    ],
    [
      'storage',
      `${f.storage.fullMb} MB (empty ${f.storage.emptyMb} MB): ${f.storage.perThousandArticlesMb} MB per 1,000 articles`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, value] of rows) log(`${k.padEnd(width)}  ${value}`);
}
