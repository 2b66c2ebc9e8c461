// Loading Beatwatch's scripts into a tab and asking them for work: the extractor where the gate found an article
// or the reader clips or tests a query, the highlighter (with its paint styles) where the reader highlights, marks
// key facts, or has stored highlights to re-attach. Both guard against a second load, so injecting again is harmless.
import type { PayloadOf, ResultOf } from '../messaging/protocol';
import type { ToPage } from '../messaging/senders';
import { HIGHLIGHT_CSS } from '../page/highlight-styles';

/** The scripts the background loads into pages (WXT builds them from entrypoints/). */
export type PageScriptFile = '/extractor.js' | '/highlighter.js';

/** The part of `browser.scripting` this needs. */
export interface TabScripting {
  insertCSS(injection: { target: { tabId: number }; css: string }): Promise<unknown>;
  executeScript(injection: { target: { tabId: number }; files: PageScriptFile[] }): Promise<unknown>;
}

export type SendToPage = <T extends ToPage>(tabId: number, type: T, payload: PayloadOf<T>) => Promise<ResultOf<T>>;

export function pageScripts(scripting: TabScripting, sendToPage: SendToPage) {
  const injectHighlighter = async (tabId: number) => {
    await scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
    await scripting.executeScript({ target: { tabId }, files: ['/highlighter.js'] });
  };
  return {
    injectHighlighter,
    injectExtractor: async (tabId: number) => {
      await scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
    },
    extractFromTab: (tabId: number) => sendToPage(tabId, 'page:extract-main', {}),
    highlightSelectionIn: async (tabId: number) => {
      await injectHighlighter(tabId);
      return sendToPage(tabId, 'page:highlight-selection', {});
    },
    markFactsIn: async (tabId: number, on: boolean) => {
      await injectHighlighter(tabId);
      return sendToPage(tabId, 'page:mark-facts', { on });
    },
  };
}

/** A tab update that starts a new document: the tab's topic count starts again (the gate and extractor recapture). */
export function startsNewDocument(change: { status?: string; url?: string }): boolean {
  return change.status === 'loading' && Boolean(change.url);
}

/** A tab update that finished loading a web page, where stored highlights may need painting again. */
export function finishedWebPage(change: { status?: string }, url: string | undefined): url is string {
  return change.status === 'complete' && url !== undefined && /^https?:/.test(url);
}
