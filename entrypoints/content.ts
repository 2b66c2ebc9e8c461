// Runs on every page: a cheap gate first, and on likely articles the real work in idle time.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createArticleWatcher } from '@/lib/content/article-watcher';
import { extractMainArticle } from '@/lib/extract/article';
import { createReceiver } from '@/lib/messages';
import { sendToBackground } from '@/lib/send';
import { loadTopics, watchTopics } from '@/lib/settings';

const RESCAN_DELAY_MS = 800;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const receive = createReceiver(
      'content',
      { 'page:extract-main': () => extractMainArticle(document, location.href) },
      (sender) => (sender.id === browser.runtime.id && !sender.tab ? 'background' : null),
    );
    browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));

    const watcher = createArticleWatcher({
      doc: document,
      currentUrl: () => location.href,
      loadTopics,
      send: (capture) => sendToBackground('capture:save', capture),
    });
    startWatching(ctx, watcher);
  },
});

function startWatching(ctx: ContentScriptContext, watcher: ReturnType<typeof createArticleWatcher>) {
  let started = false;
  let timer: number | undefined;
  const scanSoon = () => {
    clearTimeout(timer);
    timer = ctx.setTimeout(() => ctx.requestIdleCallback(() => void watcher.scan().catch(report), { timeout: 2000 }), RESCAN_DELAY_MS);
  };
  const start = () => {
    if (started || !watcher.looksLikeArticle()) return;
    started = true;
    ctx.requestIdleCallback(() => void watcher.scan().catch(report), { timeout: 2000 });
    // Infinite scroll appends articles; single-page sites swap them.
    const observer = new MutationObserver(scanSoon);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.onInvalidated(watchTopics((topics) => void watcher.retopic(topics).catch(report)));
  };
  start();
  ctx.addEventListener(window, 'wxt:locationchange', () => (started ? scanSoon() : start()));
}

function report(error: unknown) {
  console.debug('Beatwatch:', error);
}
