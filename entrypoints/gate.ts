// Runs on every page the reader opens (registered by the background, see
// lib/background/gate-registration.ts), so it only decides, cheaply, whether the page holds
// a news article (then the background loads entrypoints/extractor.ts), and offers a
// "Highlight" button next to text selections (then the background loads the highlighter).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHighlightButton } from '@/lib/content/highlight-button';
import { onLocationChange } from '@/lib/content/location-changes';
import { detectArticle } from '@/lib/extract/detect';
import { sendToBackground } from '@/lib/send';

const LATE_CHECK_MS = 2500;
const ACTIVATE_TIMEOUT_MS = 2000;

export default defineUnlistedScript(() => {
  // A mark, not performance.now(): traces record its time unrounded, so benchmarks can read the cost exactly.
  performance.mark('beatwatch:gate-start');
  let activated = false;
  const check = () => {
    if (activated || !detectArticle(document).likely) return;
    activated = true;
    requestIdleCallback(() => void sendToBackground('page:activate', {}).catch(() => (activated = false)), { timeout: ACTIVATE_TIMEOUT_MS });
  };
  check();
  // A User Timing entry: DevTools (and npm run bench:page) show what the decision cost this page.
  performance.measure('beatwatch:gate', 'beatwatch:gate-start');
  // Script-rendered pages may draw their article after idle: one more look a little later.
  setTimeout(check, LATE_CHECK_MS);
  onLocationChange(window, check);

  const button = createHighlightButton(document, () => void sendToBackground('highlight:request', {}).catch(() => {}));
  // Selections end with the mouse or the keyboard (shift+arrows).
  document.addEventListener('mouseup', () => setTimeout(() => button.update(), 0));
  document.addEventListener('keyup', (event) => event.shiftKey && button.update());
});
