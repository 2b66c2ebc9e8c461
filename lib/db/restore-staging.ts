// A restore received in parts. The options page reads a backup file in parts and sends each part's validated records;
// they are kept aside here, apart from the reader's data, until the whole file has arrived. Only then can the restore
// be previewed (counted against the stored records) and committed: merged into the reader's data in one transaction
// that also empties the staging, so a restore is written whole or not at all. Kept in the database rather than in
// memory so that the background may be stopped between the preview and the reader's confirmation.
import { countOutcomes, mergeArticle, mergeHighlight, type CountSummary, type MergeOutcome } from '../backup/merge';
import type { ArticleRecord, HighlightRecord, Topic } from '../schema';
import { listKeysFor } from './article-lists';
import { COUNT_STORES, CountChanges, countStores } from './list-counts';
import type { Database, StagingKey } from './database';
import { articleItem, highlightItem, queueForSearch } from './search-queue';

/** What a staged restore has received so far. */
export interface StagingState {
  restoreId: string;
  /** Parts received; the next one must be numbered this. */
  parts: number;
  articles: number;
  highlights: number;
  /** Set when the whole file has arrived: its topics, and that it may be committed. */
  topics?: Topic[];
}

export interface RecordsRestore {
  articles: CountSummary;
  highlights: CountSummary;
}

export interface StagedPart {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

/** A restore that cannot go on: the message is for the reader. */
export class StagingError extends Error {}

const STATE: StagingKey = ['state'];
type Kind = 'article' | 'highlight';
/** Staged records read and merged per round, so that a restore never holds more than this many in memory. */
const ROUND = 250;

const replaced = () =>
  new StagingError('This restore was stopped or replaced by another one. Nothing was restored; choose the file again.');

/** Starts a restore, throwing away any other that was under way (a page closed in the middle leaves one behind). */
export async function beginStaging(db: Database, restoreId: string): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state: StagingState = { restoreId, parts: 0, articles: 0, highlights: 0 };
  await Promise.all([tx.store.clear(), tx.store.put(state, STATE), tx.done]);
}

/** Keeps one part's records aside. Parts come in order; an id already received refuses the part, and so the restore. */
export async function stageRecords(db: Database, restoreId: string, part: number, records: StagedPart) {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = await current(tx.store, restoreId);
  if (state.topics) throw new StagingError('This restore already has all its parts. Nothing was restored.');
  if (part !== state.parts)
    throw new StagingError(
      `Part ${part + 1} of the backup arrived instead of part ${state.parts + 1}. Nothing was restored.`,
    );
  const incoming: [Kind, ArticleRecord | HighlightRecord, number][] = [
    ...records.articles.map((r, i) => ['article', r, state.articles + i] as [Kind, ArticleRecord, number]),
    ...records.highlights.map((r, i) => ['highlight', r, state.highlights + i] as [Kind, HighlightRecord, number]),
  ];
  const already = await Promise.all(incoming.map(([kind, record]) => quiet(tx.store.getKey([kind, record.id]))));
  const inPart = new Set<string>();
  for (const [i, [kind, record, index]] of incoming.entries()) {
    const key = `${kind} ${record.id}`;
    if (already[i] !== undefined || inPart.has(key)) {
      abort(tx);
      throw new StagingError(
        `${kind === 'article' ? 'Article' : 'Highlight'} ${index + 1}: the id “${record.id}” appears twice. Nothing was restored.`,
      );
    }
    inPart.add(key);
  }
  const next: StagingState = {
    ...state,
    parts: state.parts + 1,
    articles: state.articles + records.articles.length,
    highlights: state.highlights + records.highlights.length,
  };
  try {
    await Promise.all([
      ...incoming.map(([kind, record]) => quiet(tx.store.put(record, [kind, record.id]))),
      tx.store.put(next, STATE),
    ]);
  } catch (error) {
    abort(tx);
    throw error;
  }
  await tx.done;
  return { parts: next.parts };
}

/** Marks the restore whole, once the sender's count of parts and records matches what arrived. */
export async function finishStaging(
  db: Database,
  restoreId: string,
  sent: { parts: number; articles: number; highlights: number; topics: Topic[] },
): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = await current(tx.store, restoreId);
  if (state.parts !== sent.parts || state.articles !== sent.articles || state.highlights !== sent.highlights) {
    abort(tx);
    throw new StagingError(
      `Only part of the backup arrived (${state.articles} of ${sent.articles} articles, ${state.highlights} of ${sent.highlights} highlights). Nothing was restored.`,
    );
  }
  await Promise.all([tx.store.put({ ...state, topics: sent.topics }, STATE), tx.done]);
}

/** The staged restore's state, once the whole file has arrived. */
export async function finishedStaging(db: Database, restoreId: string): Promise<StagingState & { topics: Topic[] }> {
  const state = await current(db.transaction('restore-staging').store, restoreId);
  if (!state.topics) throw new StagingError('This restore has not received the whole file yet. Nothing was restored.');
  return state as StagingState & { topics: Topic[] };
}

/** Counts what committing the staged restore would add and change, in a read-only transaction (the popup and
 * captures read and write meanwhile). */
export async function previewStaged(db: Database, restoreId: string): Promise<RecordsRestore> {
  const tx = db.transaction(['restore-staging', 'articles', 'highlights'], 'readonly');
  const stores = {
    staging: tx.objectStore('restore-staging'),
    articles: tx.objectStore('articles'),
    highlights: tx.objectStore('highlights'),
  };
  try {
    return await mergeRounds(stores, restoreId);
  } finally {
    await tx.done.catch(() => {});
  }
}

/**
 * Merges the staged records into the stored ones in one readwrite transaction that also empties the staging: the
 * restore is written whole or not at all. Articles get their list keys and both kinds are queued for search, as
 * any write is.
 */
export async function commitStaged(db: Database, restoreId: string, now: number): Promise<RecordsRestore> {
  const tx = db.transaction(
    ['restore-staging', 'articles', 'highlights', 'search-queue', ...COUNT_STORES],
    'readwrite',
  );
  const staging = tx.objectStore('restore-staging');
  // Counted like any other write, in the same transaction.
  const counted = new CountChanges(countStores(tx));
  const articles = tx.objectStore('articles');
  const highlights = tx.objectStore('highlights');
  const queue = tx.objectStore('search-queue');
  let result: RecordsRestore;
  try {
    result = await mergeRounds({ staging, articles, highlights }, restoreId, {
      article: (record, before) => [
        (counted.change(before, record), quiet(articles.put({ ...record, listKeys: listKeysFor(record) }))),
        quiet(queueForSearch(queue, articleItem(record.id), now)),
      ],
      highlight: (record) => [
        quiet(highlights.put(record)),
        quiet(queueForSearch(queue, highlightItem(record.id), now)),
      ],
    });
    await counted.save();
    await staging.clear();
  } catch (error) {
    // A request refused in the middle (one that throws rather than fails) must not leave the rest written.
    abort(tx);
    throw error;
  }
  await tx.done;
  return result;
}

interface MergeStores {
  staging: {
    get(key: StagingKey): Promise<unknown>;
    getAll(range: IDBKeyRange, count: number): Promise<unknown[]>;
    getAllKeys(range: IDBKeyRange, count: number): Promise<StagingKey[]>;
  };
  articles: { get(id: string): Promise<ArticleRecord | undefined> };
  highlights: { get(id: string): Promise<HighlightRecord | undefined> };
}

interface MergeWrites {
  article: (record: ArticleRecord, before: ArticleRecord | undefined) => Promise<unknown>[];
  highlight: (record: HighlightRecord) => Promise<unknown>[];
}

/** The staged records merged with the stored ones, ROUND at a time; `writes` puts what changed. */
async function mergeRounds(stores: MergeStores, restoreId: string, writes?: MergeWrites): Promise<RecordsRestore> {
  const state = await current(stores.staging, restoreId);
  if (!state.topics) throw new StagingError('This restore has not received the whole file yet. Nothing was restored.');
  const counts: Record<Kind, CountSummary> = { article: tally([]), highlight: tally([]) };
  for (const kind of ['article', 'highlight'] as const) {
    for (let after: StagingKey = [kind]; ;) {
      const range = IDBKeyRange.bound(after, [kind, []], true, true);
      const [keys, values] = await Promise.all([
        stores.staging.getAllKeys(range, ROUND),
        stores.staging.getAll(range, ROUND),
      ]);
      if (!keys.length) break;
      after = keys[keys.length - 1];
      if (kind === 'article') {
        const incoming = values as ArticleRecord[];
        const stored = await Promise.all(incoming.map((r) => quiet(stores.articles.get(r.id))));
        const outcomes = incoming.map((r, i) => mergeArticle(stored[i], r));
        counts.article = add(counts.article, outcomes);
        if (writes)
          await Promise.all(
            outcomes.flatMap((outcome, i) =>
              outcome.kind === 'unchanged' ? [] : writes.article(outcome.record, stored[i]),
            ),
          );
      } else {
        const incoming = values as HighlightRecord[];
        const stored = await Promise.all(incoming.map((r) => quiet(stores.highlights.get(r.id))));
        const outcomes = incoming.map((r, i) => mergeHighlight(stored[i], r));
        counts.highlight = add(counts.highlight, outcomes);
        if (writes) await Promise.all(changed(outcomes).flatMap(writes.highlight));
      }
    }
  }
  return { articles: counts.article, highlights: counts.highlight };
}

/** Throws the staged restore away (given up, refused, or replaced). */
export async function discardStaging(db: Database, restoreId: string): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = (await tx.store.get(STATE)) as StagingState | undefined;
  if (state?.restoreId === restoreId) await tx.store.clear();
  await tx.done;
}

/**
 * A request of a group awaited together: the group reports the first failure (or a request that throws at once), and
 * the others' rejections when the transaction is given up are expected.
 */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => {});
  return request;
}

/** Gives a transaction up; its own rejection is expected, the caller throws the reason. */
function abort(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the failed request itself.
  }
}

async function current(store: { get(key: StagingKey): Promise<unknown> }, restoreId: string): Promise<StagingState> {
  const state = (await store.get(STATE)) as StagingState | undefined;
  if (state?.restoreId !== restoreId) throw replaced();
  return state;
}

const tally = (outcomes: MergeOutcome<unknown>[]) => countOutcomes(outcomes);

function add(sum: CountSummary, outcomes: MergeOutcome<unknown>[]): CountSummary {
  const more = tally(outcomes);
  return {
    total: sum.total + more.total,
    new: sum.new + more.new,
    present: sum.present + more.present,
    updated: sum.updated + more.updated,
  };
}

function changed<T>(outcomes: MergeOutcome<T>[]): T[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'unchanged' ? [] : [outcome.record]));
}
