// Beatwatch's own main-thread work on a page, measured in Chromium from a DevTools trace: every script evaluation and
// callback of gate.js and extractor.js (the trace names the script of each), with its wall time and its thread (CPU)
// time. Thread time is what Beatwatch costs the page; wall time also counts the moments the OS gave the core to
// another process, which on a loaded 2-core machine can be most of it. Shared by bench:page and the hostile-page test.

const SCRIPTS = ['/gate.js', '/extractor.js'];
const CALLS = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireIdleCallback']);

/** Starts tracing `page` (a Playwright page of `context`); `stop()` returns Beatwatch's calls, longest first. */
export async function traceBeatwatch(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8'],
      enableThreadTimestamps: true,
    },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => {});
      return beatwatchCalls(events);
    },
  };
}

/** Beatwatch's top-level calls in a trace (nested ones are inside them), longest first, in ms. */
export function beatwatchCalls(events) {
  const ours = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        typeof e.dur === 'number' &&
        CALLS.has(e.name) &&
        SCRIPTS.some((s) => String(e.args?.data?.url ?? '').endsWith(s)),
    )
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = -1;
  for (const e of ours) {
    if (e.ts >= end) {
      top.push(e);
      end = e.ts + e.dur;
    }
  }
  return top
    .map((e) => ({
      wallMs: e.dur / 1000,
      // Chromium records thread time on these events when asked (enableThreadTimestamps); wall time when it did not.
      threadMs: (typeof e.tdur === 'number' ? e.tdur : e.dur) / 1000,
      what: `${e.name} ${String(e.args?.data?.url ?? '')
        .split('/')
        .pop()}`,
    }))
    .sort((a, b) => b.threadMs - a.threadMs);
}

/** The articles stored from the page at `url` (by address or page address), with their text lengths. */
export async function storedFrom(browser, url) {
  return browser.inExtension(
    (address) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('beatwatch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(
              request.result
                .filter((a) => a.url === address || a.pageUrl === address)
                .map((a) => ({ url: a.url, chars: a.text.length, title: a.title })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
    url,
  );
}
