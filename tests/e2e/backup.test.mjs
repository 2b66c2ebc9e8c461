// End to end in real Chromium and Firefox: the reader backs up everything from the options page, the extension's
// data is wiped, the backup is restored after its summary, and the database, the digest and the highlight on a
// revisited page come back as they were; restoring the same file again changes nothing; a bad file changes nothing.
// The Markdown export is unzipped and read.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import {
  ROOT,
  ask,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  selectText,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const SEED = 'article--asharq-al-awsat--russia-ukraine-istanbul.html';
const PASSAGE = 'على تبادل جثث 6 آلاف جندي من كل جانب';
const TOPICS = [
  { id: 'ukraine', name: 'أوكرانيا', query: 'أوكرانيا' },
  { id: 'gaza', name: 'Gaza', query: 'غزة' },
];

for (const name of e2eBrowsers()) {
  describe(`backup and restore in ${name}`, () => backupAndRestore(name));
}

// Functions that run in a page or in the extension (each is sent with its own source, so none calls another).
const highlightButton = () =>
  document.querySelector('beatwatch-highlight-button')?.shadowRoot?.querySelector('button:not([hidden])') ?? null;
/** Keeps every blob the page hands to a download link, so the test can read the "downloaded" file. */
const keepDownloads = () => {
  globalThis.downloads = [];
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    const url = create(blob);
    globalThis.downloads.push({ url, blob });
    return url;
  };
  HTMLAnchorElement.prototype.click = function () {
    const kept = globalThis.downloads.find((d) => d.url === this.href);
    if (kept) kept.name = this.download;
  };
};
const lastDownload = async () => {
  const last = globalThis.downloads.at(-1);
  return last && { name: last.name, bytes: [...new Uint8Array(await last.blob.arrayBuffer())] };
};
/** Every record of both stores, or with `clear`, empties them (the reader's data, wiped). */
const database = (clear) =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('beatwatch');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      // Wiped with the counts kept with the articles.
      const stores = ['articles', 'highlights', ...(clear ? ['list-counts', 'day-counts'] : [])];
      const tx = open.result.transaction(stores, clear ? 'readwrite' : 'readonly');
      const requests = stores.map((store) => (clear ? tx.objectStore(store).clear() : tx.objectStore(store).getAll()));
      tx.oncomplete = () => {
        open.result.close();
        resolve(clear ? null : { articles: requests[0].result, highlights: requests[1].result });
      };
      tx.onerror = () => reject(tx.error);
    };
  });

/**
 * Holds a read of the articles open until `globalThis.releaseHold` is set: a restore's commit (a readwrite transaction
 * over them) waits behind it, so a test can look at the popup while the commit runs, however fast it would be.
 */
const holdArticles = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('beatwatch');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('articles', 'readonly');
      const store = tx.objectStore('articles');
      globalThis.releaseHold = false;
      const spin = () => {
        store.get('held').onsuccess = () => {
          if (!globalThis.releaseHold) spin();
        };
      };
      spin();
      tx.oncomplete = () => db.close();
      resolve(true);
    };
  });
const restoringText = () =>
  [...document.querySelectorAll('[role="status"][aria-live="polite"]')]
    .map((el) => el.textContent)
    .find((text) => text.includes('Restoring your backup')) ?? null;

/** What `read` gives once two reads a second and a half apart agree. */
async function settled(read, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await read());
  for (;;) {
    await new Promise((r) => setTimeout(r, 1500));
    const now = await read();
    if (JSON.stringify(now) === last || Date.now() > deadline) return now;
    last = JSON.stringify(now);
  }
}

const stagedRecords = () =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('beatwatch');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('restore-staging').objectStore('restore-staging').count();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });

/** `n` articles of ~5,500 characters (one in five Arabic), as a backup holds them, with ids no capture makes. */
function generatedArticles(n) {
  const english = 'Officials said the talks on grain exports would resume next week in Istanbul. ';
  const arabic = 'قال مسؤولون إن المحادثات بشأن صادرات الحبوب ستستأنف الأسبوع المقبل في إسطنبول. ';
  return Array.from({ length: n }, (_, i) => {
    const ar = i % 5 === 2;
    const text = (ar ? arabic : english).repeat(70).slice(0, 5500);
    return {
      id: `ffff${i.toString(16).padStart(28, '0')}`,
      url: `https://bulk.example/${ar ? 'ar' : 'en'}/${i}`,
      pageUrl: `https://bulk.example/${ar ? 'ar' : 'en'}/${i}`,
      title: `${ar ? 'أوكرانيا' : 'Ukraine'} ${i}`,
      lang: ar ? 'ar' : 'en',
      dir: ar ? 'rtl' : 'ltr',
      excerpt: text.slice(0, 200),
      text,
      topicIds: ['ukraine'],
      matches: [],
      clippedTo: [],
      facts: [],
      firstSeenAt: 1_700_000_000_000 + i,
      lastSeenAt: 1_700_000_000_000 + i,
      visits: 1,
    };
  });
}

function backupAndRestore(name) {
  let server;
  let browser;
  let popup;
  let options;

  before(async () => {
    server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
    browser = await launchWithExtension({ browser: name });
    popup = await extensionPage(browser);
    await setTopics(browser, TOPICS);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const said = (role, text) =>
    options.waitFor(
      ([r, t]) => [...document.querySelectorAll(`[role="${r}"]`)].some((el) => el.textContent.includes(t)),
      [role, text],
      { what: `${role}: ${text}`, timeout: 20000 },
    );
  const summaryRows = () =>
    options.evaluate(() =>
      [...document.querySelectorAll('[aria-label="Restore summary"] tbody tr')].map((tr) =>
        [...tr.children].map((cell) => cell.textContent),
      ),
    );
  const download = async (button, done) => {
    await options.evaluate(() => (globalThis.downloads = []));
    await options.clickWhere(
      (text) => [...document.querySelectorAll('button')].find((b) => b.textContent === text),
      button,
      {
        what: button,
      },
    );
    await said('status', done);
    const file = await options.evaluate(lastDownload);
    return { name: file.name, bytes: Buffer.from(file.bytes) };
  };
  const restore = async (file) => {
    await options.setInputFile('input[aria-label="Backup file to restore"]', {
      name: file.name,
      mimeType: 'application/json',
      buffer: file.bytes,
    });
    await options.waitFor(() => !!document.querySelector('[aria-label="Restore summary"]'), undefined, {
      what: 'the restore summary',
    });
  };
  const digestShape = (digest) =>
    digest.map((d) => [d.topic.id, d.articles.map((a) => [a.title, a.facts.length, a.highlights.map((h) => h.note)])]);

  test('back up, wipe, restore: the same database, digest and highlight; a second restore changes nothing', async () => {
    const page = await visit(browser, `${server.origin}/${SEED}`);
    await settledDigest(popup);
    await selectText(page, 'article.article-body', PASSAGE);
    await page.clickWhere(highlightButton, undefined, { what: 'the Highlight button' });
    let highlight;
    for (let i = 0; i < 50 && !highlight; i++) {
      highlight = (await browser.inExtension(database)).highlights[0];
      if (!highlight) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(highlight, 'the highlight is stored');
    // The page counts the passage's copies when it is highlighted (Beatwatch's own field; the export leaves it out).
    assert.equal(highlight.selectors[0].copies, 1, 'the passage is counted once on its page');
    await ask(popup, 'highlight:note', { id: highlight.id, note: 'ملاحظة: 6,000 each side' });
    await page.close();
    const digestBefore = digestShape(await settledDigest(popup));
    const stored = await browser.inExtension(database);
    assert.ok(stored.articles.length >= 2, `several articles captured (${stored.articles.length})`);

    options = await extensionPage(browser, 'options.html');
    await options.evaluate(keepDownloads);
    const backup = await download('Back up everything', 'Backed up');
    assert.match(backup.name, /^beatwatch-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(backup.bytes.toString('utf8'));
    assert.equal(file.format, 'beatwatch-backup');
    assert.equal(file.articles.length, stored.articles.length);
    assert.equal(file.highlights[0].note, 'ملاحظة: 6,000 each side');

    await browser.inExtension(database, true);
    await setTopics(browser, []);
    assert.deepEqual(digestShape(await settledDigest(popup, { quietMs: 300 })), []);

    await restore(backup);
    const n = stored.articles.length;
    assert.deepEqual(await summaryRows(), [
      ['Topics', '2', '2', '0'],
      ['Articles', String(n), String(n), '0'],
      ['Highlights', '1', '1', '0'],
    ]);
    assert.deepEqual(
      await browser.inExtension(database),
      { articles: [], highlights: [] },
      'nothing before confirming',
    );
    await options.click('[aria-label="Restore summary"] button');
    await said('status', 'Restored:');
    const restored = await browser.inExtension(database);
    assert.deepEqual(restored, stored, 'the database is identical');
    assert.deepEqual(digestShape(await settledDigest(popup, { quietMs: 300 })), digestBefore, 'the same digest');

    await restore(backup);
    assert.deepEqual(await summaryRows(), [
      ['Topics', '2', '0', '2'],
      ['Articles', String(n), '0', String(n)],
      ['Highlights', '1', '0', '1'],
    ]);
    await options.click('[aria-label="Restore summary"] button');
    await said('status', 'Restored: 0 topics, 0 articles and 0 highlights new; 0 updated');
    assert.deepEqual(await browser.inExtension(database), stored, 'restoring twice changes nothing');

    const again = await download('Back up everything', 'Backed up');
    const fileAgain = JSON.parse(again.bytes.toString('utf8'));
    assert.deepEqual({ ...fileAgain, createdAt: null }, { ...file, createdAt: null }, 'the same backup');

    const revisit = await browser.open(`${server.origin}/${SEED}`);
    await revisit.waitFor(() => (CSS.highlights.get('beatwatch-highlight')?.size ?? 0) === 1, undefined, {
      what: 'the restored highlight painted on the revisited page',
      timeout: 15000,
    });
    await revisit.close();
  });

  test('a bad backup is refused, naming the record, and changes nothing', async () => {
    // The revisit above captured its page again (a new capture id on the record); Firefox may store it only after
    // that tab closed. What a refused file must not change is the database once nothing else is writing.
    const before = await settled(() => browser.inExtension(database));
    const good = JSON.parse((await download('Back up everything', 'Backed up')).bytes.toString('utf8'));
    good.articles[1].url = 'javascript:alert(1)';
    await options.setInputFile('input[aria-label="Backup file to restore"]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await said('alert', 'Article 2 (');
    await said('alert', 'url: expected an http(s) URL. Nothing was restored.');
    await options.setInputFile('input[aria-label="Backup file to restore"]', {
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good).slice(0, 500)),
    });
    await said('alert', 'This file is not JSON');
    assert.deepEqual(await browser.inExtension(database), before);
  });

  test('the highlights export is W3C Web Annotations whose selectors find the passage on its page', async () => {
    const file = await download('Export as Web Annotations', 'Web Annotations');
    assert.match(file.name, /^beatwatch-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const collection = JSON.parse(file.bytes.toString('utf8'));
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 1);
    const [annotation] = collection.first.items;
    assert.equal(annotation.type, 'Annotation');
    assert.equal(annotation.body.value, 'ملاحظة: 6,000 each side');
    assert.equal(annotation.target.source, `${server.origin}/${SEED}`);
    const [quote, position] = annotation.target.selector;
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(quote.exact, PASSAGE);
    assert.deepEqual(Object.keys(quote).sort(), ['exact', 'prefix', 'suffix', 'type'], 'no Beatwatch-only field');
    assert.equal(position.type, 'TextPositionSelector');
    // Positions count the page's text as the W3C selector does: another tool finds the same passage by them.
    const page = await browser.open(annotation.target.source);
    const text = await page.evaluate(() => document.body.textContent);
    await page.close();
    assert.equal(text.slice(position.start, position.end), PASSAGE);
  });

  test('the Markdown export is one zip of article notes and topic digests', async () => {
    const zip = await download('Export as Markdown', 'Exported');
    assert.match(zip.name, /^beatwatch-markdown-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    const paths = Object.keys(files);
    assert.ok(paths.includes('topics/أوكرانيا.md'), paths.join(', '));
    const withNote = paths
      .filter((p) => p.startsWith('articles/'))
      .map((p) => strFromU8(files[p]))
      .find((text) => text.includes('> على تبادل جثث 6 آلاف جندي من كل جانب'));
    assert.ok(withNote, 'the highlighted article has its quote');
    assert.match(withNote, /^---\ntitle: ".+"\nurl: "https?:\/\/[^"]+"\n[\s\S]*\nlang: "ar"\ndir: "rtl"\n---\n/);
    assert.match(withNote, /Note: ملاحظة: 6,000 each side/);
  });

  test('a large backup is restored in parts; one cut short half-way changes nothing', async () => {
    const before = await browser.inExtension(database);
    const file = JSON.parse((await download('Back up everything', 'Backed up')).bytes.toString('utf8'));
    const bulk = generatedArticles(700);
    const large = Buffer.from(JSON.stringify({ ...file, articles: [...file.articles, ...bulk] }));
    assert.ok(large.length > 4_000_000, `several parts of a megabyte (${large.length} bytes)`);
    // Cut after most of the records were read and sent: the background had staged several parts by then.
    await options.setInputFile('input[aria-label="Backup file to restore"]', {
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: large.subarray(0, large.length - 300_000),
    });
    await said('alert', 'This file is not JSON');
    assert.equal(await browser.inExtension(stagedRecords), 0, 'the staged parts are thrown away');
    assert.deepEqual(await browser.inExtension(database), before, 'nothing changed');

    await restore({ name: 'large.json', bytes: large });
    const n = before.articles.length;
    assert.deepEqual((await summaryRows())[1], ['Articles', String(n + bulk.length), String(bulk.length), String(n)]);
    // The commit is held up until the popup has been looked at: a popup opened meanwhile says it is restoring at once,
    // then shows the digest by itself once the commit is done.
    const holder = await extensionPage(browser, 'options.html');
    await holder.evaluate(holdArticles);
    await options.click('[aria-label="Restore summary"] button');
    for (let i = 0; i < 100 && !(await ask(holder, 'restore:status')); i++)
      await new Promise((r) => setTimeout(r, 100));
    const total = n + bulk.length + before.highlights.length;
    assert.deepEqual(await ask(holder, 'restore:status'), { written: 0, total }, 'the commit is running');
    const during = await extensionPage(browser);
    const restoring = await during.waitFor(restoringText, undefined, { what: 'the restoring state', timeout: 10000 });
    assert.match(restoring, new RegExp(`^Restoring your backup… 0 of ${total.toLocaleString('en')}`));
    assert.equal(await during.evaluate(() => document.querySelector('.topic-row')), null, 'no digest meanwhile');
    await holder.evaluate(() => (globalThis.releaseHold = true));
    await said('status', `Restored: 0 topics, ${bulk.length} articles`);
    await during.waitFor(() => !!document.querySelector('.topic-row'), undefined, {
      what: 'the digest once the commit is done',
      timeout: 20000,
    });
    assert.equal(await during.evaluate(restoringText), null, 'the restoring state is gone');
    const ukraine = await during.evaluate(
      () => document.querySelector('.topic-row[data-topic-id="ukraine"]')?.textContent ?? '',
    );
    assert.match(
      ukraine,
      new RegExp(`${before.articles.filter((a) => a.topicIds.includes('ukraine')).length + bulk.length}`),
    );
    await during.close();
    await holder.close();
    const after = await browser.inExtension(database);
    assert.equal(after.articles.length, n + bulk.length);
    assert.deepEqual(after.highlights, before.highlights);
    assert.equal(await browser.inExtension(stagedRecords), 0, 'nothing left aside');
    const arabic = after.articles.find((a) => a.id === bulk[2].id);
    assert.equal(arabic.text, bulk[2].text, 'Arabic text arrives exactly');
  });
}
