// Append-only schema migrations. Entry N upgrades version N-1 to N; a shipped entry is
// never edited, so every reader's database, however old, reaches the same shape.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Fact } from '../schema';
import { listKeysFor } from './article-lists';
import type { BeatwatchDB } from './database';
import { countArticles, countedOf, emptyCounts, type Counted } from './list-counts';

type UpgradeTransaction = IDBPTransaction<BeatwatchDB, StoreNames<BeatwatchDB>[], 'versionchange'>;
/** Creates stores and indexes at once; may go on rewriting records, with nothing but IndexedDB requests awaited. */
export type Migration = (db: IDBPDatabase<BeatwatchDB>, tx: UpgradeTransaction) => void | Promise<void>;

export const MIGRATIONS: readonly Migration[] = [
  // 1: articles, looked up by topic (multi-entry) and listed by first visit.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('by-topic', 'topicIds', { multiEntry: true });
    articles.createIndex('by-first-seen', 'firstSeenAt');
  },
  // 2: the reader's highlights, re-attached by page address and listed by article.
  (db) => {
    const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
    highlights.createIndex('by-page', 'pageUrl');
    highlights.createIndex('by-article', 'articleId');
  },
  // 3: a fact has one kind the popup shows instead of a list of signals, and may name its speaker. Old facts get the
  // kind their signals imply (no speaker, no "decision": those need the text read again, as a revisit does).
  (_db, tx) => {
    const store = tx.objectStore('articles');
    const upgrade = async () => {
      for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
        const facts = cursor.value.facts as unknown as V2Fact[];
        await cursor.update({ ...cursor.value, facts: facts.map(toV3Fact) });
      }
    };
    // A failed write aborts the upgrade (openDatabase), so the database stays at version 2 rather than half
    // converted. Returned, so the next migration starts on converted records.
    return upgrade();
  },
  // 4: positions now count script and style text, as the W3C selector does; older highlights say
  // theirs do not, until a visit replaces them.
  (_db, tx) => {
    const highlights = tx.objectStore('highlights');
    const upgrade = async () => {
      for (let cursor = await highlights.openCursor(); cursor; cursor = await cursor.continue())
        await cursor.update({ ...cursor.value, legacyPositions: true });
    };
    upgrade().catch(() => tx.abort());
  },
  // 5: lists read by cursor (a topic's articles newest first, No topic, every highlight newest first) and search.
  // Every article gets its list keys; the search index fills itself afterwards (lib/db/search-index.ts).
  async (db, tx) => {
    const articles = tx.objectStore('articles');
    articles.createIndex('by-list', 'listKeys', { multiEntry: true });
    tx.objectStore('highlights').createIndex('by-created', ['createdAt', 'id']);
    db.createObjectStore('search-postings');
    db.createObjectStore('search-docs', { keyPath: 'doc' }).createIndex('by-item', 'item');
    db.createObjectStore('search-queue', { keyPath: 'item' }).createIndex('by-time', 'queuedAt');
    db.createObjectStore('meta');
    // In chunks, the writes of a chunk in flight together: a cursor's one round trip per record took minutes at
    // 10,000 articles.
    for (let after: string | undefined; ;) {
      const chunk = await articles.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 500);
      if (!chunk.length) break;
      await Promise.all(chunk.map((record) => articles.put({ ...record, listKeys: listKeysFor(record) })));
      after = chunk[chunk.length - 1].id;
    }
  },
  // 6: articles the reader said are not about a topic, listed per topic in the topic tester.
  (_db, tx) => {
    tx.objectStore('articles').createIndex('by-rejected', 'rejectedFrom', { multiEntry: true });
  },
  // 7: a restore's records, received in parts and kept aside until the reader confirms (lib/db/restore-staging.ts).
  (db) => {
    db.createObjectStore('restore-staging');
  },
  // 8: counts kept as records, so the topic list reads them instead of walking every list (list-counts.ts). Built
  // from the articles in chunks, as 5 did; what is stored now counts as seen, so an upgrade marks nothing new.
  async (db, tx) => {
    db.createObjectStore('list-counts', { keyPath: 'list' });
    db.createObjectStore('day-counts', { keyPath: ['list', 'day'] });
    const articles = tx.objectStore('articles');
    const seenAt = Date.now();
    const all: Counted[] = [];
    for (let after: string | undefined; ;) {
      const chunk = await articles.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 500);
      if (!chunk.length) break;
      all.push(...chunk.map(countedOf));
      after = chunk[chunk.length - 1].id;
    }
    const { lists, days } = countArticles(all, (list) => emptyCounts(list, seenAt));
    const listStore = tx.objectStore('list-counts');
    const dayStore = tx.objectStore('day-counts');
    await Promise.all([
      ...[...lists.values()].map((counts) => listStore.put(counts)),
      ...[...days.values()].map((day) => dayStore.put(day)),
    ]);
  },
  // 9: a restore's records are staged a row of records at a time instead of one by one. A restore staged in the old
  // rows is thrown away (the reader chooses the file again; nothing of theirs was written).
  async (_db, tx) => {
    await tx.objectStore('restore-staging').clear();
  },
];

/** A fact as version 2 stored it. */
interface V2Fact {
  text: string;
  start: number;
  end: number;
  score: number;
  kinds: ('quantity' | 'date' | 'duration' | 'quote' | 'speech' | 'topic')[];
}

function toV3Fact({ kinds, ...fact }: V2Fact): Fact {
  const kind = kinds.includes('quote')
    ? 'quote'
    : kinds.includes('quantity')
      ? 'figure'
      : kinds.includes('date') || kinds.includes('duration')
        ? 'date'
        : 'statement';
  return { ...fact, kind };
}

export const DB_VERSION = MIGRATIONS.length;

/** Runs the migrations from oldVersion to newVersion in order, each after the previous one's requests. */
export async function runMigrations(
  db: IDBPDatabase<BeatwatchDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
): Promise<void> {
  if (newVersion < oldVersion)
    throw new Error(`Beatwatch database downgrade detected: v${oldVersion} → v${newVersion}`);
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const migrate = MIGRATIONS[version - 1];
    if (!migrate) throw new Error(`No migration to Beatwatch database v${version}`);
    await migrate(db, tx);
  }
}
