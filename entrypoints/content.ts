// Runs on every page the reader opens, so it only decides, cheaply, whether the page holds
// a news article. Only then does the background load the extractor (entrypoints/extractor.ts).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/lib/extract/detect';
import { sendToBackground } from '@/lib/send';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let activated = false;
    const check = () => {
      if (activated || !detectArticle(document).likely) return;
      activated = true;
      ctx.requestIdleCallback(() => void sendToBackground('page:activate', {}).catch(() => (activated = false)), { timeout: 2000 });
    };
    check();
    // Single-page sites reach an article without a new document.
    ctx.addEventListener(window, 'wxt:locationchange', check);
  },
});
