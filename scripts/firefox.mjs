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
      // Twice in CI (once in popup-scale, once in topics-editor) an options page the add-on opened never showed up
      // here in 15-45 s, and 50 opens in a row did not do it again: after 20 s the page is asked for once more, and a
      // second miss says what was seen (the tab as the add-on knows it, and every page here).
      for (let attempt = 1; ; attempt++) {
        // Marked with a fragment so the new tab can be told from others on the same page.
        const url = `${origin}${path}#tab-${++opened}`;
        const tabId = await inExtension(async (u) => (await browser.tabs.create({ url: u })).id, url);
        let found;
        let seen = [];
        try {
          await waitUntil(
            async () => {
              seen = [];
              for (const page of await firefox.pages()) {
                // A busy page (a popup drawing a year of reading) may be slow to answer: each gets a bounded look.
                const look = page.evaluate(() => [location.href, document.readyState]).catch((e) => [String(e)]);
                const here = await Promise.race([
                  look,
                  new Promise((done) => setTimeout(() => done(['no answer']), 2000)),
                ]);
                seen.push(here.join(' '));
                if (here[0] === url && here[1] === 'complete') found = page;
              }
              return found !== undefined;
            },
            `${path} to open`,
            attempt === 1 ? 20000 : 40000,
          );
          return new PuppeteerTab(found, { extensionPage: true, scratchDir });
        } catch (error) {
          const tab = await inExtension(
            (id) => browser.tabs.get(id).then((t) => `${t.status} ${t.url}`, String),
            tabId,
          );
          const report = `${error.message}; the add-on's tab: ${tab}; pages: ${seen.join(' | ')}`;
          if (attempt === 2) throw new Error(report);
          console.error(`# ${report}; opening it again`);
        }
      }
    },
    closed: new Promise((done) => firefox.once('disconnected', done)),
    async close() {
      await firefox.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
