// Runs on every page the reader opens (registered by the background, see
// lib/background/gate-registration.ts), so it only decides, cheaply, whether the page holds
// a news article (then the background loads entrypoints/extractor.ts), and offers a
// "Highlight" button next to text selections (then the background loads the highlighter).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHighlightButton } from '@/lib/page/highlight-button';
import { onLocationChange } from '@/lib/page/location-changes';
import { detectArticle } from '@/lib/extract/gate';
import { retried } from '@/lib/page/backoff';
import { backgroundSender } from '@/lib/messaging/senders';

const LATE_CHECK_MS = 2500;
const ACTIVATE_TIMEOUT_MS = 2000;

// The browser's own messaging (Firefox's browser.*, Chrome MV3's chrome.*: both return promises), looked up when a
// message is sent. Not webextension-polyfill, whose evaluation took ~1.3 ms on every page, more than the gate's
// decision; and not at load: in Chromium, touching `chrome` in a page's isolated world builds its bindings
// (~0.7 ms), which a page that is not an article never needs (measured in Chromium, variants of gate.js side by side).
interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}
function runtime(): Runtime {
  const scope = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime: Runtime } };
  return scope.browser?.runtime?.id ? scope.browser.runtime : scope.chrome!.runtime;
}
const sendToBackground = backgroundSender({ sendMessage: (message) => runtime().sendMessage(message) });

export default defineUnlistedScript(() => {
  // A mark, not performance.now(): traces record its time unrounded, so benchmarks can read the cost exactly.
  performance.mark('beatwatch:gate-start');
  let activated = false;
  const check = () => {
    if (activated || !detectArticle(document).likely) return;
    activated = true;
    // Retried with backoff: a worker stopped while it injects the extractor would otherwise lose the whole page.
    const activate = () => sendToBackground('page:activate', {});
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    requestIdleCallback(() => void retried(activate, sleep).catch(() => (activated = false)), {
      timeout: ACTIVATE_TIMEOUT_MS,
    });
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
