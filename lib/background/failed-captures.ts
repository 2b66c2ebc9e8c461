// Captures the background could not store (a write refused: quota, a broken database), kept so the reader sees
// them in the popup and can retry them. In session storage when the browser has it: a stopped worker still knows.
// A capture leaves the list when a later attempt (the page's own retry, or the reader's) stores it.
import type { Capture } from '../schema';
import type { SessionArea } from './tab-topics';

export interface FailedCapture {
  capture: Capture & { captureId: string };
  error: string;
  failedAt: number;
}

/** Entries kept: the newest win. */
export const MAX_FAILED_CAPTURES = 20;
/** Characters (as JSON) kept in all: session storage holds about 10 MB, shared with the badge's tab topics. */
export const MAX_FAILED_CHARS = 4_000_000;

const KEY = 'failedCaptures';

function isFailedCapture(value: unknown): value is FailedCapture {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<FailedCapture>;
  return (
    typeof entry.error === 'string' &&
    typeof entry.failedAt === 'number' &&
    typeof entry.capture === 'object' &&
    entry.capture !== null &&
    typeof entry.capture.captureId === 'string'
  );
}

/** Keeps the newest entries that fit both bounds. */
export function bounded(entries: FailedCapture[], maxEntries = MAX_FAILED_CAPTURES, maxChars = MAX_FAILED_CHARS) {
  const kept: FailedCapture[] = [];
  let chars = 0;
  for (const entry of [...entries].reverse()) {
    if (kept.length === maxEntries) break;
    chars += JSON.stringify(entry).length;
    if (chars > maxChars) break;
    kept.push(entry);
  }
  return kept.reverse();
}

export class FailedCaptures {
  /** Serialises read-modify-write: concurrent captures would otherwise overwrite each other's entries. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: SessionArea) {}

  async list(): Promise<FailedCapture[]> {
    await this.queue;
    return this.read();
  }

  private async read(): Promise<FailedCapture[]> {
    const value = (await this.area.get(KEY))[KEY];
    return Array.isArray(value) ? value.filter(isFailedCapture) : [];
  }

  private change(edit: (entries: FailedCapture[]) => FailedCapture[]): Promise<void> {
    const next = this.queue.then(async () => {
      const before = await this.read();
      const entries = edit(before);
      // Most captures were never in the list: nothing to write for them.
      if (entries.length === 0 && before.length === 0) return;
      await (entries.length ? this.area.set({ [KEY]: bounded(entries) }) : this.area.remove(KEY));
    });
    // One failed change must not block the next.
    this.queue = next.catch(() => {});
    return next;
  }

  /** Records (or replaces, for a retry of the same capture) a capture that could not be stored. */
  add(entry: FailedCapture): Promise<void> {
    return this.change((entries) => [...entries.filter((e) => e.capture.captureId !== entry.capture.captureId), entry]);
  }

  /** A capture was stored after all. */
  remove(captureId: string): Promise<void> {
    return this.change((entries) => entries.filter((e) => e.capture.captureId !== captureId));
  }
}
