// Firefox ESR with the built add-on, driven over WebDriver BiDi (puppeteer-core): the Firefox half of
// scripts/harness.mjs. Playwright cannot drive Debian's firefox-esr, and Firefox's BiDi refuses to open
// moz-extension:// pages, so the add-on is installed into a fresh profile under a pinned UUID (its pages then have
// known addresses), the first extension page is opened from the command line, and others by that page itself.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { PuppeteerTab } from './tabs.mjs';

export const FIREFOX_PATH = process.env.BEATWATCH_FIREFOX ?? '/usr/bin/firefox-esr';

async function waitUntil(condition, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Firefox with the add-on in `extensionDir` (an unpacked build) installed; headless unless told otherwise. */
export async function launchFirefox({ extensionDir, headless = true, executablePath = FIREFOX_PATH }) {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}/`;

  const profile = await mkdtemp(join(tmpdir(), 'beatwatch-firefox-'));
  // A proxy file (named by the add-on's id, holding the build folder's path) installs an unpacked add-on.
  await mkdir(join(profile, 'extensions'));
  await writeFile(join(profile, 'extensions', addonId), resolve(extensionDir));
  const scratchDir = join(profile, 'scratch');
  await mkdir(scratchDir);
  let firefox;
  let control;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      userDataDir: profile,
      defaultViewport: { width: 1200, height: 900 },
      extraPrefsFirefox: {
        // Firefox ESR may run unsigned add-ons; profile-scope ones start enabled, without a prompt.
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      },
      // The control page: extension APIs for the harness (storage, tabs, the database), and a way to open the others.
      args: [`${origin}popup.html`],
    });

    await waitUntil(async () => {
      for (const page of await firefox.pages()) {
        if ((await page.evaluate(() => location.href)) === `${origin}popup.html`) control = page;
      }
      return control !== undefined;
    }, 'the add-on to start (is it installed?)');
    // The background registers the gate content script when it starts: pages opened before that get none.
    await waitUntil(
      () => control.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).length > 0),
      'the gate script to be registered',
    );
  } catch (error) {
    await firefox?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const inExtension = (fn, arg) => control.evaluate(fn, arg);

  let opened = 0;
  return {
    name: 'firefox',
    puppeteer: firefox,
    extensionOrigin: origin,
    inExtension,
    async open(url) {
      const tab = new PuppeteerTab(await firefox.newPage(), { scratchDir });
      if (url) await tab.goto(url);
      return tab;
    },
    async extensionPage(path = 'popup.html') {
      // Marked with a fragment so the new tab can be told from others on the same page.
      const url = `${origin}${path}#tab-${++opened}`;
      await inExtension((u) => browser.tabs.create({ url: u }), url);
      let found;
      // A loaded machine can take Firefox well over 15 s to open a page while a busy one (a popup drawing a year of
      // reading) is slow to answer: each page gets a bounded look, and the whole wait is longer.
      await waitUntil(
        async () => {
          for (const page of await firefox.pages()) {
            const look = page.evaluate(() => [location.href, document.readyState]).catch(() => []);
            const here = await Promise.race([look, new Promise((done) => setTimeout(() => done([]), 2000))]);
            if (here[0] === url && here[1] === 'complete') found = page;
          }
          return found !== undefined;
        },
        `${path} to open`,
        45000,
      );
      return new PuppeteerTab(found, { extensionPage: true, scratchDir });
    },
    closed: new Promise((done) => firefox.once('disconnected', done)),
    async close() {
      await firefox.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
