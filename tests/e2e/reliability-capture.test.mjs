// End to end: nothing lost, nothing counted twice (issue 17 items 1 and 7). Thirty-odd generated pages of three
// articles each are captured in a control run; then, in Chromium, the same pages are captured again in a fresh
// profile while the service worker is stopped at random moments. Every article of the control run must be stored,
// once (visits 1), whatever the stops. In both browsers: a capture sent twice (its answer lost) is counted once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  ask,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  sendFromPage,
  serveDirectory,
  setTopics,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const SOURCE = 'article--world-news-daily--infinite-scroll.html';
const PAGE_COUNT = Number(process.env.BEATWATCH_RELIABILITY_PAGES ?? 30);
/** Tabs open at once: the pages capture concurrently, as a reader's restored session would. */
const OPEN_AT_ONCE = 6;
const TOPICS = [
  { id: 'energy', name: 'Energy', query: 'energy' },
  { id: 'ukraine', name: 'Ukraine', query: 'Ukraine' },
  { id: 'madrid', name: 'Madrid', query: 'Madrid' },
];

/**
 * The fixture with its three articles made page `i`'s own: their addresses (on the test server's own site, so they
 * are the articles' identities whatever the provenance rules) and titles carry the page number.
 */
async function generatedPages(count, origin) {
  const html = await readFile(join(PAGES, SOURCE), 'utf8');
  return Array.from({ length: count }, (_, i) => {
    const page = html
      .replaceAll('https://www.worldnewsdaily.example/', `${origin}/run/p${i}/`)
      .replace(/(<h[12][^>]*>(?:<a [^>]*>)?)/g, `$1P${i} `)
      .replace(/(<title>|"headline": "|og:title" content=")/g, `$1P${i} `);
    return [`/generated/p${i}.html`, page];
  });
}

/** Every stored article record, through the backup's paged reader. */
async function storedRecords(popup) {
  const records = [];
  let after;
  do {
    const page = await ask(popup, 'backup:articles', { limit: 500, ...(after ? { after } : {}) });
    records.push(...page.records);
    after = page.next;
  } while (after);
  return records;
}

/** Title → visits, for comparing runs. */
const visitsByTitle = (records) => new Map(records.map((r) => [r.title, r.visits]));

/** `work`, or a rejection naming `what` once `ms` have passed: a browser call that never answers fails the test. */
function withDeadline(work, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Polls until the stored records have not changed for `quietMs` and nothing is `busy`. */
async function settledRecords(popup, { quietMs = 3000, timeoutMs = 60_000, busy = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    // A read the stopped worker dropped is asked again at the next poll.
    const records = await withDeadline(storedRecords(popup), 15_000, 'backup:articles').catch(() => null);
    const key = records && JSON.stringify(records.map((r) => [r.id, r.visits]).sort());
    if (key !== null && key !== last) {
      last = key;
      since = Date.now();
    } else if (records && ((Date.now() - since >= quietMs && !busy()) || Date.now() > deadline)) {
      return records;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Opens the pages, a few loading at a time; all stay open until their captures settle (closing one drops its outbox). */
async function visitAll(browser, origin, paths) {
  const open = [];
  for (let i = 0; i < paths.length; i += OPEN_AT_ONCE) {
    open.push(...(await Promise.all(paths.slice(i, i + OPEN_AT_ONCE).map((path) => browser.open(`${origin}${path}`)))));
  }
  return open;
}

/**
 * Captures `paths` in a fresh profile. With `stops`, the worker is stopped every `minMs` + up to `spreadMs` ms while
 * the pages load and for 5 s after.
 */
async function captureRun(name, server, paths, { stops = null } = {}) {
  const browser = await launchWithExtension({ browser: name });
  try {
    await setTopics(browser, TOPICS);
    const popup = await extensionPage(browser);
    const retries = [];
    const retrying = new Set();
    const givenUp = [];
    browser.context?.on('console', (message) => {
      const text = message.text();
      const failed = /^Beatwatch: capture (\w+) attempt \d+ failed/.exec(text);
      if (failed) {
        retries.push(text);
        retrying.add(failed[1]);
      }
      const ended = /^Beatwatch: capture (\w+) (stored|given up) after/.exec(text);
      if (ended) {
        retrying.delete(ended[1]);
        if (ended[2] === 'given up') givenUp.push(text);
      }
    });
    let stopCount = 0;
    let stopping = Promise.resolve();
    let visiting = true;
    if (stops) {
      // A DevTools session on an extension page: its ServiceWorker domain reaches the extension's worker.
      const cdp = await browser.context.newCDPSession(popup.raw);
      await cdp.send('ServiceWorker.enable');
      stopping = (async () => {
        while (visiting) {
          await new Promise((r) => setTimeout(r, stops.minMs + Math.random() * stops.spreadMs));
          await withDeadline(cdp.send('ServiceWorker.stopAllWorkers'), 15_000, 'ServiceWorker.stopAllWorkers');
          stopCount++;
        }
      })();
    }
    const open = await visitAll(browser, server.origin, paths);
    // The stops go on a few seconds after the last page loaded, while its captures (and retries) run.
    await new Promise((r) => setTimeout(r, stops ? 5000 : 0));
    visiting = false;
    await stopping;
    // Settled once no capture is still between retries and nothing changed for longer than the longest backoff (8 s):
    // a page whose gate is still asking the stopped worker to load the extractor has logged no capture yet.
    const records = await settledRecords(popup, { busy: () => retrying.size > 0, quietMs: stops ? 10_000 : 3000 });
    await Promise.all(open.map((tab) => tab.close()));
    return { records, stopCount, retries, givenUp, stillRetrying: retrying.size };
  } finally {
    await browser.close();
  }
}

/** What a control run stored, kept for the Chromium run with stops. */
let control = null;

for (const name of e2eBrowsers()) {
  describe(`capture reliability in ${name}`, () => {
    let server;
    let paths;

    before(async () => {
      server = await serveDirectory(PAGES);
      const pages = await generatedPages(PAGE_COUNT, server.origin);
      for (const [path, html] of pages) server.override(path, html);
      paths = pages.map(([path]) => path);
    });

    after(async () => {
      await server?.close();
    });

    test(`control run: ${PAGE_COUNT} pages of three articles, each article stored once`, async () => {
      const started = Date.now();
      const { records, retries } = await captureRun(name, server, paths);
      const visits = visitsByTitle(records);
      console.log(
        `${name} control: ${PAGE_COUNT} pages, ${records.length} records, ${retries.length} retried sends, ${Date.now() - started} ms`,
      );
      assert.equal(records.length, PAGE_COUNT * 3, 'three articles per page');
      assert.equal(visits.size, records.length, 'one record per title');
      assert.deepEqual([...new Set(visits.values())], [1], 'each visited once, counted once');
      if (name === 'chromium') control = records;
    });

    test('a capture that arrives twice (its first answer lost) is counted once; a new capture is a visit', async () => {
      const browser = await launchWithExtension({ browser: name });
      try {
        await setTopics(browser, TOPICS);
        const popup = await extensionPage(browser);
        const page = await browser.open(`${server.origin}/generated/p0.html`);
        // Settled only once the page's energy article is there: on a loaded machine it can take longer than the
        // quiet period to arrive, and an empty database is quiet too.
        let energy;
        const deadline = Date.now() + 60_000;
        while (!energy && Date.now() < deadline) {
          const records = await settledRecords(popup, { quietMs: 2000, timeoutMs: 20_000 });
          energy = records.find((r) => r.topicIds.includes('energy'));
        }
        assert.ok(energy, 'the page captured its energy article');
        const capture = (captureId) => ({
          article: Object.fromEntries(
            ['url', 'pageUrl', 'title', 'dir', 'excerpt', 'text', 'byline', 'siteName', 'publishedAt', 'lang']
              .filter((key) => energy[key] !== undefined)
              .map((key) => [key, energy[key]]),
          ),
          matches: energy.matches,
          captureId,
        });
        const replies = await sendFromPage(browser, page, [
          { type: 'capture:save', payload: capture('e2e-retried-capture') },
          { type: 'capture:save', payload: capture('e2e-retried-capture') },
          { type: 'capture:save', payload: capture('e2e-retried-capture') },
        ]);
        assert.deepEqual(
          replies.map((r) => r.ok),
          [true, true, true],
        );
        const once = (await storedRecords(popup)).find((r) => r.id === energy.id);
        assert.equal(once.visits, energy.visits + 1, 'three arrivals of one capture: one visit');
        await sendFromPage(browser, page, [{ type: 'capture:save', payload: capture('e2e-another-capture') }]);
        const twice = (await storedRecords(popup)).find((r) => r.id === energy.id);
        assert.equal(twice.visits, energy.visits + 2, 'another capture of the article: another visit');
        assert.deepEqual(await ask(popup, 'capture:failed'), [], 'nothing failed to store');
      } finally {
        await browser.close();
      }
    });

    if (name === 'chromium') {
      test(
        'worker stopped at random points while pages capture: 0 lost, 0 counted twice (Chromium only: only Chromium can stop a worker)',
        { timeout: 300_000 },
        async () => {
          assert.ok(control, 'the control run ran first');
          const started = Date.now();
          // Random moments 150–900 ms apart: each stop lands somewhere different in a capture's steps.
          const { records, stopCount, retries, givenUp, stillRetrying } = await captureRun(name, server, paths, {
            stops: { minMs: 150, spreadMs: 750 },
          });
          const expected = visitsByTitle(control);
          const got = visitsByTitle(records);
          const lost = [...expected.keys()].filter((title) => !got.has(title));
          const twice = [...got].filter(([, visits]) => visits > 1).map(([title]) => title);
          const extra = [...got.keys()].filter((title) => !expected.has(title));
          const capturesHit = new Set(retries.map((text) => /capture (\w+)/.exec(text)[1])).size;
          console.log(
            `chromium stops: ${stopCount} stops, ${capturesHit} captures hit (${retries.length} failed sends retried), ` +
              `${records.length} of ${expected.size} stored, ${lost.length} lost, ${twice.length} counted twice, ` +
              `${Date.now() - started} ms`,
          );
          assert.ok(stopCount >= 10, `the worker was stopped (${stopCount} times)`);
          assert.deepEqual(givenUp, [], 'no page gave a capture up');
          assert.equal(stillRetrying, 0, 'no capture still retrying when the records were read');
          assert.deepEqual(lost, [], 'nothing lost');
          assert.deepEqual(twice, [], 'nothing counted twice');
          assert.deepEqual(extra, [], 'nothing the control run did not store');
        },
      );

      test(
        'worker stopped back to back while pages load (the gate cannot get the extractor loaded): each captured once the stops end',
        { timeout: 300_000 },
        async () => {
          assert.ok(control, 'the control run ran first');
          // As fast as DevTools can stop it (a stop takes it a few hundred ms): the gates' requests to load the
          // extractor are cut over and over, so most pages are only captured by a retry after the stops end.
          const few = paths.slice(0, 6);
          const { records, stopCount, retries, givenUp, stillRetrying } = await captureRun(name, server, few, {
            stops: { minMs: 0, spreadMs: 50 },
          });
          // Pages 0–5: their titles start "P0 " … "P5 " (generatedPages).
          const expected = [...visitsByTitle(control).keys()].filter((title) => /^P[0-5] /.test(title));
          const got = visitsByTitle(records);
          const lost = expected.filter((title) => !got.has(title));
          const twice = [...got].filter(([, visits]) => visits > 1).map(([title]) => title);
          console.log(
            `chromium back-to-back stops: ${stopCount} stops, ${retries.length} failed sends retried, ` +
              `${records.length} of ${expected.length} stored, ` +
              `${lost.length} lost, ${twice.length} counted twice`,
          );
          assert.ok(stopCount >= 20, `the worker was stopped (${stopCount} times)`);
          assert.equal(expected.length, few.length * 3, 'the control run stored three articles per page');
          assert.deepEqual(givenUp, [], 'no page gave a capture up');
          assert.equal(stillRetrying, 0, 'no capture still retrying when the records were read');
          assert.deepEqual(lost, [], 'nothing lost');
          assert.deepEqual(twice, [], 'nothing counted twice');
          assert.equal(records.length, expected.length, 'nothing the control run did not store');
        },
      );
    }
  });
}
