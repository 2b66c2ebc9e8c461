// Runs on every page the reader opens, so it only decides, cheaply, whether the page holds
// a news article (then the background loads entrypoints/extractor.ts), and offers a
// "Highlight" button next to text selections (then the background loads the highlighter).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createHighlightButton } from '@/lib/content/highlight-button';
import { detectArticle } from '@/lib/extract/detect';
import { sendToBackground } from '@/lib/send';

const LATE_CHECK_MS = 2500;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // A mark, not performance.now(): traces record its time unrounded, so benchmarks can read the cost exactly.
    performance.mark('beatwatch:gate-start');
    let activated = false;
    const check = () => {
      if (activated || !detectArticle(document).likely) return;
      activated = true;
      ctx.requestIdleCallback(() => void sendToBackground('page:activate', {}).catch(() => (activated = false)), { timeout: 2000 });
    };
    check();
    // A User Timing entry: DevTools (and npm run bench:page) show what the decision cost this page.
    performance.measure('beatwatch:gate', 'beatwatch:gate-start');
    // Script-rendered pages may draw their article after idle: one more look a little later.
    ctx.setTimeout(check, LATE_CHECK_MS);
    // Single-page sites reach an article without a new document.
    ctx.addEventListener(window, 'wxt:locationchange', check);

    const button = createHighlightButton(document, () => void sendToBackground('highlight:request', {}).catch(() => {}));
    // Selections end with the mouse or the keyboard (shift+arrows).
    ctx.addEventListener(document, 'mouseup', () => ctx.setTimeout(() => button.update(), 0));
    ctx.addEventListener(document, 'keyup', (event) => event.shiftKey && button.update());
    ctx.onInvalidated(() => button.remove());
  },
});
