// One way for the end-to-end flows to drive a tab in either browser: Playwright's page in
// Chromium, Puppeteer's (over WebDriver BiDi) in Firefox. Only what the flows need, with one
// meaning in both; `raw` is the driver's own page for what only one browser can do.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 100;

class Tab {
  constructor(raw) {
    this.raw = raw;
  }

  /**
   * Polls `fn(arg)` in the page until it returns something truthy, and returns that: a value that crosses to Node
   * (an element does not: use elementWhere). Polled from Node, not in the page: Firefox slows the timers and stops
   * the animation frames of a tab in the background.
   */
  async waitFor(fn, arg, { timeout = 10000, what = 'a condition in the page' } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg).catch((error) => {
        // A navigation or reload in progress destroys the context: try again in the next one.
        if (/context|navigat|destroyed|detached|discarded/i.test(String(error))) return undefined;
        throw error;
      });
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Waits until `fn(arg)` returns an element of the page, and returns the driver's handle to it. */
  async elementWhere(fn, arg, { timeout = 10000, what = 'an element' } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      // A handle, not a value: an element does not cross to Node by value (and Puppeteer makes it undefined).
      const handle = await this.raw.evaluateHandle(fn, arg).catch(() => null);
      const element = handle?.asElement();
      if (element) return element;
      await handle?.dispose();
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Makes this the tab in front, as a reader looking at it. */
  bringToFront() {
    return this.raw.bringToFront();
  }

  /** A real click (pointer events included) on the element `fn(arg)` returns: e.g. one inside a shadow root. */
  async clickWhere(fn, arg, options) {
    const element = await this.elementWhere(fn, arg, options);
    await this.bringToFront();
    await element.click();
  }

  /** A real click on what `selector` finds, in the tab brought to the front first, as a reader would. */
  async click(selector) {
    await this.bringToFront();
    await this.clickSelector(selector);
  }

  /** Types `value` into the input `selector` finds, replacing what was there. */
  async fill(selector, value) {
    await this.bringToFront();
    await this.fillSelector(selector, value);
  }

  /** Waits until the page's text includes `text` (a string) or matches it (a RegExp). */
  async waitForText(text, options) {
    const pattern = text instanceof RegExp ? { source: text.source, flags: text.flags } : null;
    await this.waitFor(
      ([plain, re]) => {
        const body = document.body?.innerText ?? '';
        return re ? new RegExp(re.source, re.flags).test(body) : body.includes(plain);
      },
      [pattern ? null : text, pattern],
      { what: `the text ${text}`, ...options },
    );
  }

  async screenshot(path, { element, fullPage = false } = {}) {
    if (element) await (await this.elementWhere(element)).screenshot({ path });
    else await this.raw.screenshot({ path, fullPage });
  }
}

/** A Chromium tab, through playwright-core. */
export class PlaywrightTab extends Tab {
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }
  clickSelector(selector) {
    return this.raw.click(selector);
  }
  fillSelector(selector, value) {
    return this.raw.fill(selector, value);
  }
  async goto(url) {
    await this.raw.goto(url, { waitUntil: 'load' });
  }
  async reload() {
    await this.raw.reload({ waitUntil: 'load' });
  }
  setViewport(size) {
    return this.raw.setViewportSize(size);
  }
  setInputFile(selector, file) {
    return this.raw.setInputFiles(selector, file);
  }
  close() {
    return this.raw.close();
  }
}

/**
 * A Firefox tab, through puppeteer-core over WebDriver BiDi. Firefox's BiDi refuses to navigate or reload
 * moz-extension:// pages, so extension pages reload themselves.
 */
/** Per Firefox: the last activation asked for, so the next one waits its turn. */
const ACTIVATIONS = new WeakMap();

export class PuppeteerTab extends Tab {
  /** `scratchDir`: a folder that outlives the tab (the session's), for files handed to inputs. */
  constructor(raw, { extensionPage = false, scratchDir }) {
    super(raw);
    this.extensionPage = extensionPage;
    this.scratchDir = scratchDir;
  }
  evaluate(fn, arg) {
    return this.raw.evaluate(fn, arg);
  }
  // Locators wait for the element to be visible and still; they check on animation frames, so the tab must be
  // in front (click and fill bring it there). Their own wait for "enabled" never ends on extension pages in Firefox
  // 140.12 ESR, so that one is polled here, as a reader would wait for a disabled control.
  async clickSelector(selector) {
    await this.#enabled(selector);
    await this.raw.locator(selector).setWaitForEnabled(false).click();
  }
  async fillSelector(selector, value) {
    await this.#enabled(selector);
    await this.raw.locator(selector).setWaitForEnabled(false).fill(value);
  }
  #enabled(selector) {
    return this.waitFor(
      (s) => {
        const element = document.querySelector(s);
        return element !== null && !element.matches(':disabled') && element.getAttribute('aria-disabled') !== 'true';
      },
      selector,
      { timeout: 30000, what: `${selector} enabled` },
    );
  }
  async goto(url) {
    await this.raw.goto(url, { waitUntil: 'load' });
    await this.bringToFront();
  }
  // Firefox's browsingContext.activate waits for the tab to become visible; two tabs activated at once can leave
  // one waiting for good (tabs opened in parallel did, until the protocol timeout). One activation at a time.
  bringToFront() {
    const browser = this.raw.browser();
    const turn = (ACTIVATIONS.get(browser) ?? Promise.resolve()).then(() => this.raw.bringToFront());
    ACTIVATIONS.set(
      browser,
      turn.catch(() => {}),
    );
    return turn;
  }
  async reload() {
    if (!this.extensionPage) return void (await this.raw.reload({ waitUntil: 'load' }));
    await this.evaluate(() => {
      window.__beatwatchBeforeReload = true;
      location.reload();
    });
    await this.waitFor(() => !window.__beatwatchBeforeReload && document.readyState === 'complete', undefined, {
      what: 'the extension page to reload',
    });
  }
  // Puppeteer's setViewport also overrides the screen orientation, a command Firefox 140 ESR does not know; the
  // viewport alone is WebDriver BiDi's browsingContext.setViewport.
  setViewport({ width, height }) {
    return this.raw.mainFrame().browsingContext.setViewport({ viewport: { width, height }, devicePixelRatio: null });
  }
  /** Puppeteer hands files to an input by path: the bytes go through a file of that name (read lazily by the page). */
  async setInputFile(selector, { name, buffer }) {
    const dir = await mkdtemp(join(this.scratchDir, 'upload-'));
    await writeFile(join(dir, name), buffer);
    const input = await this.raw.waitForSelector(selector);
    await input.uploadFile(join(dir, name));
  }
  close() {
    return this.raw.close();
  }
}
