// Long synchronous work holds back everything else its thread does: in the service worker a popup's page read waits
// behind it, and an options page's export freezes the popup too (an extension's pages share one renderer's main
// thread in Chromium). Work split into slices of a few milliseconds, with a pause between them, lets those through.

export interface Pacing {
  now: () => number;
  /** Lets the thread's waiting tasks run. */
  pause: () => Promise<void>;
  /** How long a slice may run before the next pause. */
  sliceMs: number;
}

/** A macrotask per pause: the messages, events and IndexedDB answers queued meanwhile run before the next slice. */
export const TASK_PACING: Pacing = {
  now: () => performance.now(),
  pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  sliceMs: 8,
};

/** `items.map(work)`, pausing whenever a slice has run its time; one item is never split. */
export async function mapInSlices<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => R,
  pacing: Pacing = TASK_PACING,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let sliceEnd = pacing.now() + pacing.sliceMs;
  for (let i = 0; i < items.length; i++) {
    out[i] = work(items[i], i);
    if (i < items.length - 1 && pacing.now() >= sliceEnd) {
      await pacing.pause();
      sliceEnd = pacing.now() + pacing.sliceMs;
    }
  }
  return out;
}
