// `npm run bench:backup [-- --json]`: backing up and restoring a year of reading in Chromium, through the options
// page's "Your data" section as a reader uses it. The backup file (tests/bench/backup-profile.test.ts: 10,000
// articles of ~5,500 characters, 20% Arabic, 2,000 highlights, ~110 MB) is restored into an empty profile (reading,
// validating and sending it in parts until the summary shows, then the commit), then backed up again and exported as
// a Markdown zip. Baseline in the same run: the same options page reading the file whole (`file.text()` and
// `JSON.parse`), the least a restore that holds the file could do.
// Per step: time; peak resident memory of the extension's process (its pages and its service worker share it),
// sampled every 100 ms, above what it held before the step; peak JS heap of the options page; the longest answer the
// background gave a popup asking for its digest twice a second meanwhile (the reader opening the popup), and the
// longest a popup's read of a topic's first articles waited (a page of the list, asked for twice a second too).
// BENCH_BACKUP_RESTORE_ONLY=1 stops after the restore's commit.
// While the commit runs, a popup read is answered at once with its progress ("restoring"): the table counts those
// answers and gives the median time of the page reads too.
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchWithExtension } from './harness.mjs';

const json = process.argv.includes('--json') || process.env.BENCH_JSON === '1';
const log = (...args) => (json ? console.error : console.log)(...args);
const mb = (bytes) => Math.round((bytes / 1e6) * 10) / 10;
const seconds = (ms) => Math.round(ms / 100) / 10;

async function backupFile() {
  const dir = join(ROOT, '.bench', 'backup');
  const files = (await readdir(dir)).filter((f) => /^backup-v\d+-db\d+\.json$/.test(f)).sort();
  if (!files.length) throw new Error('no bench:backup file: run `npm run bench:backup`, which writes it first');
  return join(dir, files.at(-1));
}

/** The extension's renderer processes (pages and service worker) of this browser: their resident memory, summed. */
async function extensionRss(userDataMarker) {
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--extension-process') || !cmdline.includes(userDataMarker)) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** The first topic's id in the backup file (its topics come before its records). */
async function firstTopicId(file) {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1 << 16), 0, 1 << 16, 0);
    const id = /"topics":\[\{"id":"([^"]+)"/.exec(buffer.toString('utf8', 0, bytesRead))?.[1];
    if (!id) throw new Error(`bench:backup: no topic in ${file}`);
    return id;
  } finally {
    await handle.close();
  }
}

/**
 * Asks the background as the popup does, twice a second while `going()`; the times each answer took, and how many
 * were "restoring" (a commit was running: the popup shows its progress, then reads again).
 */
async function probe(popup, going, type, payload) {
  const answers = [];
  answers.restoring = 0;
  while (going()) {
    const start = performance.now();
    const restoring = await popup.evaluate(
      ([t, p]) =>
        chrome.runtime
          .sendMessage({ beatwatch: 1, type: t, payload: p })
          .then((reply) => !!reply?.result && typeof reply.result === 'object' && 'restoring' in reply.result),
      [type, payload],
    );
    answers.push(performance.now() - start);
    if (restoring) answers.restoring++;
    await new Promise((r) => setTimeout(r, 500));
  }
  return answers;
}

/** Samples memory and the background's answers while `step` runs. */
async function measure(name, { cdp, popup, marker, topicId }, step) {
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 300));
  const rssBefore = await extensionRss(marker);
  const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let rssPeak = rssBefore;
  let heapPeak = heapBefore;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, await extensionRss(marker));
      heapPeak = Math.max(heapPeak, (await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }))).usedSize);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const going = () => sampling;
  const prober = probe(popup, going, 'digest:overview', {});
  const pageProber = probe(popup, going, 'digest:articles', { list: topicId, limit: 10 });
  const start = performance.now();
  const extra = await step();
  const ms = performance.now() - start;
  sampling = false;
  const [, answers, pageAnswers] = await Promise.all([sampler, prober, pageProber]);
  const figures = {
    seconds: seconds(ms),
    extensionRssPeakMb: mb(rssPeak - rssBefore),
    pageHeapPeakMb: mb(heapPeak - heapBefore),
    backgroundSlowestAnswerMs: Math.round(Math.max(0, ...answers)),
    popupPageSlowestMs: Math.round(Math.max(0, ...pageAnswers)),
    popupPageMedianMs: Math.round(median(pageAnswers)),
    popupPageP90Ms: Math.round(quantile(pageAnswers, 0.9)),
    popupPageReads: pageAnswers.length,
    popupReadsAnsweredRestoring: answers.restoring + pageAnswers.restoring,
    ...extra,
  };
  log(`bench:backup: ${name}: ${JSON.stringify(figures)}`);
  return figures;
}

function quantile(values, q) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}
const median = (values) => quantile(values, 0.5);

const said = (page, role, text, timeout) =>
  page.waitFor(
    ([r, t]) => {
      const alert = document.querySelector('[role="alert"]');
      if (alert) return `alert: ${alert.textContent}`;
      return [...document.querySelectorAll(`[role="${r}"]`)].some((el) => el.textContent.includes(t));
    },
    [role, text],
    { what: `${role}: ${text}`, timeout },
  );

async function main() {
  const file = await backupFile();
  const fileBytes = (await readFile(file)).byteLength;
  log(`bench:backup: restoring ${file} (${mb(fileBytes)} MB)`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'beatwatch-bench-backup-'));
  const browser = await launchWithExtension({ browser: 'chromium', userDataDir });
  const marker = `--user-data-dir=${userDataDir}`;
  try {
    const popup = await browser.extensionPage('popup.html');
    const options = await browser.extensionPage('options.html');
    const cdp = await browser.context.newCDPSession(options.raw);
    // Downloads are kept as blobs in the page (their size is what the reader would save).
    await options.evaluate(() => {
      globalThis.kept = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => (globalThis.kept.push(blob), create(blob));
      HTMLAnchorElement.prototype.click = () => {};
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-whole';
      input.hidden = true;
      document.body.append(input);
    });
    const context = { cdp, popup, marker, topicId: await firstTopicId(file) };
    const restoreOnly = process.env.BENCH_BACKUP_RESTORE_ONLY === '1';
    const lastKept = () => options.evaluate(() => globalThis.kept.at(-1)?.size ?? 0);
    const failed = (result) => {
      if (typeof result === 'string') throw new Error(`bench:backup: the options page said ${result}`);
    };

    const figures = {
      file: { mb: mb(fileBytes) },
      baselineReadWhole: await measure('baseline: file.text() + JSON.parse', context, async () => {
        await options.raw.setInputFiles('#bench-whole', file);
        const parsed = await options.evaluate(async () => {
          const whole = JSON.parse(await document.querySelector('#bench-whole').files[0].text());
          return whole.articles.length;
        });
        return { articles: parsed };
      }),
      restorePreview: await measure('restore: read, validate, send, count (to the summary)', context, async () => {
        await options.raw.setInputFiles('input[aria-label="Backup file to restore"]', file);
        failed(
          await options.waitFor(
            () =>
              document.querySelector('[role="alert"]')?.textContent ??
              !!document.querySelector('[aria-label="Restore summary"]'),
            undefined,
            { what: 'the restore summary', timeout: 1_800_000 },
          ),
        );
        const rows = await options.evaluate(() =>
          [...document.querySelectorAll('[aria-label="Restore summary"] tbody tr')].map((tr) =>
            [...tr.children].map((c) => c.textContent),
          ),
        );
        return { summary: rows.map((r) => r.join(' ')).join('; ') };
      }),
      restoreCommit: await measure('restore: commit', context, async () => {
        await options.click('[aria-label="Restore summary"] button');
        failed(await said(options, 'status', 'Restored:', 1_800_000));
        return {};
      }),
    };
    if (!restoreOnly) {
      figures.backup = await measure('back up everything', context, async () => {
        await options.clickWhere(() =>
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Back up everything'),
        );
        failed(await said(options, 'status', 'Backed up', 1_800_000));
        return { fileMb: mb(await lastKept()) };
      });
      figures.markdown = await measure('Markdown zip', context, async () => {
        await options.clickWhere(() =>
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export as Markdown'),
        );
        failed(await said(options, 'status', 'Exported', 1_800_000));
        return { zipMb: mb(await lastKept()) };
      });
    }
    const base = figures.baselineReadWhole;
    figures.ratios = {
      previewTimeToBaseline: Math.round((figures.restorePreview.seconds / base.seconds) * 10) / 10,
      previewRssToBaseline:
        Math.round((figures.restorePreview.extensionRssPeakMb / Math.max(1, base.extensionRssPeakMb)) * 100) / 100,
    };
    log('');
    log(
      '| step | time | extension memory, peak above before | options page heap, peak | slowest background answer | slowest popup page read | median popup page read (reads) | answered "restoring" |',
    );
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, f] of Object.entries(figures).filter(([, f]) => 'seconds' in f))
      log(
        `| ${name} | ${f.seconds} s | ${f.extensionRssPeakMb} MB | ${f.pageHeapPeakMb} MB | ${f.backgroundSlowestAnswerMs} ms | ${f.popupPageSlowestMs} ms | ${f.popupPageMedianMs} ms (${f.popupPageReads}) | ${f.popupReadsAnsweredRestoring} |`,
      );
    log(
      `file ${figures.file.mb} MB; backup written ${figures.backup?.fileMb ?? '-'} MB; Markdown zip ${figures.markdown?.zipMb ?? '-'} MB`,
    );
    log(`ratios against reading the file whole: ${JSON.stringify(figures.ratios)}`);
    if (json) {
      const out = JSON.stringify(figures);
      if (process.env.BENCH_JSON_FILE) await writeFile(process.env.BENCH_JSON_FILE, out);
      else process.stdout.write(`${out}\n`);
    }
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

await main();
