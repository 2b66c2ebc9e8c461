// A restore received in parts. The options page reads a backup file in parts and sends each part's validated records;
// they are kept aside here, apart from the reader's data, until the whole file has arrived. Only then can the restore
// be previewed (counted against the stored records) and committed: merged into the reader's data in one transaction
// that also empties the staging, so a restore is written whole or not at all. Kept in the database rather than in
// memory so that the background may be stopped between the preview and the reader's confirmation.
//
// Rows: `[state]`; a part's records in rows of at most ROUND, `[kind, index of the row's first record]`; and each
// row's ids, `[kind-ids, same index]`, so that finding an id sent twice reads the ids only. One request per row rather
// than per record: staging a year took one getKey and one put per record.
import { BackupError, type BackupErrorCode } from '../backup/backup-errors';
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

/** A restore that cannot go on: the problem (a code and its details) is for the reader, the message its English. */
export class StagingError extends BackupError {}

const refused = (code: BackupErrorCode, ...details: number[]) => new StagingError({ code, details });

const STATE: StagingKey = ['state'];
type Kind = 'article' | 'highlight';
const KINDS: readonly Kind[] = ['article', 'highlight'];
const idsOf = (kind: Kind) => `${kind}-ids`;
/** Records per staging row, read and merged as one round: a restore never holds more than this many in memory. */
export const ROUND = 250;
/**
 * A round's stored records are read in one request over the range of its ids when that range holds at most this many
 * stored records per staged one (a backup lists records in id order, so its rounds cover narrow ranges); otherwise
 * one by one.
 */
const SPREAD = 4;

const replaced = () => refused('replaced');

const twice = (kind: Kind, index: number, id: string) =>
  new StagingError({ code: kind === 'article' ? 'twiceArticle' : 'twiceHighlight', details: [index + 1, id] });

/** Starts a restore, throwing away any other that was under way (a page closed in the middle leaves one behind). */
export async function beginStaging(db: Database, restoreId: string): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state: StagingState = { restoreId, parts: 0, articles: 0, highlights: 0 };
  await Promise.all([tx.store.clear(), tx.store.put(state, STATE), tx.done]);
}

/**
 * Keeps one part's records aside. Parts come in order; an id twice in the part refuses it, and so the restore (an id
 * also sent in an earlier part is found when the last part has arrived, by finishStaging).
 */
export async function stageRecords(db: Database, restoreId: string, part: number, records: StagedPart) {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = await current(tx.store, restoreId);
  const refuse = (error: StagingError) => {
    abort(tx);
    return error;
  };
  if (state.topics) throw refuse(refused('partsComplete'));
  if (part !== state.parts) throw refuse(refused('partOrder', part + 1, state.parts + 1));
  const rows: [StagingKey, unknown][] = [];
  for (const [kind, list, first] of [
    ['article', records.articles, state.articles],
    ['highlight', records.highlights, state.highlights],
  ] as const) {
    const inPart = new Set<string>();
    for (const [i, { id }] of list.entries()) {
      if (inPart.has(id)) throw refuse(twice(kind, first + i, id));
      inPart.add(id);
    }
    for (let at = 0; at < list.length; at += ROUND) {
      const row = list.slice(at, at + ROUND);
      rows.push([[kind, first + at], row], [[idsOf(kind), first + at], row.map((r) => r.id)]);
    }
  }
  const next: StagingState = {
    ...state,
    parts: state.parts + 1,
    articles: state.articles + records.articles.length,
    highlights: state.highlights + records.highlights.length,
  };
  try {
    await Promise.all([...rows.map(([key, value]) => quiet(tx.store.put(value, key))), tx.store.put(next, STATE)]);
  } catch (error) {
    abort(tx);
    throw error;
  }
  await tx.done;
  return { parts: next.parts };
}

/**
 * Marks the restore whole, once the sender's count of parts and records matches what arrived and no id arrived
 * twice.
 */
export async function finishStaging(
  db: Database,
  restoreId: string,
  sent: { parts: number; articles: number; highlights: number; topics: Topic[] },
): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = await current(tx.store, restoreId);
  if (state.parts !== sent.parts || state.articles !== sent.articles || state.highlights !== sent.highlights) {
    abort(tx);
    throw refused('partsMissing', state.articles, sent.articles, state.highlights, sent.highlights);
  }
  for (const kind of KINDS) {
    const range = rowsOf(idsOf(kind));
    const [keys, rows] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
    const seen = new Set<string>();
    for (const [r, ids] of (rows as string[][]).entries())
      for (const [i, id] of ids.entries()) {
        if (seen.has(id)) {
          abort(tx);
          throw twice(kind, (keys[r][1] as number) + i, id);
        }
        seen.add(id);
      }
  }
  await Promise.all([tx.store.put({ ...state, topics: sent.topics }, STATE), tx.done]);
}

/** The staged restore's state, once the whole file has arrived. */
export async function finishedStaging(db: Database, restoreId: string): Promise<StagingState & { topics: Topic[] }> {
  const state = await current(db.transaction('restore-staging').store, restoreId);
  if (!state.topics) throw refused('notWhole');
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
 * any write is. `merged` hears of each row of records merged (the popup shows how far the commit is).
 */
export async function commitStaged(
  db: Database,
  restoreId: string,
  now: number,
  merged: (records: number) => void = () => {},
): Promise<RecordsRestore> {
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
      merged,
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

interface StoredRecords<T> {
  get(id: string): Promise<T | undefined>;
  getAll(range: IDBKeyRange): Promise<T[]>;
  getAllKeys(range: IDBKeyRange, count: number): Promise<string[]>;
}

interface MergeStores {
  staging: {
    get(key: StagingKey): Promise<unknown>;
    getAllKeys(range: IDBKeyRange): Promise<StagingKey[]>;
  };
  articles: StoredRecords<ArticleRecord>;
  highlights: StoredRecords<HighlightRecord>;
}

interface MergeWrites {
  article: (record: ArticleRecord, before: ArticleRecord | undefined) => Promise<unknown>[];
  highlight: (record: HighlightRecord) => Promise<unknown>[];
  /** After each row's writes: how many records it held. */
  merged: (records: number) => void;
}

/** The staged records merged with the stored ones, a row at a time; `writes` puts what changed. */
async function mergeRounds(stores: MergeStores, restoreId: string, writes?: MergeWrites): Promise<RecordsRestore> {
  const state = await current(stores.staging, restoreId);
  if (!state.topics) throw refused('notWhole');
  const counts: Record<Kind, CountSummary> = { article: tally([]), highlight: tally([]) };
  for (const kind of KINDS) {
    for (const key of await stores.staging.getAllKeys(rowsOf(kind))) {
      const row = (await stores.staging.get(key)) as ArticleRecord[] | HighlightRecord[];
      if (kind === 'article') {
        const incoming = row as ArticleRecord[];
        const stored = await storedOf(stores.articles, incoming);
        const outcomes = incoming.map((r, i) => mergeArticle(stored[i], r));
        counts.article = add(counts.article, outcomes);
        if (writes)
          await Promise.all(
            outcomes.flatMap((outcome, i) =>
              outcome.kind === 'unchanged' ? [] : writes.article(outcome.record, stored[i]),
            ),
          );
      } else {
        const incoming = row as HighlightRecord[];
        const stored = await storedOf(stores.highlights, incoming);
        const outcomes = incoming.map((r, i) => mergeHighlight(stored[i], r));
        counts.highlight = add(counts.highlight, outcomes);
        if (writes) await Promise.all(changed(outcomes).flatMap(writes.highlight));
      }
      writes?.merged(row.length);
    }
  }
  return { articles: counts.article, highlights: counts.highlight };
}

/**
 * The stored copies of a round's records, in its order. The keys in the range of its ids come first (cheap, and none
 * at all in an empty profile); the records themselves in one request when the range holds few others, else one by one.
 */
async function storedOf<T>(store: StoredRecords<T & { id: string }>, incoming: { id: string }[]) {
  if (!incoming.length) return [];
  let low = incoming[0].id;
  let high = low;
  for (const { id } of incoming) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const range = IDBKeyRange.bound(low, high);
  const limit = incoming.length * SPREAD;
  const keys = await store.getAllKeys(range, limit);
  const found = new Map<string, T>();
  if (keys.length < limit) {
    const have = new Set(keys);
    const present = incoming.filter((r) => have.has(r.id));
    if (!present.length) return incoming.map(() => undefined);
    if (keys.length <= 2 * present.length) {
      for (const record of await store.getAll(range)) found.set(record.id, record);
    } else {
      const records = await Promise.all(present.map((r) => quiet(store.get(r.id))));
      for (const record of records) if (record) found.set(record.id, record);
    }
    return incoming.map((r) => found.get(r.id));
  }
  return Promise.all(incoming.map((r) => quiet(store.get(r.id))));
}

/** Throws the staged restore away (given up, refused, or replaced). */
export async function discardStaging(db: Database, restoreId: string): Promise<void> {
  const tx = db.transaction('restore-staging', 'readwrite');
  const state = (await tx.store.get(STATE)) as StagingState | undefined;
  if (state?.restoreId === restoreId) await tx.store.clear();
  await tx.done;
}

/** Every row of a kind, in order: numbers sort before arrays. */
function rowsOf(kind: string): IDBKeyRange {
  return IDBKeyRange.bound([kind], [kind, []], true, true);
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
