// Append-only schema migrations. Entry N upgrades version N-1 to N; a shipped entry is
// never edited, so every reader's database, however old, reaches the same shape.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { BeatwatchDB } from './database';

type UpgradeTransaction = IDBPTransaction<BeatwatchDB, StoreNames<BeatwatchDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<BeatwatchDB>, tx: UpgradeTransaction) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;

export function runMigrations(
  db: IDBPDatabase<BeatwatchDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
): void {
  if (newVersion < oldVersion)
    throw new Error(`Beatwatch database downgrade detected: v${oldVersion} → v${newVersion}`);
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const migrate = MIGRATIONS[version - 1];
    if (!migrate) throw new Error(`No migration to Beatwatch database v${version}`);
    migrate(db, tx);
  }
}
