// `npm start`: builds Beatwatch, opens Chromium (or Firefox) with it on the bundled demo pages
// (or your own), and — headless — prints the per-topic digest and saves a popup screenshot.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  BROWSERS,
  ROOT,
  digestAsJson,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from './harness.mjs';

const USAGE = `Usage: npm start -- [options]
  --browser NAME     chromium (default) or firefox
  --topics FILE      topics to track, JSON {"topics":[{"name":…,"query":…}]} (default: scripts/demo-topics.json)
  --pages DIR        serve and visit every .html file in DIR (default: tests/fixtures/pages)
  --json             print the digest as JSON
  --headless         no window, even where a display exists
  --screenshot PATH  where to save the popup screenshot (default: artifacts/popup.png)
  --no-build         use the existing build (.output/chrome-mv3, or .output/firefox-mv2 for Firefox)`;

const topicsFileSchema = z.object({
  topics: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(80),
        query: z.string().trim().min(1).max(500),
        minMentions: z.number().int().min(1).max(20).optional(),
      }),
    )
    .min(1)
    .max(500),
});

function fail(message) {
  console.error(`beatwatch: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      browser: { type: 'string', default: 'chromium' },
      topics: { type: 'string' },
      pages: { type: 'string' },
      json: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(error.message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!Object.hasOwn(BROWSERS, args.browser)) fail(`unknown browser "${args.browser}": use chromium or firefox`);
const browserLabel = args.browser === 'firefox' ? 'Firefox' : 'Chromium';

const topicsPath = resolve(args.topics ?? join(ROOT, 'scripts', 'demo-topics.json'));
let topics;
try {
  const parsed = topicsFileSchema.safeParse(JSON.parse(await readFile(topicsPath, 'utf8')));
  if (!parsed.success) fail(`${topicsPath} is not a valid topics file: ${z.prettifyError(parsed.error)}`);
  topics = parsed.data.topics;
} catch (error) {
  fail(`cannot read topics from ${topicsPath}: ${error.message}`);
}

const pagesDir = resolve(args.pages ?? join(ROOT, 'tests', 'fixtures', 'pages'));
const pageFiles = (await readdir(pagesDir).catch(() => fail(`cannot read pages directory ${pagesDir}`)))
  .filter((f) => f.endsWith('.html'))
  .sort();
if (pageFiles.length === 0) fail(`no .html files in ${pagesDir}`);

const headless = args.headless || !process.env.DISPLAY;
const log = (line) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

if (!args['no-build']) {
  const buildArgs = args.browser === 'firefox' ? ['build', '-b', 'firefox', '--mv2'] : ['build'];
  log(`Building the extension (wxt ${buildArgs.join(' ')})…`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), ...buildArgs], {
    cwd: ROOT,
    stdio: ['ignore', args.json ? 2 : 'inherit', 'inherit'],
  });
}

const server = await serveDirectory(pagesDir);
const browser = await launchWithExtension({ browser: args.browser, headless });
try {
  await setTopics(browser, topics);
  log(`Serving ${pageFiles.length} pages from ${pagesDir} on ${server.origin}`);
  for (const file of pageFiles) {
    log(`  visiting ${file}`);
    await visit(browser, `${server.origin}/${encodeURIComponent(file)}`);
  }
  const popup = await extensionPage(browser);
  const digest = await settledDigest(popup);
  await popup.reload();
  await popup.waitFor(() => !!document.querySelector('.topic-list, .empty'), undefined, { what: 'the popup' });

  if (headless) {
    const screenshot = resolve(args.screenshot ?? join(ROOT, 'artifacts', 'popup.png'));
    await mkdir(dirname(screenshot), { recursive: true });
    await popup.setViewport({ width: 440, height: 600 });
    const first = digest.find((d) => d.count > 0);
    if (first) await popup.click(`[data-topic-id="${first.topic.id}"]`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await popup.screenshot(screenshot, { fullPage: true });
    log(`Popup screenshot: ${screenshot}`);
    if (args.json) console.log(JSON.stringify(digestAsJson(digest), null, 2));
    else printDigest(digest);
  } else {
    printDigest(digest);
    log(`\n${browserLabel} is open with Beatwatch loaded. Close the browser window to stop.`);
    await browser.closed;
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

function printDigest(digest) {
  console.log('\nBeatwatch digest');
  for (const { topic, count, articles } of digest) {
    console.log(`\n■ ${topic.name} — ${count} article${count === 1 ? '' : 's'}`);
    for (const a of articles) {
      console.log(`  • ${a.title}`);
      console.log(`    ${a.siteName ?? ''} ${a.publishedAt ? `· ${a.publishedAt.slice(0, 10)}` : ''} · ${a.url}`);
      for (const fact of a.facts)
        console.log(`      – [${fact.kind}] ${fact.text}${fact.speaker ? ` — ${fact.speaker}` : ''}`);
    }
  }
}
