// Keeps the search index up to date in the background: after changes, and at start-up (a rebuild when the index is
// missing, whatever a previous worker left queued), one batch after another until the queue is empty. One run at a
// time; a change during a run is picked up by it.
import type { Database } from '../db/database';
import { ensureSearchIndex, indexQueued } from '../db/search-index';

/**
 * Items indexed per transaction at most. Each word of a batch has its postings block read and written once, so a
 * burst costs far less in big batches: over bench:popup's 10,000 articles, 87 block writes an article in batches of
 * 512, 28 in batches of 2,048.
 */
export const MAX_INDEX_BATCH = 2048;

export interface IndexerTiming {
  /** A batch waits until changes have stopped coming for this long... */
  quietMs: number;
  /** ...but no change waits longer than this to be indexed. */
  maxWaitMs: number;
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

/**
 * While captures stream in (a reader opening a dozen tabs, a restore), indexing each as it comes wrote every common
 * word's block again for every few articles: 240 ms a capture in bench:popup, against 50 ms without search. Waiting
 * for a quiet moment makes one batch of the burst. A worker stopped meanwhile loses nothing: the queue is kept, and
 * start() indexes it.
 */
export const DEFAULT_TIMING: IndexerTiming = {
  quietMs: 1000,
  maxWaitMs: 30_000,
  now: () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class SearchIndexer {
  private running: Promise<void> | null = null;
  private again = false;
  private lastChange = -Infinity;
  /** When the oldest change not yet taken into a batch came; undefined when none waits. */
  private oldestWaiting: number | undefined;

  constructor(
    private readonly db: PromiseLike<Database>,
    private readonly onError: (error: unknown) => void = (error) => console.error('Beatwatch: search index', error),
    private readonly timing: IndexerTiming = DEFAULT_TIMING,
  ) {}

  /** Rebuilds a missing index, then indexes whatever is queued, at once. */
  async start(): Promise<void> {
    try {
      await ensureSearchIndex(await this.db);
    } catch (error) {
      this.onError(error);
    }
    return this.run();
  }

  /** After a change: indexes what is queued once changes pause; resolves when the queue is empty (or indexing failed). */
  schedule(): Promise<void> {
    this.lastChange = this.timing.now();
    this.oldestWaiting ??= this.lastChange;
    return this.run();
  }

  private run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        const db = await this.db;
        for (let taken = -1; taken !== 0 || this.again;) {
          await this.settled();
          this.again = false;
          this.oldestWaiting = undefined;
          taken = await indexQueued(db, MAX_INDEX_BATCH);
        }
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Waits while changes keep coming, up to the longest wait of the oldest one. */
  private async settled(): Promise<void> {
    const { quietMs, maxWaitMs, now, wait } = this.timing;
    for (;;) {
      if (this.oldestWaiting === undefined) return;
      const time = now();
      const quietLeft = this.lastChange + quietMs - time;
      const waitLeft = this.oldestWaiting + maxWaitMs - time;
      if (quietLeft <= 0 || waitLeft <= 0) return;
      await wait(Math.min(quietLeft, waitLeft));
    }
  }
}
