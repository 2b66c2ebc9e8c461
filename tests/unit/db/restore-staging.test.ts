// The staging store a restore in parts keeps its records in: added by a migration to a database that holds data,
// which it leaves as it was. (The restore itself: tests/unit/background/backup-handlers.test.ts.)
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { listKeysFor } from '@/lib/db/article-lists';
import { openDatabase, type BeatwatchDB } from '@/lib/db/database';
import { DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { beginStaging, stageRecords } from '@/lib/db/restore-staging';
import { article, highlight } from '../backup/records';

const STAGING_VERSION = MIGRATIONS.findIndex((m) => m.toString().includes('restore-staging')) + 1;

describe('the restore staging migration', () => {
  it('adds an empty staging store and leaves the stored records as they were', async () => {
    expect(STAGING_VERSION).toBeGreaterThan(6);
    const name = 'migrate-staging';
    const before = STAGING_VERSION - 1;
    const old = await openDB<BeatwatchDB>(name, before, {
      upgrade: (db, oldVersion, _newVersion, tx) => void runMigrations(db, oldVersion, before, tx),
    });
    const stored = { ...article(), listKeys: listKeysFor(article()) };
    await old.put('articles', stored);
    await old.put('highlights', highlight());
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual([stored]);
    expect(await db.getAll('highlights')).toEqual([highlight()]);
    expect(await db.count('restore-staging')).toBe(0);
    await beginStaging(db, 'r-1');
    await stageRecords(db, 'r-1', 0, { articles: [article()], highlights: [highlight()] });
    expect(await db.count('restore-staging')).toBe(3);
    expect(await db.getAll('articles')).toEqual([stored]);
    db.close();
  });
});
