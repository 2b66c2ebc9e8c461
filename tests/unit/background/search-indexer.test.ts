import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveCapture } from '@/lib/db/articles';
import { openDatabase, type Database } from '@/lib/db/database';
import * as searchIndex from '@/lib/db/search-index';
import { SearchIndexer, type IndexerTiming } from '@/lib/background/search-indexer';
import type { Capture } from '@/lib/schema';

vi.mock('@/lib/db/search-index', async (original) => {
  const actual = await original<typeof import('@/lib/db/search-index')>();
  return { ...actual, indexQueued: vi.fn(actual.indexQueued) };
});

let db: Database;
let n = 0;
let clock = 0;
let k = 0;
/** When each batch was taken and how many items it took. */
let batches: { at: number; taken: number }[];

beforeEach(async () => {
  db = await openDatabase(`search-indexer-${++n}`);
  await searchIndex.ensureSearchIndex(db);
  clock = 0;
  batches = [];
  const indexQueued = vi.mocked(searchIndex.indexQueued);
  const actual = (await vi.importActual<typeof import('@/lib/db/search-index')>('@/lib/db/search-index')).indexQueued;
  indexQueued.mockImplementation(async (database, limit) => {
    const at = clock;
    const taken = await actual(database, limit);
    batches.push({ at, taken });
    return taken;
  });
});
afterEach(() => db.close());

const capture = (): Capture => {
  const url = `https://n.example/${++k}`;
  return {
    article: { url, pageUrl: url, title: `Talks ${k}`, dir: 'ltr', excerpt: '', text: `Peace talks resume, day ${k}.` },
    matches: [{ topicId: 'ukraine', score: 1, mentions: 1, hits: [] }],
  };
};

const timing = (wait: IndexerTiming['wait']): IndexerTiming => ({
  quietMs: 1000,
  maxWaitMs: 3000,
  now: () => clock,
  wait,
});

describe('SearchIndexer', () => {
  it('indexes a burst of changes in one batch once they pause', async () => {
    const waits: number[] = [];
    const indexer = new SearchIndexer(
      Promise.resolve(db),
      undefined,
      timing(async (ms) => void (waits.push(ms), (clock += ms))),
    );
    for (const at of [0, 100, 200]) await saveCapture(db, capture(), { now: at });
    // The three changes, 100 ms apart.
    for (const at of [0, 100]) {
      clock = at;
      void indexer.schedule();
    }
    clock = 200;
    await indexer.schedule();
    expect(batches.filter((b) => b.taken > 0)).toEqual([{ at: 1200, taken: 3 }]);
    expect(waits).toEqual([1000]);
    expect(await searchIndex.pendingSearchItems(db)).toBe(0);
  });

  it('does not wait past the longest wait while changes never pause', async () => {
    // Every 400 ms another capture, for as long as the indexer waits.
    const indexer: SearchIndexer = new SearchIndexer(
      Promise.resolve(db),
      undefined,
      timing(async (ms) => {
        clock += Math.min(ms, 400);
        if (clock < 10_000) {
          await saveCapture(db, capture(), { now: clock });
          void indexer.schedule();
        }
      }),
    );
    const before = k;
    await saveCapture(db, capture(), { now: 0 });
    await indexer.schedule();
    const taken = batches.filter((b) => b.taken > 0);
    expect(taken[0].at).toBe(3000);
    // The first change and those that came by 3000 ms (one every 400 ms, the last at 3000).
    expect(taken[0].taken).toBe(9);
    expect(taken.reduce((sum, b) => sum + b.taken, 0)).toBe(k - before);
    expect(await searchIndex.pendingSearchItems(db)).toBe(0);
  });

  it('indexes what a previous worker left queued at start, without waiting', async () => {
    await saveCapture(db, capture(), { now: 0 });
    await saveCapture(db, capture(), { now: 1 });
    const wait = vi.fn(async () => {});
    await new SearchIndexer(Promise.resolve(db), undefined, timing(wait)).start();
    expect(wait).not.toHaveBeenCalled();
    expect(batches[0]).toEqual({ at: 0, taken: 2 });
    expect(await searchIndex.pendingSearchItems(db)).toBe(0);
  });
});
