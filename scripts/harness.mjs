// Drives the built extension in a real browser, Chromium or Firefox: a static server for news
// pages on 127.0.0.1, a browser with Beatwatch loaded, and helpers to set topics, visit pages
// and read the digest through the extension's own protocol. Used by `npm start` and the e2e tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { FIREFOX_PATH, launchFirefox } from './firefox.mjs';
import { PlaywrightTab } from './tabs.mjs';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output', 'firefox-mv2');
export const CHROMIUM_PATH = process.env.BEATWATCH_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browsers Beatwatch is tested in, each with its build and its default executable. */
export const BROWSERS = {
  chromium: { build: CHROME_BUILD, executable: CHROMIUM_PATH, variable: 'BEATWATCH_CHROMIUM', apt: 'chromium' },
  firefox: { build: FIREFOX_BUILD, executable: FIREFOX_PATH, variable: 'BEATWATCH_FIREFOX', apt: 'firefox-esr' },
};

/** The browsers the end-to-end flows run in: both, or those named in BEATWATCH_E2E_BROWSERS (comma-separated). */
export function e2eBrowsers() {
  const named = (process.env.BEATWATCH_E2E_BROWSERS ?? '').split(',').filter(Boolean);
  for (const name of named) if (!BROWSERS[name]) throw new Error(`BEATWATCH_E2E_BROWSERS: unknown browser ${name}`);
  return named.length ? named : Object.keys(BROWSERS);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/**
 * Serves a directory on 127.0.0.1 (a free port); never outside it. `override(path, html)` serves other HTML at
 * one path (a site that changed its page) until `override(path, null)`.
 */
export async function serveDirectory(dir) {
  const root = resolve(dir);
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (overrides.has(path)) {
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        return void res.end(overrides.get(path));
      }
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    override: (path, html) => (html === null ? overrides.delete(path) : overrides.set(path, html)),
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Makes sure the browser is there. On a fresh Debian machine (as root) Chromium or Firefox ESR is installed
 * from Debian's packages, so `npm start` and `npm test` need no set-up step of their own.
 */
export function ensureBrowser(name = 'chromium') {
  const { executable, variable, apt } = BROWSERS[name];
  if (existsSync(executable)) return;
  const custom = process.env[variable] ?? (name === 'chromium' ? process.env.CHROMIUM_PATH : undefined);
  const canInstall = !custom && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      `No ${name} at ${executable}. Install Debian's (sudo apt-get install ${apt}) or point ${variable} at another ${name}.`,
    );
  }
  console.error(`${name} is missing: installing Debian's ${apt} package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', apt],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install ${apt} by hand.`);
  }
}

async function waitFor(condition, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A browser with the built extension loaded, headless unless told otherwise: a session with the same members in
 * both browsers (name, extensionOrigin, open, extensionPage, inExtension, closed, close). Chromium's also has
 * Playwright's context and the service worker. A given Chromium `userDataDir` (a browser profile to reuse, as
 * bench:popup's cached year of reading) is kept on close; the default temporary one is removed. Chromium may be
 * started through a wrapper (`executablePath`, e.g. scripts/chromium-small-disk.sh).
 */
export async function launchWithExtension({
  browser = 'chromium',
  extensionDir,
  headless = true,
  userDataDir,
  uiLanguage,
  executablePath = CHROMIUM_PATH,
} = {}) {
  if (!BROWSERS[browser]) throw new Error(`unknown browser ${browser}: use ${Object.keys(BROWSERS).join(' or ')}`);
  extensionDir ??= BROWSERS[browser].build;
  ensureBrowser(browser);
  await stat(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(
      `No built extension in ${extensionDir}: run \`npm run ${browser === 'firefox' ? 'build:firefox' : 'build'}\` first.`,
    );
  });
  if (browser === 'firefox') return launchFirefox({ extensionDir, headless });
  const ownDir = !userDataDir;
  userDataDir ??= await mkdtemp(join(tmpdir(), 'beatwatch-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport: { width: 1200, height: 900 },
    // The browser's own UI language (what browser.i18n follows), e.g. 'ar'; Chromium on Linux reads LANGUAGE.
    ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage } } : {}),
    args: [
      ...(uiLanguage ? [`--lang=${uiLanguage}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  // The background registers the gate content script when it starts: pages opened before that get none.
  await waitFor(
    () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0),
    'the gate script to be registered',
  );
  const currentWorker = () => context.serviceWorkers()[0] ?? worker;
  return {
    name: 'chromium',
    context,
    extensionId,
    extensionOrigin: `chrome-extension://${extensionId}/`,
    worker: currentWorker,
    /** Runs `fn(arg)` where the extension's APIs are: here its service worker. */
    inExtension: (fn, arg) => currentWorker().evaluate(fn, arg),
    async open(url) {
      const tab = new PlaywrightTab(await context.newPage());
      if (url) await tab.goto(url);
      return tab;
    },
    async extensionPage(path = 'popup.html') {
      const tab = new PlaywrightTab(await context.newPage());
      await tab.goto(`chrome-extension://${extensionId}/${path}`);
      return tab;
    },
    closed: new Promise((done) => context.on('close', done)),
    async close() {
      await context.close();
      if (ownDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Writes topics the way the options page stores them. */
export async function setTopics(browser, topics) {
  const now = Date.now();
  const stored = topics.map((t, i) => ({
    id: t.id ?? `${slug(t.name)}-${i}`,
    name: t.name,
    query: t.query,
    ...(t.minMentions ? { minMentions: t.minMentions } : {}),
    createdAt: now,
  }));
  // As lib/topics/settings.ts saveTopics: sync until its quota (8 KB an item, ~100 topics) refuses them, then local
  // for good, marked by the area key the extension reads.
  const area = await browser.inExtension(
    async ({ items, areaKey }) => {
      const storage = (globalThis.browser ?? chrome).storage;
      const { [areaKey]: current } = await storage.local.get(areaKey);
      if (current !== 'local') {
        try {
          await storage.sync.set(items);
          return 'sync';
        } catch (error) {
          if (!/quota/i.test(String(error))) throw error;
        }
      }
      await storage.local.set({ ...items, [areaKey]: 'local' });
      return 'local';
    },
    { items: storedTopicsItems(stored), areaKey: TOPICS_AREA_KEY },
  );
  return Object.assign(stored, { area });
}

/** The storage.local key that says topics moved to local storage (lib/topics/storage.ts AREA_KEY). */
export const TOPICS_AREA_KEY = 'topicsArea';

// The wire and storage formats, written here in plain JavaScript; tests/unit/messaging/harness-formats.test.ts holds
// them equal to lib/messaging/envelope.ts and lib/topics/settings.ts.

/** A protocol message as it travels. */
export function wireMessage(type, payload) {
  return { beatwatch: 1, type, payload };
}

/** The storage items the options page writes for these topics. */
export function storedTopicsItems(topics) {
  return { topics: { version: 1, topics } };
}

function slug(name) {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'topic'
  );
}

/** An extension page in a tab, for talking to the background as the popup does. */
export function extensionPage(browser, path = 'popup.html') {
  return browser.extensionPage(path);
}

/**
 * Deletes a topic from the options page's table as a reader does: its Delete button, then the dialog's choice to keep
 * its `count` articles (under No topic) or delete them with it; resolves once the topic has left the table.
 */
export async function deleteTopicInOptions(options, { id, name, count, articles }) {
  const text =
    articles === 'keep' ? `Delete topic, keep its ${count} articles` : `Delete topic and its ${count} articles`;
  await options.click(`button[aria-label="Delete ${name}"]`);
  await options.clickWhere(
    ([which, label]) => {
      const button = document.querySelector(`.dialog button[data-choice="${which}"]`);
      return button?.textContent === label && !button.disabled ? button : null;
    },
    [articles, text],
    { what: text },
  );
  await options.waitFor((topicId) => !document.querySelector(`tr[data-topic-id="${topicId}"]`), id, {
    what: `${id} to leave the table`,
  });
}

/** Sends a protocol message from an extension page and returns the reply's result. */
export async function ask(page, type, payload = {}) {
  const reply = await page.evaluate(
    (message) => (globalThis.browser ?? chrome).runtime.sendMessage(message),
    wireMessage(type, payload),
  );
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no reply'}`);
  return reply.result;
}

/**
 * Sends protocol messages from the content-script world of the page open in `page` (a tab of either browser, or
 * Playwright's own page), as the extractor and the highlighter do: the background sees a content sender and runs its
 * real handlers, zod checks included. Returns the replies in order.
 */
export async function sendFromPage(browser, page, messages, concurrency = 4) {
  const url = (page.raw ?? page).url();
  return browser.inExtension(
    async ([address, items, parallel]) => {
      const api = globalThis.browser ?? chrome;
      // Compared, not queried by match pattern: Firefox's patterns take no port.
      const tab = (await api.tabs.query({})).find((t) => t.url === address)?.id;
      if (tab === undefined) throw new Error(`no tab shows ${address}`);
      const [injection] = await api.scripting.executeScript({
        target: { tabId: tab },
        world: 'ISOLATED',
        args: [items, parallel],
        func: async (list, n) => {
          const runtime = (globalThis.browser ?? chrome).runtime;
          const replies = new Array(list.length);
          let next = 0;
          const work = async () => {
            while (next < list.length) {
              const i = next++;
              replies[i] = await runtime.sendMessage({ beatwatch: 1, type: list[i].type, payload: list[i].payload });
            }
          };
          await Promise.all(Array.from({ length: n }, work));
          return replies;
        },
      });
      return injection.result;
    },
    [url, messages, concurrency],
  );
}

/** Polls until the search index has taken in every change. */
export async function searchIndexSettled(page, { timeoutMs = 600_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { pending } = await ask(page, 'search:status');
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`the search index still had ${pending} items to index`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Opens a page, scrolls through it (infinite-scroll sites append as you go) and leaves it open. */
export async function visit(browser, url) {
  const page = await browser.open(url);
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 700) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
  });
  return page;
}

/** Selects the text of `needle` inside the first element matching `selector`, as a reader's drag would. */
export async function selectText(page, selector, needle) {
  await page.evaluate(
    ([sel, text]) => {
      const root = document.querySelector(sel);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        node.parentElement.scrollIntoView({ block: 'center' });
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`text not found: ${text}`);
    },
    [selector, needle],
  );
}

/** Polls the digest until it has not changed for `quietMs` (captures happen in idle time). */
export async function settledDigest(page, { quietMs = 1500, timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const digest = await ask(page, 'digest:get');
    const key = JSON.stringify(digest.map((d) => [d.topic.id, d.articles.map((a) => a.id)]));
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= quietMs || Date.now() > deadline) {
      return digest;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls the digest until `predicate(digest)` holds (captures happen in idle time, after debouncing). */
export async function digestWhen(page, predicate, { timeoutMs = 15000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const digest = await ask(page, 'digest:get');
    if (predicate(digest) || Date.now() > deadline) return digest;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The digest in the JSON shape `npm start -- --json` prints. */
export function digestAsJson(digest) {
  return {
    topics: digest.map(({ topic, articles }) => ({
      name: topic.name,
      articles: articles.map((a) => ({
        url: a.url,
        title: a.title,
        site: a.siteName ?? new URL(a.url).hostname,
        lang: a.lang ?? null,
        dir: a.dir,
        publishedAt: a.publishedAt ?? null,
        excerpt: a.excerpt,
        facts: a.facts.map((f) => ({ text: f.text, kind: f.kind, speaker: f.speaker ?? null })),
        highlights: a.highlights.map((h) => ({ text: h.text, note: h.note })),
      })),
    })),
  };
}
