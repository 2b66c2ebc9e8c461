// The tree a browser builds from a page's HTML, for the benchmarks that run in Node: jsdom's parse5 is the
// WHATWG parser, with scripting on as in a browser (so <noscript> holds text, not elements) and the page's
// own scripts never run. `npm run bench:parser` measures how close this tree is to Chromium's own.
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ParsedPage {
  document: Document;
  /** Frees the window: thousands of pages are parsed in one run. */
  close(): void;
}

const quiet = new VirtualConsole();

/** A URL jsdom accepts: the corpus's own address where it is one. */
export function pageUrlOrPlaceholder(url: string | null | undefined): string {
  try {
    return new URL(url ?? '').href;
  } catch {
    return 'https://example.invalid/';
  }
}

export function parsePage(html: string, url: string): ParsedPage {
  const dom = new JSDOM(html, {
    url: pageUrlOrPlaceholder(url),
    virtualConsole: quiet,
    // jsdom parses with scripting enabled only when scripts may run ("dangerously"); before the parse, script
    // execution is switched off again (the window's run-scripts mode, which jsdom reads when a script would run).
    runScripts: 'dangerously',
    beforeParse(window) {
      (window as unknown as { _runScripts: string })._runScripts = 'outside-only';
    },
  });
  return { document: dom.window.document, close: () => dom.window.close() };
}
