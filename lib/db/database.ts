// Beatwatch's IndexedDB database: its shape and the one way to open it. Called by the background only: a content
// script's IndexedDB belongs to the page's origin, not to the extension. The shape changes only through an
// appended entry in migrations.ts.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ArticleRecord, HighlightRecord } from '../schema';
import { DB_VERSION, runMigrations } from './migrations';

export const DB_NAME = 'beatwatch';

export interface BeatwatchDB extends DBSchema {
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { 'by-topic': string; 'by-first-seen': number };
  };
  highlights: {
    key: string;
    value: HighlightRecord;
    indexes: { 'by-page': string; 'by-article': string };
  };
}

export type Database = IDBPDatabase<BeatwatchDB>;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<BeatwatchDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
}
