// Loaded by the background into pages that passed the gate: extraction, matching and the
// watch for appended or swapped articles. Kept out of gate.js so ordinary pages never
// pay for Readability or the matcher; it has no zod (see lib/messaging/page-receiver.ts).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createArticleWatcher } from '@/lib/page/article-watcher';
import { createCaptureOutbox, newCaptureId } from '@/lib/page/capture-outbox';
import { extractMainArticle } from '@/lib/extract/article';
import { listenToBackground } from '@/lib/messaging/page-receiver';
import { isFirstLoad } from '@/lib/page/first-load';
import { sendToBackground } from '@/lib/messaging/extension-senders';
import { onTopicsChanged, readStoredTopics, topicsForMatching } from '@/lib/topics/storage';

const RESCAN_DELAY_MS = 800;
const IDLE_TIMEOUT_MS = 1000;
/** A write answers in milliseconds; one not answered by then is retried (the retry is not counted twice). */
const SEND_TIMEOUT_MS = 30_000;

export default defineUnlistedScript(() => {
  if (!isFirstLoad('extractor')) return;
  listenToBackground(browser.runtime, { 'page:extract-main': () => extractMainArticle(document, location.href) });

  const watcher = createArticleWatcher({
    doc: document,
    currentUrl: () => location.href,
    loadTopics: async () => topicsForMatching(await readStoredTopics()),
    outbox: createCaptureOutbox({
      send: (capture) => sendToBackground('capture:save', capture),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      newId: newCaptureId,
      timeoutMs: SEND_TIMEOUT_MS,
      onFailure: (capture, attempt, error) =>
        console.debug(`Beatwatch: capture ${capture.captureId} attempt ${attempt} failed: ${error}`),
      onSettled: (capture, attempts, result) => {
        const outcome = result.ok ? 'stored' : 'given up';
        if (attempts > 1 || !result.ok)
          console.debug(`Beatwatch: capture ${capture.captureId} ${outcome} after ${attempts} attempts`);
      },
    }),
    idle: () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS })),
  });
  const report = (error: unknown) => console.debug('Beatwatch:', error);
  const scan = () => void watcher.scan().catch(report);

  // scan() waits for an idle period before each article itself; the timer only debounces.
  let timer: number | undefined;
  const scanSoon = () => {
    clearTimeout(timer);
    timer = window.setTimeout(scan, RESCAN_DELAY_MS);
  };
  scan();
  // Infinite scroll appends articles; single-page sites swap them and change the address.
  new MutationObserver(scanSoon).observe(document.body, { childList: true, subtree: true });
  addEventListener('popstate', scanSoon);
  onTopicsChanged(() => void readStoredTopics().then((raw) => watcher.retopic(topicsForMatching(raw)).catch(report)));
});
