// Opens Beatwatch's database. Called by the background only: a content script's IndexedDB
// belongs to the page's origin, not to the extension.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type BeatwatchDB } from './schema';

export type Database = IDBPDatabase<BeatwatchDB>;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<BeatwatchDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
}
