// Loaded by the background into a page when the reader highlights there, or when the page
// has stored highlights to re-attach. Wires lib/content/highlighter.ts to the page.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHighlighter, cssHighlightPainter } from '@/lib/page/highlighter';
import { listenToBackground } from '@/lib/messaging/page-receiver';
import { isFirstLoad } from '@/lib/page/first-load';
import { sendToBackground } from '@/lib/messaging/extension-senders';

const RETRY_DELAY_MS = 500;

export default defineUnlistedScript(() => {
  if (!isFirstLoad('highlighter')) return;

  const highlighter = createHighlighter({
    doc: document,
    pageUrl: () => location.href,
    painter: cssHighlightPainter(),
    add: (payload) => sendToBackground('highlight:add', payload),
    forPage: (pageUrl) => sendToBackground('highlight:for-page', { pageUrl }),
    reportPlacement: (report) => sendToBackground('highlight:placement', report),
    factsFor: (urls) => sendToBackground('facts:for-urls', { urls }),
  });

  listenToBackground(browser.runtime, {
    'page:highlight-selection': () => highlighter.highlightSelection(),
    'page:mark-facts': async ({ on }) => ({ marked: await highlighter.markFacts(on) }),
  });

  // Pages that load the article late get a few more tries, debounced, then the observer stops.
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(
      () =>
        void highlighter
          .retry()
          .catch(() => [])
          .then(() => {
            if (!highlighter.hasPending()) observer.disconnect();
          }),
      RETRY_DELAY_MS,
    );
  });
  void highlighter.attach().then(() => {
    if (highlighter.hasPending())
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
});
