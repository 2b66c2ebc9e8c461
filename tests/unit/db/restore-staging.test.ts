// The staging store a restore in parts keeps its records in: added by a migration to a database that holds data,
// which it leaves as it was; its rows of records, and the commit's reading of what is stored, by one request per row
// where it can. (The restore through the background: tests/unit/background/backup-handlers.test.ts.)
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { mergeArticle } from '@/lib/backup/merge';
import { listKeysFor } from '@/lib/db/article-lists';
import { openDatabase, type BeatwatchDB, type Database } from '@/lib/db/database';
import { DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import {
  beginStaging,
  commitStaged,
  finishStaging,
  previewStaged,
  ROUND,
  stageRecords,
} from '@/lib/db/restore-staging';
import type { ArticleRecord } from '@/lib/schema';
import { article, highlight } from '../backup/records';

const STAGING_VERSION = MIGRATIONS.findIndex((m) => m.toString().includes('restore-staging')) + 1;
const STAGING_ROWS_VERSION = 9;

let n = 0;

/** Opens a new database at `version` exactly, as a reader's browser held it before an upgrade. */
function openAt(name: string, version: number) {
  return openDB<BeatwatchDB>(name, version, {
    upgrade: (db, oldVersion, _newVersion, tx) => void runMigrations(db, oldVersion, version, tx),
  });
}

const stored = (record: ArticleRecord) => ({ ...record, listKeys: listKeysFor(record) });
const idOf = (i: number) => i.toString(16).padStart(32, '0');
const numbered = (i: number, overrides: Partial<ArticleRecord> = {}) =>
  article({ id: idOf(i), url: `https://news.example/${i}`, ...overrides });

async function restore(db: Database, articles: ArticleRecord[], partSize = articles.length) {
  const restoreId = `r-${++n}`;
  await beginStaging(db, restoreId);
  let parts = 0;
  for (let at = 0; at < articles.length || parts === 0; at += partSize)
    await stageRecords(db, restoreId, parts++, { articles: articles.slice(at, at + partSize), highlights: [] });
  await finishStaging(db, restoreId, { parts, articles: articles.length, highlights: 0, topics: [] });
  const preview = await previewStaged(db, restoreId);
  const committed = await commitStaged(db, restoreId, 1);
  expect(committed).toEqual(preview);
  return committed;
}

describe('the restore staging migration', () => {
  it('adds an empty staging store and leaves the stored records as they were', async () => {
    expect(STAGING_VERSION).toBeGreaterThan(6);
    const name = `migrate-staging-${++n}`;
    const old = await openAt(name, STAGING_VERSION - 1);
    const record = stored(article());
    await old.put('articles', record);
    await old.put('highlights', highlight());
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual([record]);
    expect(await db.getAll('highlights')).toEqual([highlight()]);
    expect(await db.count('restore-staging')).toBe(0);
    await beginStaging(db, 'r-1');
    await stageRecords(db, 'r-1', 0, { articles: [article()], highlights: [highlight()] });
    // The state, a row of each kind and its ids.
    expect(await db.count('restore-staging')).toBe(5);
    expect(await db.getAll('articles')).toEqual([record]);
    db.close();
  });

  it('throws away a restore staged one record per row, and nothing else', async () => {
    const name = `migrate-staging-rows-${++n}`;
    const old = await openAt(name, STAGING_ROWS_VERSION - 1);
    const record = stored(article());
    await old.put('articles', record);
    // A restore staged by the version before, whole and waiting for the reader's confirmation.
    const state = { restoreId: 'r-old', parts: 1, articles: 1, highlights: 0, topics: [] };
    await old.put('restore-staging', state, ['state'] as never);
    await old.put('restore-staging', numbered(7), ['article', idOf(7)] as never);
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('restore-staging')).toBe(0);
    expect(await db.getAll('articles')).toEqual([record]);
    await expect(commitStaged(db, 'r-old', 1)).rejects.toThrow(/stopped or replaced/);
    expect(await db.getAll('articles')).toEqual([record]);
    db.close();
  });
});

describe('staged rows', () => {
  it('keeps a part in rows of at most a round, and restores it whole; a second restore changes nothing', async () => {
    const db = await openDatabase(`staging-rows-${++n}`);
    const many = Array.from({ length: 2 * ROUND + 10 }, (_, i) => numbered(i));
    await beginStaging(db, 'r-rows');
    await stageRecords(db, 'r-rows', 0, { articles: many, highlights: [] });
    const range = IDBKeyRange.bound(['article'], ['article', []]);
    expect(await db.getAllKeys('restore-staging', range)).toEqual([
      ['article', 0],
      ['article', ROUND],
      ['article', 2 * ROUND],
    ]);
    await db.clear('restore-staging');

    expect((await restore(db, many, 97)).articles).toEqual({
      total: many.length,
      new: many.length,
      present: 0,
      updated: 0,
    });
    const after = await db.getAll('articles');
    expect(after).toEqual(many.map(stored));
    expect((await restore(db, many, 97)).articles).toEqual({
      total: many.length,
      new: 0,
      present: many.length,
      updated: 0,
    });
    expect(await db.getAll('articles')).toEqual(after);
    expect(await db.count('restore-staging')).toBe(0);
    db.close();
  });

  // What is stored is read over a round's range of ids when few others lie in it, else one by one: either way each
  // record meets its own stored copy.
  it.each([
    ['in id order, nothing else stored between them', (i: number) => i, 1],
    ['spread over many stored articles', (i: number) => i * 37, 1],
    ['among a few times as many stored articles', (i: number) => i * 3, 1],
    ['stored and new articles in id order', (i: number) => i, 2],
    ['stored and new articles spread over many stored ones', (i: number) => i * 37, 2],
  ])('merges each record with its stored copy: %s', async (_what, place, every) => {
    const db = await openDatabase(`staging-stored-${++n}`);
    const total = 40 * 37;
    const mine = new Map(
      Array.from({ length: total }, (_, i) => [idOf(i), numbered(i, { topicIds: ['mine'], matches: [] })]),
    );
    // Newer copies (a later visit, another topic) of stored articles; every `every`-th one is not stored yet.
    const incoming = Array.from({ length: 40 }, (_, i) => numbered(place(i), { lastSeenAt: 2e12 }));
    for (const [i, record] of incoming.entries()) if (i % every !== 0) mine.delete(record.id);
    for (const record of mine.values()) await db.put('articles', stored(record));
    const expected = incoming.map((record) => {
      const outcome = mergeArticle(mine.get(record.id), record);
      return outcome.kind === 'unchanged' ? mine.get(record.id)! : outcome.record;
    });
    const present = incoming.filter((r) => mine.has(r.id)).length;
    expect(present).toBe(Math.ceil(40 / every));
    expect((await restore(db, incoming, 15)).articles).toEqual({
      total: 40,
      new: 40 - present,
      present,
      updated: present,
    });
    for (const record of expected) expect(await db.get('articles', record.id)).toEqual(stored(record));
    expect(await db.count('articles')).toBe(mine.size + 40 - present);
    db.close();
  });
});
