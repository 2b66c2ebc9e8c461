// Long synchronous work in the service worker holds back everything else it does: a popup's page read waits behind
// it. Work split into slices of a few milliseconds, with a pause between them, lets those answers through.

export interface Pacing {
  now: () => number;
  /** Lets the worker's waiting tasks run. */
  pause: () => Promise<void>;
  /** How long a slice may run before the next pause. */
  sliceMs: number;
}

/** A macrotask per pause: the messages and IndexedDB answers queued meanwhile run before the next slice. */
export const WORKER_PACING: Pacing = {
  now: () => performance.now(),
  pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  sliceMs: 8,
};

/** `items.map(work)`, pausing whenever a slice has run its time; one item is never split. */
export async function mapInSlices<T, R>(
  items: readonly T[],
  work: (item: T, index: number) => R,
  pacing: Pacing = WORKER_PACING,
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
