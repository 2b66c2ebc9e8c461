// Beatwatch's IndexedDB database: its shape and the one way to open it. Called by the background only: a content
// script's IndexedDB belongs to the page's origin, not to the extension. The shape changes only through an
// appended entry in migrations.ts.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ArticleRecord, HighlightRecord } from '../schema';
import type { DayCount, ListCounts } from './list-counts';
import { DB_VERSION, runMigrations } from './migrations';

export const DB_NAME = 'beatwatch';

/** What the database keeps of an article: the record, with the places it is listed at (see article-lists.ts). */
export interface StoredArticle extends ArticleRecord {
  listKeys: string[];
}

/** One indexed item in search: an article (title, text and so its facts) or a highlight (quote and note). */
export interface SearchDoc {
  doc: number;
  /** `a:<article id>` or `h:<highlight id>`. */
  item: string;
}

export type StagingKey = [string] | [string, number];

export interface BeatwatchDB extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: { 'by-topic': string; 'by-first-seen': number; 'by-list': string; 'by-rejected': string };
  };
  highlights: {
    key: string;
    value: HighlightRecord;
    indexes: { 'by-page': string; 'by-article': string; 'by-created': [number, string] };
  };
  /** Which search documents hold a word, per block of document numbers (lib/search/postings.ts). */
  'search-postings': {
    key: [string, number];
    value: { docs: Uint8Array; last: number };
  };
  'search-docs': {
    key: number;
    value: SearchDoc;
    indexes: { 'by-item': string };
  };
  /** Items to (re-)index, written in the same transaction as the change: indexing catches up after a restart. */
  'search-queue': {
    key: string;
    value: { item: string; queuedAt: number };
    indexes: { 'by-time': number };
  };
  /**
   * A restore under way: its records in rows by `[kind, index of the row's first record]` (kind `article` or
   * `highlight`), their ids by `[kind-ids, same index]`, and its state under `[state]` (restore-staging.ts). Emptied
   * when the restore is committed or given up.
   */
  'restore-staging': {
    key: StagingKey;
    value: unknown;
  };
  /** Per list (a topic, or No topic): its counts and when the reader last opened it (list-counts.ts). */
  'list-counts': {
    key: string;
    value: ListCounts;
  };
  /** Per list and UTC day: the articles first captured that day. */
  'day-counts': {
    key: [string, number];
    value: DayCount;
  };
  /** Small values the background keeps: the search index's state, the topics it last knew. */
  meta: {
    key: string;
    value: unknown;
  };
}

export type Database = IDBPDatabase<BeatwatchDB>;

export interface OpenOptions {
  /** Told when the browser closes the connection abnormally (a full disk, the data cleared): it is dead for good. */
  terminated?: () => void;
}

export function openDatabase(name = DB_NAME, { terminated }: OpenOptions = {}): Promise<Database> {
  return openDB<BeatwatchDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed migration aborts the upgrade: the database stays as it was and opening it fails with the reason.
      runMigrations(db, oldVersion, newVersion ?? DB_VERSION, tx).catch((error: unknown) => {
        console.error('Beatwatch: database upgrade failed', error);
        tx.abort();
      });
    },
    terminated,
  });
}

/**
 * The database as the background holds it, awaited on every use: a connection the browser closed abnormally (a
 * write that hit a full disk closes it in Chromium) or an open that failed is opened afresh on the next use, so a
 * retry once space is back can succeed without waiting for the worker to restart.
 */
export function reopeningDatabase(
  open: (options: OpenOptions) => Promise<Database> = (options) => openDatabase(DB_NAME, options),
): PromiseLike<Database> {
  let current: Promise<Database> | undefined;
  const connect = () => {
    const opening: Promise<Database> = open({
      terminated: () => {
        if (current === opening) current = undefined;
      },
    });
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };
  return {
    then(onOpen, onError) {
      current ??= connect();
      return current.then(onOpen, onError);
    },
  };
}
