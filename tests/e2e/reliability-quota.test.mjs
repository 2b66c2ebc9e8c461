// Issue 17 items 5 and 7, issue 14 item 4: the real database refuses writes, in real Chromium. Beatwatch holds
// unlimitedStorage, and Chromium then ignores DevTools' Storage.overrideQuotaForOrigin for the extension (the
// override shows in navigator.storage.estimate() but every write still succeeds), so the honest way to make its
// IndexedDB refuse a write is the one a reader meets: a full disk. The profile lives on a small tmpfs of its own
// (scripts/chromium-small-disk.sh); the test fills it, pages capture, and the popup must say what could not be
// saved, nothing stored before may change, and Retry must store every refused capture once space is back.
// Chromium only: the wrapper starts Chromium; Firefox is launched through its own profile set-up (scripts/firefox.mjs).
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CHROMIUM_PATH,
  ROOT,
  ask,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
} from '../../scripts/harness.mjs';

const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const SOURCE = 'article--world-news-daily--infinite-scroll.html';
/** Enough for a fresh profile with the extension (about 30 MB is used) and small enough to fill in a moment. */
const DISK_SIZE = '160m';
const TOPICS = [
  { id: 'energy', name: 'Energy', query: 'energy' },
  { id: 'ukraine', name: 'Ukraine', query: 'Ukraine' },
  { id: 'madrid', name: 'Madrid', query: 'Madrid' },
];

/** The fixture's three articles made page `i`'s own, on the test server's site (as reliability-capture does). */
async function generatedPage(i, origin) {
  const html = await readFile(join(PAGES, SOURCE), 'utf8');
  return html
    .replaceAll('https://www.worldnewsdaily.example/', `${origin}/run/p${i}/`)
    .replace(/(<h[12][^>]*>(?:<a [^>]*>)?)/g, `$1P${i} `)
    .replace(/(<title>|"headline": "|og:title" content=")/g, `$1P${i} `);
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
  return records.sort((a, b) => a.id.localeCompare(b.id));
}

/** Swallows the error of a write the full disk refused. */
function noSpace(error) {
  if (error.code !== 'ENOSPC') throw error;
}

/** Polls `read` until it returns something `done` accepts. */
async function until(read, done, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read().catch((error) => ({ error: String(error) }));
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('a full disk in chromium: refused captures are shown, nothing stored is lost, Retry stores them', () => {
  let server;
  let profile;
  let browser;
  let disk;

  before(async () => {
    server = await serveDirectory(PAGES);
    for (let i = 0; i < 6; i++) server.override(`/generated/p${i}.html`, await generatedPage(i, server.origin));
    profile = await mkdtemp(join(tmpdir(), 'beatwatch-small-disk-'));
    Object.assign(process.env, {
      BEATWATCH_DISK_DIR: profile,
      BEATWATCH_DISK_SIZE: DISK_SIZE,
      BEATWATCH_DISK_BROWSER: CHROMIUM_PATH,
    });
    browser = await launchWithExtension({
      browser: 'chromium',
      userDataDir: profile,
      executablePath: join(ROOT, 'scripts', 'chromium-small-disk.sh'),
    });
    // The profile as Chromium sees it: the tmpfs exists only in its mount namespace.
    const pid = (await readFile(`${profile}.pid`, 'utf8')).trim();
    disk = `/proc/${pid}/root${profile}`;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
    await rm(`${profile}.pid`, { force: true });
  });

  test('captures refused by a full disk: "could not be saved… Retry"; stored articles intact; Retry saves all', async () => {
    await setTopics(browser, TOPICS);
    const popup = await extensionPage(browser);
    const visit = (pages) => Promise.all(pages.map((i) => browser.open(`${server.origin}/generated/p${i}.html`)));

    // Nine articles stored while there is space.
    const early = await visit([0, 1, 2]);
    const stored = await until(
      () => storedRecords(popup),
      (records) => records.length === 9,
      'the first three pages to be stored',
    );
    await Promise.all(early.map((tab) => tab.close()));

    // The disk fills up: a file takes every free byte, and keeps taking what Chromium frees of its own files.
    const filler = join(disk, 'filler');
    let filling = true;
    const fill = async () => {
      const { bavail, bsize } = statfsSync(disk);
      if (bavail > 0) await appendFile(filler, Buffer.alloc(bavail * bsize)).catch(noSpace);
      // What is left is less than a block the first write could fill: top up block by block.
      for (let i = 0; i < 64; i++) await appendFile(filler, Buffer.alloc(bsize)).catch(noSpace);
    };
    const topping = (async () => {
      while (filling) {
        await fill();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await fill();
    assert.equal(statfsSync(disk).bavail, 0, 'no space left on the profile disk');

    const late = await visit([3, 4, 5]);
    const failed = await until(
      () => ask(popup, 'capture:failed'),
      (list) => Array.isArray(list) && list.length === 9,
      'the nine refused captures to be listed',
    );
    console.log(`chromium full disk: ${failed.length} captures refused; the browser said: ${failed[0].error}`);
    assert.deepEqual(
      failed.map((f) => f.title.slice(0, 3)).sort(),
      [...'333444555'].map((p) => `P${p} `),
    );
    // The pages stop retrying on their own once closed: what is left to store it is the reader's Retry.
    await Promise.all(late.map((tab) => tab.close()));

    // The popup says so, with the browser's reason and a Retry.
    const view = await extensionPage(browser);
    await view.waitForText('9 pages could not be saved.');
    await view.waitForText(/Why: .+/);
    assert.ok(failed.every((f) => f.url.startsWith(`${server.origin}/run/p`)));

    // Space comes back; the reader presses Retry.
    filling = false;
    await topping;
    await rm(filler);
    await view.clickWhere(() =>
      [...document.querySelectorAll('.unsaved button')].find((b) => b.textContent === 'Retry'),
    );
    await view.waitForText('Saved 9; 0 still could not be saved.', { timeout: 30_000 });

    const now = await storedRecords(popup);
    assert.equal(now.length, 18, 'the nine refused captures are stored');
    const byId = new Map(now.map((r) => [r.id, r]));
    for (const record of stored) assert.deepEqual(byId.get(record.id), record, `${record.title} unchanged`);
    assert.deepEqual(
      now
        .filter((r) => !stored.some((s) => s.id === r.id))
        .map((r) => r.title.slice(0, 3))
        .sort(),
      [...'333444555'].map((p) => `P${p} `),
      'the stored ones are the refused ones',
    );
    assert.deepEqual(await ask(popup, 'capture:failed'), [], 'nothing left to retry');
    await view.waitFor(() => !document.querySelector('.unsaved p:not([role=status])'), undefined, {
      what: 'the unsaved list to be gone',
    });
  });
});
