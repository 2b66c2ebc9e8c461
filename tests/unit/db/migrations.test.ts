// Upgrading a database that holds data: version 2 facts (a list of signals) become version 3 facts (one kind); version 4
// marks highlights stored with positions that skipped script and style text.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, runMigrations } from '@/lib/db/migrations';
import { openDatabase, type BeatwatchDB, type Database } from '@/lib/db/database';
import type { HighlightRecord } from '@/lib/schema';

let counter = 0;
let db: Database | undefined;
afterEach(() => db?.close());

const v2Fact = (text: string, kinds: string[]) => ({ text, start: 0, end: text.length, score: 0.5, kinds });

/** Opens `name` at version 2 exactly, as a reader's browser holds it before the upgrade, and stores `records`. */
async function seedVersion2(name: string, records: object[]): Promise<void> {
  const old = await openDB<BeatwatchDB>(name, 2, {
    upgrade(database, oldVersion, _newVersion, tx) {
      void runMigrations(database, oldVersion, 2, tx);
    },
  });
  const tx = old.transaction('articles', 'readwrite');
  // Version 2 records have a shape the current types no longer describe.
  for (const record of records) await tx.store.put(record as never);
  await tx.done;
  old.close();
}

const article = (id: string, facts: object[]) => ({
  id,
  url: `https://n.example/${id}`,
  pageUrl: `https://n.example/${id}`,
  title: id,
  dir: 'ltr',
  excerpt: '',
  text: 'body',
  topicIds: ['ukraine'],
  matches: [],
  clippedTo: [],
  facts,
  firstSeenAt: 1,
  lastSeenAt: 1,
  visits: 1,
});

describe('migration 3: one kind per fact', () => {
  it('gives every stored fact the kind its old signals imply and keeps everything else', async () => {
    const name = `migrate-${++counter}`;
    await seedVersion2(name, [
      article('a'.repeat(32), [
        v2Fact('“We will rebuild,” the mayor said.', ['quote', 'speech']),
        v2Fact('The fire burned 12,000 acres on 16 May.', ['quantity', 'date']),
        v2Fact('The talks lasted two hours.', ['duration']),
        v2Fact('The minister said the talks went well.', ['speech', 'topic']),
        v2Fact('Nothing in particular.', []),
      ]),
      article('b'.repeat(32), []),
    ]);

    db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    const upgraded = await db.get('articles', 'a'.repeat(32));
    expect(upgraded?.facts.map((f) => f.kind)).toEqual(['quote', 'figure', 'date', 'statement', 'statement']);
    expect(upgraded?.facts.every((f) => !('kinds' in f) && f.speaker === undefined)).toBe(true);
    expect(upgraded?.facts[1]).toEqual({
      text: 'The fire burned 12,000 acres on 16 May.',
      start: 0,
      end: 39,
      score: 0.5,
      kind: 'figure',
    });
    expect(upgraded).toMatchObject({ topicIds: ['ukraine'], title: 'a'.repeat(32), visits: 1 });
    expect((await db.get('articles', 'b'.repeat(32)))?.facts).toEqual([]);
    expect(await db.countFromIndex('articles', 'by-topic', 'ukraine')).toBe(2);
  });

  it('opens an empty version 2 database', async () => {
    const name = `migrate-${++counter}`;
    await seedVersion2(name, []);
    db = await openDatabase(name);
    expect(await db.count('articles')).toBe(0);
  });
});

const v2Highlight: HighlightRecord = {
  id: 'h-v2v2v2v2',
  pageUrl: 'https://n.example/a',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'talks resumed', prefix: 'On Monday ', suffix: ' in Istanbul' },
    { type: 'TextPositionSelector', start: 10, end: 23 },
  ],
  note: 'kept',
  placed: true,
  createdAt: 1,
  updatedAt: 2,
};

describe('migration 4: positions that count script and style text', () => {
  it('marks the highlights stored before as having legacy positions, and changes nothing else', async () => {
    const name = 'migrate-highlights-v2';
    const old = await openDB<BeatwatchDB>(name, 2, {
      upgrade: (db, oldVersion, newVersion, tx) => void runMigrations(db, oldVersion, newVersion ?? 2, tx),
    });
    await old.put('highlights', v2Highlight);
    await old.put('highlights', { ...v2Highlight, id: 'h-v2v2v2v3', placed: false });
    old.close();

    const db = await openDatabase(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('highlights', 'h-v2v2v2v2')).toEqual({ ...v2Highlight, legacyPositions: true });
    expect(await db.get('highlights', 'h-v2v2v2v3')).toMatchObject({ placed: false, legacyPositions: true });
    expect(await db.getAllFromIndex('highlights', 'by-page', 'https://n.example/a')).toHaveLength(2);
    db.close();
  });

  it('leaves highlights stored from v4 on alone', async () => {
    const db = await openDatabase('fresh-v4');
    await db.put('highlights', v2Highlight);
    expect((await db.get('highlights', 'h-v2v2v2v2'))!.legacyPositions).toBeUndefined();
    db.close();
  });
});
