// Loaded by the background into a page when the reader highlights there, or when the page
// has stored highlights to re-attach. Wires lib/content/highlighter.ts to the page.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHighlighter, cssHighlightPainter } from '@/lib/content/highlighter';
import { createPageReceiver } from '@/lib/page-receiver';
import { sendToBackground } from '@/lib/send';

const LOADED = Symbol.for('beatwatch.highlighter');
const RETRY_DELAY_MS = 500;

export default defineUnlistedScript(() => {
  const scope = globalThis as { [LOADED]?: boolean };
  if (scope[LOADED]) return;
  scope[LOADED] = true;

  const highlighter = createHighlighter({
    doc: document,
    pageUrl: () => location.href,
    painter: cssHighlightPainter(),
    add: (payload) => sendToBackground('highlight:add', payload),
    forPage: (pageUrl) => sendToBackground('highlight:for-page', { pageUrl }),
    reportPlacement: (placed, unplaced) => sendToBackground('highlight:placement', { placed, unplaced }),
    factsFor: (urls) => sendToBackground('facts:for-urls', { urls }),
  });

  const receive = createPageReceiver(
    {
      'page:highlight-selection': () => highlighter.highlightSelection(),
      'page:mark-facts': async ({ on }) => ({ marked: await highlighter.markFacts(on) }),
    },
    (sender) => sender.id === browser.runtime.id && !sender.tab,
  );
  browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));

  // Pages that load the article late get a few more tries, debounced, then the observer stops.
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      await highlighter.retry().catch(() => []);
      if (!highlighter.hasPending()) observer.disconnect();
    }, RETRY_DELAY_MS);
  });
  void highlighter.attach().then(() => {
    if (highlighter.hasPending())
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
});
