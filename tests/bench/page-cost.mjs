// bench:page (run by scripts/bench.mjs): what Beatwatch costs a page, measured in real Chromium
// from DevTools traces. For non-article pages: main-thread time of gate.js (evaluation up
// to its "not an article" decision). For article pages: the extractor's main-thread time and
// the longest single task while it works. Baseline in the same run: the browser's own HTML
// parsing of the same page (ParseHTML), so ratios hold on noisy machines.
import { writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  extensionPage,
} from '../../scripts/harness.mjs';
import { storedFrom, traceBeatwatch } from '../../scripts/beatwatch-tasks.mjs';
import { HOSTILE_PAGES } from '../../scripts/hostile-pages.mjs';

// scripts/bench.mjs asks for JSON by naming a file (BENCH_JSON_FILE); the table then goes to stderr.
const jsonFile = process.env.BENCH_JSON_FILE;
const json = Boolean(jsonFile);
const log = (...args) => (json ? console.error : console.log)(...args);
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 5);
// While iterating on one part: BENCH_PAGE_ONLY=gate, articles, highlights or hostile (comma-separated) skips the others.
const ONLY = process.env.BENCH_PAGE_ONLY?.split(',');
const runs = (part) => !ONLY || ONLY.includes(part);
const GATE = join(ROOT, 'tests', 'fixtures', 'gate');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}
const ms = (us) => Math.round(us) / 1000;
const tenth = (x) => Math.round(x * 10) / 10;

/** Loads a URL with tracing on and returns the complete events ('X') with durations in µs. */
async function traceLoad(browser, url, { afterLoad, light = false } = {}) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    // Light: what the gate's figures need (script evaluation, callbacks, parsing, User Timing), with less of the
    // tracer's own overhead in the few milliseconds measured.
    traceConfig: {
      includedCategories: light
        ? ['devtools.timeline', 'blink.user_timing']
        : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink.user_timing'],
    },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  if (afterLoad) await afterLoad(page);
  else await page.waitForTimeout(400);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  complete.gateDecisionUs = gateDecisionUs(events);
  complete.gateFromScriptStartUs = gateFromScriptStartUs(events);
  return complete;
}

/** From the start of gate.js's evaluation (the trace's EvaluateScript) to the gate's decision: all the script costs first. */
function gateFromScriptStartUs(events) {
  const evaluation = events.find(
    (e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith('/gate.js'),
  );
  const end = events.find((e) => e.name === 'beatwatch:gate' && e.ph === 'b')?.args?.callTime;
  return evaluation && typeof end === 'number' ? end - evaluation.ts : NaN;
}

/**
 * The gate's decision time from the trace: gate.ts marks 'beatwatch:gate-start' and measures 'beatwatch:gate'
 * from it. Traces keep both call times in µs, where the page's performance entries are rounded to 0.1 ms.
 */
function gateDecisionUs(events) {
  const start = events.find((e) => e.name === 'beatwatch:gate-start')?.args?.data?.callTime;
  const end = events.find((e) => e.name === 'beatwatch:gate' && e.ph === 'b')?.args?.callTime;
  return typeof start === 'number' && typeof end === 'number' ? end - start : NaN;
}

const byScript = (events, file) =>
  events.filter(
    (e) =>
      (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.callFunction') &&
      String(e.args?.data?.url ?? '').endsWith(file),
  );
/** Top-level script time, without counting nested events twice. */
function topLevelSum(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  let total = 0;
  let end = -1;
  for (const e of sorted) {
    if (e.ts >= end) {
      total += e.dur;
      end = e.ts + e.dur;
    } else if (e.ts + e.dur > end) {
      total += e.ts + e.dur - end;
      end = e.ts + e.dur;
    }
  }
  return total;
}
const parseTime = (events) => events.filter((e) => e.name === 'ParseHTML').reduce((sum, e) => sum + e.dur, 0);
const isTask = (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
const longestTask = (events) => Math.max(0, ...events.filter(isTask).map((e) => e.dur));

async function bigArticle() {
  const html = await readFile(join(PAGES, 'article--world-news-daily--ukraine-grain-talks.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]);
  // Numbered copies: identical paragraphs would be dropped as repeats and make the page look small.
  let body = '';
  for (let i = 1; body.length < 1_000_000; i++)
    body += paragraphs.map((p) => p.replace('<p>', `<p>(${i}) `)).join('\n');
  const page = html.replace(/(<div class="article-text"[^>]*>)/, `$1\n${body}`);
  if (page === html) throw new Error('bench:page could not grow the English fixture: its markup changed');
  return page;
}

const extensionSize = async (file) => (await stat(join(ROOT, '.output', 'chrome-mv3', file))).size;

const labels = JSON.parse(await readFile(join(GATE, 'labels.json'), 'utf8'));
const nonArticles = labels.filter((e) => e.label !== 'article').map((e) => e.file);

/** Re-attaching 100 highlights stored for the 1 MB page, as a reader's visit would. */
async function measureHighlights() {
  // 100 highlights on the long page, stored as a reader's would be, then re-attached on a visit.
  const longUrl = `${server.origin}/__big-article.html`;
  const quotes = await (async () => {
    const page = await browser.context.newPage();
    await page.goto(longUrl, { waitUntil: 'load' });
    const found = await page.evaluate(() => {
      const text = document.body.textContent;
      const paragraphs = [...document.querySelectorAll('.article-text p')];
      const step = Math.max(1, Math.floor(paragraphs.length / 100));
      const out = [];
      for (let i = 0; out.length < 100 && i < paragraphs.length; i += step) {
        const exact = paragraphs[i].textContent.trim().slice(0, 60);
        const at = text.indexOf(exact, out.length ? out[out.length - 1].end : 0);
        if (at < 0) continue;
        out.push({
          exact,
          start: at,
          end: at + exact.length,
          prefix: text.slice(Math.max(0, at - 32), at),
          suffix: text.slice(at + exact.length, at + exact.length + 32),
        });
      }
      return out;
    });
    await page.close();
    return found;
  })();
  await browser.worker().evaluate(
    ([pageUrl, items]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('beatwatch');
        open.onsuccess = () => {
          const tx = open.result.transaction('highlights', 'readwrite');
          items.forEach((q, i) =>
            tx.objectStore('highlights').put({
              id: `h-bench-${String(i).padStart(4, '0')}`,
              pageUrl,
              selectors: [
                { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
                { type: 'TextPositionSelector', start: q.start, end: q.end },
              ],
              note: '',
              placed: true,
              createdAt: i,
              updatedAt: i,
            }),
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [longUrl, quotes],
  );
  const reattach = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    await page.goto(longUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('beatwatch:highlights').length > 0, null, {
      timeout: 15000,
    });
    reattach.push(
      await page.evaluate(() => ({
        ms: performance.getEntriesByName('beatwatch:highlights')[0].duration,
        // Baseline: one read of the page's text, the least any re-attachment has to do.
        textMs: (() => {
          const start = performance.now();
          void document.body.textContent.length;
          return performance.now() - start;
        })(),
        painted: CSS.highlights.get('beatwatch-highlight')?.size ?? 0,
        longTasks: window.__longTasks,
      })),
    );
    await page.close();
  }

  return {
    count: quotes.length,
    painted: Math.min(...reattach.map((r) => r.painted)),
    reattachMedianMs: tenth(median(reattach.map((r) => r.ms))),
    reattachMaxMs: tenth(Math.max(...reattach.map((r) => r.ms))),
    readTextMedianMs: tenth(median(reattach.map((r) => r.textMs))),
    ratioToReadText:
      Math.round((median(reattach.map((r) => r.ms)) / Math.max(0.1, median(reattach.map((r) => r.textMs)))) * 10) / 10,
    longTasksOverFiftyMs: reattach.flatMap((r) => r.longTasks).length,
  };
}

/** The hostile page suite (scripts/hostile-pages.mjs): per page, Beatwatch's longest call and the text stored. */
async function measureHostile() {
  const out = [];
  for (const page of HOSTILE_PAGES) server.override(`/__${page.file}`, page.build());
  for (const page of HOSTILE_PAGES) {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const url = `${server.origin}/__${page.file}?r=${round}`;
      const tab = await browser.context.newPage();
      const tracer = await traceBeatwatch(browser.context, tab);
      let calls;
      try {
        await tab.goto(url, { waitUntil: 'load' });
        const deadline = Date.now() + 60_000;
        while ((await storedFrom(browser, url)).length === 0 && Date.now() < deadline) await tab.waitForTimeout(250);
        await tab.waitForTimeout(1000);
      } finally {
        calls = await tracer.stop();
      }
      const stored = await storedFrom(browser, url);
      rounds.push({ longest: calls[0] ?? { threadMs: 0, wallMs: 0, what: 'none' }, chars: stored[0]?.chars ?? 0 });
      await tab.close();
    }
    const threads = rounds.map((r) => r.longest.threadMs);
    const worst = rounds.reduce((a, b) => (b.longest.threadMs > a.longest.threadMs ? b : a));
    out.push({
      name: page.name,
      longestThreadMs: tenth(median(threads)),
      worstThreadMs: tenth(Math.max(...threads)),
      longestWallMs: tenth(median(rounds.map((r) => r.longest.wallMs))),
      what: worst.longest.what,
      charsStored: Math.max(...rounds.map((r) => r.chars)),
    });
  }
  return out;
}

const server = await serveDirectory(ROOT);
const browser = await launchWithExtension();
try {
  await setTopics(browser, [{ name: 'Ukraine', query: 'Ukraine OR أوكرانيا' }]);
  const popup = await extensionPage(browser);
  const capturedTitles = async () => (await settledDigest(popup, { quietMs: 300 })).reduce((n, d) => n + d.count, 0);

  // Non-article pages: gate.js must decide fast and do nothing else.
  const gateUs = [];
  const decisionUs = [];
  const fromStartUs = [];
  const gateParseUs = [];
  for (let round = 0; round < (runs('gate') ? ROUNDS : 0); round++) {
    for (const file of nonArticles) {
      const events = await traceLoad(browser, `${server.origin}/tests/fixtures/gate/${file}`, {
        afterLoad: (page) => page.waitForTimeout(400),
        light: true,
      });
      const content = byScript(events, '/gate.js');
      if (!content.length) continue;
      gateUs.push(topLevelSum(content));
      if (!Number.isNaN(events.gateDecisionUs)) decisionUs.push(events.gateDecisionUs);
      if (!Number.isNaN(events.gateFromScriptStartUs)) fromStartUs.push(events.gateFromScriptStartUs);
      gateParseUs.push(parseTime(events));
      if (byScript(events, '/extractor.js').length) log(`  warning: the extractor ran on non-article ${file}`);
    }
  }

  // Article pages: the extractor's work and the longest task while it runs.
  const big = await bigArticle();
  const articlePages = [
    { name: 'seed page', path: `/tests/fixtures/pages/article--asharq-al-awsat--russia-ukraine-istanbul.html` },
    { name: '1 MB article', path: '/__big-article.html', body: big },
  ];
  const articles = [];
  await browser.context.route(`${server.origin}/__big-article.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: big }),
  );
  for (const { name, path, body } of runs('articles') ? articlePages : []) {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const url = `${server.origin}${path}${body ? '' : `?r=${round}`}`;
      let steps = [];
      const events = await traceLoad(browser, url, {
        afterLoad: async (page) => {
          await page.waitForTimeout(3500);
          // The watcher leaves one User Timing entry per idle task: planning, each article it extracts, then the
          // tokenizer's preparation and each article's matching.
          steps = await page.evaluate(() =>
            ['plan', 'extract', 'prepare', 'match'].flatMap((task) =>
              performance.getEntriesByName(`beatwatch:${task}`).map((e) => e.duration),
            ),
          );
        },
      });
      const extractor = byScript(events, '/extractor.js');
      const ours = [...extractor, ...byScript(events, '/gate.js')];
      const calls = [
        ...ours.map((e) => ({
          us: e.dur,
          what: `${e.name} ${String(e.args?.data?.url ?? '')
            .split('/')
            .pop()}`,
        })),
        ...steps.map((ms) => ({ us: ms * 1000, what: 'extraction task' })),
      ];
      const longest = calls.reduce((a, b) => (b.us > a.us ? b : a), { us: 0, what: 'none' });
      rounds.push({
        stepsMs: steps,
        extractUs: steps.reduce((a, b) => a + b, 0) * 1000,
        // Beatwatch's longest uninterrupted stretch on the main thread: a script evaluation, a callback, or an extraction step.
        longestOwnCallUs: longest.us,
        longestOwnCall: longest.what,
        longestTaskUs: longestTask(events),
        parseUs: parseTime(events),
        captured: await capturedTitles(),
      });
    }
    articles.push({
      name,
      bytes: (body ?? (await readFile(join(ROOT, path))).toString()).length,
      extractMs: ms(median(rounds.map((r) => r.extractUs))),
      stepsMs: rounds.at(-1).stepsMs.map((x) => Math.round(x * 10) / 10),
      longestBeatwatchCallMs: ms(Math.max(...rounds.map((r) => r.longestOwnCallUs))),
      longestBeatwatchCallMedianMs: ms(median(rounds.map((r) => r.longestOwnCallUs))),
      longestBeatwatchCallWas: rounds.reduce((a, b) => (b.longestOwnCallUs > a.longestOwnCallUs ? b : a))
        .longestOwnCall,
      longestPageTaskMs: ms(median(rounds.map((r) => r.longestTaskUs))),
      captured: rounds.at(-1).captured,
      parseMs: ms(median(rounds.map((r) => r.parseUs))),
    });
  }
  await settledDigest(popup, { quietMs: 500 });

  const highlights = runs('highlights') ? await measureHighlights() : undefined;
  const hostile = runs('hostile') ? await measureHostile() : undefined;

  const figures = {
    nonArticle: runs('gate')
      ? {
          pages: nonArticles.length,
          samples: gateUs.length,
          decisionMedianMs: ms(median(decisionUs)),
          decisionP95Ms: ms(percentile(decisionUs, 95)),
          fromScriptStartMedianMs: ms(median(fromStartUs)),
          fromScriptStartP95Ms: ms(percentile(fromStartUs, 95)),
          contentScriptMedianMs: ms(median(gateUs)),
          contentScriptP95Ms: ms(percentile(gateUs, 95)),
          parseHtmlMedianMs: ms(median(gateParseUs)),
          ratioToParse: Math.round((median(gateUs) / median(gateParseUs)) * 100) / 100,
        }
      : undefined,
    articles: articles.map((a) => ({ ...a, ratioExtractToParse: Math.round((a.extractMs / a.parseMs) * 100) / 100 })),
    highlights,
    hostile,
    sizes: { gateJsBytes: await extensionSize('gate.js'), extractorJsBytes: await extensionSize('extractor.js') },
  };
  if (json) writeFileSync(jsonFile, JSON.stringify(figures));
  else {
    const n = figures.nonArticle;
    if (n) {
      log(`non-article pages (${n.pages} pages × ${ROUNDS} rounds, ${n.samples} samples):`);
      log(
        `  the gate's decision (main() to "not an article", from the trace's User Timing): median ${n.decisionMedianMs} ms, p95 ${n.decisionP95Ms} ms`,
      );
      log(
        `  from the script's start (its compilation and evaluation included) to the decision: median ${n.fromScriptStartMedianMs} ms, p95 ${n.fromScriptStartP95Ms} ms`,
      );
      log(
        `  gate.js in all (evaluation and callbacks while the page loads; traced): median ${n.contentScriptMedianMs} ms, p95 ${n.contentScriptP95Ms} ms`,
      );
      log(`  baseline, the browser parsing the same pages: median ${n.parseHtmlMedianMs} ms (ratio ${n.ratioToParse})`);
    }
    for (const a of figures.articles) {
      log(
        `${a.name} (${Math.round(a.bytes / 1024)} KB, ${a.captured} articles stored in all): extraction and matching ${a.extractMs} ms in all (median), per task (planning, each article, tokenizer, each match) [${a.stepsMs.join(', ')}] ms;`,
      );
      log(
        `    longest Beatwatch call (script evaluation, callback or extraction step): median ${a.longestBeatwatchCallMedianMs} ms, worst of ${ROUNDS} ${a.longestBeatwatchCallMs} ms (${a.longestBeatwatchCallWas}); the page's own longest task ${a.longestPageTaskMs} ms; parse ${a.parseMs} ms (extract/parse ${a.ratioExtractToParse})`,
      );
    }
    const h = highlights;
    if (h) {
      log(
        `re-attaching ${h.count} highlights on the 1 MB page: median ${h.reattachMedianMs} ms, max ${h.reattachMaxMs} ms, ${h.painted} painted; baseline one read of the page's text ${h.readTextMedianMs} ms (ratio ${h.ratioToReadText}); tasks over 50 ms during the visits (any, the page's own included): ${h.longTasksOverFiftyMs}`,
      );
    }
    for (const p of hostile ?? []) {
      log(
        `hostile page, ${p.name}: longest Beatwatch task ${p.longestThreadMs} ms thread time (median of ${ROUNDS}; worst ${p.worstThreadMs} ms; wall ${p.longestWallMs} ms, ${p.what}), ${p.charsStored} characters stored`,
      );
    }
    log(`sizes: gate.js ${figures.sizes.gateJsBytes} B, extractor.js ${figures.sizes.extractorJsBytes} B`);
  }
} finally {
  await browser.close();
  await server.close();
}
