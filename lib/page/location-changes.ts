// Single-page sites reach a new article without a new document. The Navigation API reports same-document
// navigations where it exists (Chromium, and Firefox 153 also in content scripts); elsewhere the address is
// compared once a second.

const POLL_MS = 1000;

interface NavigationLike {
  addEventListener(type: 'navigatesuccess', listener: () => void): void;
}

/** Calls back after the address changes; returns a function that stops watching. */
export function onLocationChange(win: Window, callback: () => void): () => void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    callback();
  };
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (navigation) {
    const controller = new AbortController();
    (navigation as unknown as EventTarget).addEventListener('navigatesuccess', check, { signal: controller.signal });
    return () => controller.abort();
  }
  const timer = win.setInterval(check, POLL_MS);
  return () => win.clearInterval(timer);
}
