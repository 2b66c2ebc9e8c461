// Keeps the search index up to date in the background: after each change, and at start-up (a rebuild when the index
// is missing, whatever a previous worker left queued), one batch after another until the queue is empty. One run at
// a time; a change during a run is picked up by it.
import type { Database } from '../db/database';
import { ensureSearchIndex, INDEX_BATCH, indexQueued } from '../db/search-index';

const MAX_INDEX_BATCH = 512;

export class SearchIndexer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: PromiseLike<Database>,
    private readonly onError: (error: unknown) => void = (error) => console.error('Beatwatch: search index', error),
  ) {}

  /** Rebuilds a missing index, then indexes whatever is queued. */
  async start(): Promise<void> {
    try {
      await ensureSearchIndex(await this.db);
    } catch (error) {
      this.onError(error);
    }
    return this.schedule();
  }

  /** Indexes what is queued; resolves when the queue is empty (or indexing failed). */
  schedule(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        const db = await this.db;
        do {
          this.again = false;
          // A long queue (a rebuild, a burst of captures) goes in bigger batches: each word is written once per batch.
          for (let limit = INDEX_BATCH, taken = -1; taken !== 0;) {
            taken = await indexQueued(db, limit);
            limit = taken === limit ? Math.min(limit * 2, MAX_INDEX_BATCH) : INDEX_BATCH;
          }
        } while (this.again);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
