// Corpus pages in Debian's Chromium, as a browser builds them from their HTML: each page is served at its own
// address (intercepted, nothing leaves the machine) with scripting on but every script blocked by CSP, so the
// tree is the parser's, not what the page's scripts would make of it offline. Subresources are refused.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pageUrlOrPlaceholder } from './parse-page';

const CHROMIUM = process.env.BEATWATCH_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumPages {
  /** Loads `html` at `url` and evaluates `expression` (a function's source applied to nothing) in it. */
  evaluate<T>(html: string, url: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Isolation needs a secure context: the page's own address over https (its path, which the gate reads, unchanged). */
const secure = (url: string) => url.replace(/^http:/, 'https:');

export async function openChromiumPages(): Promise<ChromiumPages> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: true, ignoreHTTPSErrors: true });
  let current = '';
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame()) {
      return route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "script-src 'none'",
          // Cross-origin isolation: performance.now() then resolves 5 µs instead of 100 µs.
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        },
        body: current,
      });
    }
    return route.abort();
  });
  let page: Page = await context.newPage();
  return {
    async evaluate<T>(html: string, url: string, expression: string): Promise<T> {
      current = html;
      for (let attempt = 0; ; attempt++) {
        try {
          await page.goto(secure(pageUrlOrPlaceholder(url)), { waitUntil: 'domcontentloaded', timeout: 30_000 });
          return (await page.evaluate(expression)) as T;
        } catch (error) {
          // A page that navigates itself (meta refresh) destroys the context mid-evaluation: once more on a fresh tab.
          if (attempt >= 1) throw error;
          await page.close().catch(() => {});
          page = await context.newPage();
        }
      }
    },
    close: () => browser.close(),
  };
}
