// Counts kept as records (lib/db/list-counts.ts): every write that changes a list keeps its counts equal to a recount
// from the articles, migration 8 builds them for a database full of version 7 data, and the self-check repairs a
// count found wrong.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { listKeysFor, listsOf, NO_TOPIC } from '@/lib/db/article-lists';
import {
  articleIdFor,
  countLists,
  deleteArticle,
  mergeCapture,
  restoreArticle,
  saveCapture,
  setNotAbout,
  withoutListKeys,
} from '@/lib/db/articles';
import { beginStaging, commitStaged, finishStaging, stageRecords } from '@/lib/db/restore-staging';
import { openDatabase, type BeatwatchDB, type Database } from '@/lib/db/database';
import {
  checkListCounts,
  countArticles,
  countedLists,
  dayOf,
  DAY_MS,
  markListsSeen,
  readDayCounts,
  readListCounts,
} from '@/lib/db/list-counts';
import { DB_VERSION, runMigrations } from '@/lib/db/migrations';
import { adoptArticles, deleteTopicArticles, releaseTopic } from '@/lib/db/topic-membership';
import type { ArticleRecord, Capture, Fact } from '@/lib/schema';

const TOPICS = ['ukraine', 'energy', 'gaza'];
let open: Database[] = [];
let n = 0;
afterEach(() => {
  open.forEach((db) => db.close());
  open = [];
});
async function fresh(): Promise<Database> {
  const db = await openDatabase(`counts-${++n}`);
  open.push(db);
  return db;
}

const fact = (i: number): Fact => ({ text: `Fact ${i}.`, start: 0, end: 7, score: 1, kind: 'statement' });

function capture(url: number, topicIds: string[]): Capture {
  const address = `https://n.example/story-${url}`;
  return {
    article: { url: address, pageUrl: address, title: `Story ${url}`, dir: 'ltr', excerpt: '', text: `Story ${url}.` },
    matches: topicIds.map((topicId) => ({ topicId, score: 1, mentions: 1, hits: [] })),
  };
}

/** The counts the articles stored now make, for every list that has a record or an article. */
async function recount(db: Database) {
  const articles = (await db.getAll('articles')).map(withoutListKeys);
  const seen = new Map((await db.getAll('list-counts')).map((c) => [c.list, c.seenAt]));
  const { lists, days } = countArticles(articles, (list) => ({
    list,
    articles: 0,
    facts: 0,
    newArticles: 0,
    newFacts: 0,
    seenAt: seen.get(list) ?? 0,
  }));
  const names = [...new Set([...(await countedLists(db)), ...lists.keys()])].sort();
  return {
    lists: names.map(
      (list) =>
        lists.get(list) ?? { list, articles: 0, facts: 0, newArticles: 0, newFacts: 0, seenAt: seen.get(list) ?? 0 },
    ),
    days: [...days.values()]
      .filter((d) => d.captures > 0)
      .sort((a, b) => a.list.localeCompare(b.list) || a.day - b.day),
  };
}

async function storedCounts(db: Database, names: string[]) {
  const days = (await db.getAll('day-counts')).sort((a, b) => a.list.localeCompare(b.list) || a.day - b.day);
  return { lists: await readListCounts(db, names), days };
}

describe('counts kept with every write', () => {
  it('count a capture, a revisit with more facts, a delete and its undo, and what is new since the list was seen', async () => {
    const db = await fresh();
    await saveCapture(db, capture(1, ['ukraine', 'energy']), { facts: [fact(1)], now: 10 * DAY_MS });
    await saveCapture(db, capture(2, ['ukraine']), { facts: [fact(1), fact(2)], now: 11 * DAY_MS });
    expect(await readListCounts(db, ['ukraine', 'energy', NO_TOPIC])).toEqual([
      { list: 'ukraine', articles: 2, facts: 3, newArticles: 2, newFacts: 3, seenAt: 0 },
      { list: 'energy', articles: 1, facts: 1, newArticles: 1, newFacts: 1, seenAt: 0 },
      { list: NO_TOPIC, articles: 0, facts: 0, newArticles: 0, newFacts: 0, seenAt: 0 },
    ]);
    expect(await readDayCounts(db, 'ukraine', 9, 12)).toEqual([0, 1, 1, 0]);

    const before = await markListsSeen(db, ['ukraine'], 12 * DAY_MS);
    expect(before[0]).toMatchObject({ newArticles: 2, newFacts: 3, seenAt: 0 });
    // A revisit of a seen article is not new; its extra fact is counted.
    await saveCapture(db, capture(1, ['ukraine']), { facts: [fact(1), fact(2)], now: 13 * DAY_MS });
    await saveCapture(db, capture(3, ['ukraine']), { facts: [fact(1)], now: 13 * DAY_MS });
    expect((await readListCounts(db, ['ukraine']))[0]).toEqual({
      list: 'ukraine',
      articles: 3,
      facts: 5,
      newArticles: 1,
      newFacts: 1,
      seenAt: 12 * DAY_MS,
    });

    const id = (await db.getAll('articles')).find((a) => a.title === 'Story 3')!.id;
    const deleted = await deleteArticle(db, id);
    expect((await readListCounts(db, ['ukraine']))[0]).toMatchObject({ articles: 2, facts: 4, newArticles: 0 });
    expect(await readDayCounts(db, 'ukraine', 13, 13)).toEqual([0]);
    await restoreArticle(db, deleted!);
    expect((await readListCounts(db, ['ukraine']))[0]).toMatchObject({ articles: 3, facts: 5, newArticles: 1 });
    expect(await countLists(db, ['ukraine', 'energy'])).toEqual([3, 1]);
    expect(
      await storedCounts(
        db,
        (await recount(db)).lists.map((c) => c.list),
      ),
    ).toEqual(await recount(db));
  });

  type Step =
    | { kind: 'capture'; url: number; topics: string[]; facts: number }
    | { kind: 'delete'; url: number }
    | { kind: 'undo' }
    | { kind: 'release' | 'forget'; topic: string }
    | { kind: 'adopt'; topic: string }
    | { kind: 'restore'; urls: number[]; topics: string[]; age: number }
    | { kind: 'seen'; topic: string }
    | { kind: 'notAbout'; url: number; topic: string; rejected: boolean };

  const topic = fc.constantFrom(...TOPICS);
  const url = fc.integer({ min: 0, max: 7 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('capture' as const),
        url,
        topics: fc.subarray(TOPICS),
        facts: fc.integer({ min: 0, max: 3 }),
      }),
      weight: 4,
    },
    fc.record({ kind: fc.constant('delete' as const), url }),
    fc.record({ kind: fc.constant('undo' as const) }),
    fc.record({ kind: fc.constantFrom('release' as const, 'forget' as const), topic }),
    fc.record({ kind: fc.constant('adopt' as const), topic }),
    fc.record({
      kind: fc.constant('restore' as const),
      urls: fc.uniqueArray(url, { maxLength: 3 }),
      topics: fc.subarray(TOPICS),
      age: fc.integer({ min: 0, max: 48 }),
    }),
    fc.record({ kind: fc.constant('seen' as const), topic }),
    fc.record({ kind: fc.constant('notAbout' as const), url, topic, rejected: fc.boolean() }),
  );

  it('equal a recount from the articles after any sequence of captures, deletes, undos, topic changes, restores and not-about verdicts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = await fresh();
        const ids = new Map<number, string>();
        let lastDeleted: ArticleRecord | undefined;
        // One clock, as in the background: what it stamps is never later than a later "seen".
        for (const [at, s] of steps.entries()) {
          const now = (at + 1) * DAY_MS;
          if (s.kind === 'capture') {
            const facts = Array.from({ length: s.facts }, (_, i) => fact(i));
            const saved = await saveCapture(db, capture(s.url, s.topics), { facts, now });
            ids.set(s.url, saved.record.id);
          } else if (s.kind === 'delete') {
            const id = ids.get(s.url);
            if (id) lastDeleted = (await deleteArticle(db, id)) ?? lastDeleted;
          } else if (s.kind === 'undo') {
            if (lastDeleted) await restoreArticle(db, lastDeleted);
          } else if (s.kind === 'release') await releaseTopic(db, s.topic);
          else if (s.kind === 'forget') await deleteTopicArticles(db, s.topic);
          else if (s.kind === 'adopt')
            await adoptArticles(db, () => [{ topicId: s.topic, score: 1, mentions: 1, hits: [] }]);
          else if (s.kind === 'seen') await markListsSeen(db, [s.topic], now);
          else if (s.kind === 'notAbout') {
            const id = ids.get(s.url);
            if (id) await setNotAbout(db, id, s.topic, s.rejected);
          } else if (s.kind === 'restore') {
            // A backup of other copies of these articles: new ones, and stored ones with other topics and facts.
            const records = await Promise.all(
              s.urls.map(async (u) => {
                const made = capture(u, s.topics);
                const id = await articleIdFor(made.article.url);
                const record = mergeCapture(undefined, id, made, { facts: [fact(9)] }, now - s.age * 3_600_000);
                return { ...record, lastSeenAt: now, visits: 5 };
              }),
            );
            // Through the staged restore, as the options page restores a file.
            const restoreId = `r-${at}`;
            await beginStaging(db, restoreId);
            await stageRecords(db, restoreId, 0, { articles: records, highlights: [] });
            await finishStaging(db, restoreId, { parts: 1, articles: records.length, highlights: 0, topics: [] });
            await commitStaged(db, restoreId, now);
            records.forEach((r, i) => ids.set(s.urls[i], r.id));
          }
        }
        const expected = await recount(db);
        expect(
          await storedCounts(
            db,
            expected.lists.map((c) => c.list),
          ),
        ).toEqual(expected);
        for (const list of expected.lists) expect(await checkListCounts(db, list.list)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

let scratchDb: Database | undefined;
async function scratch(): Promise<Database> {
  if (!scratchDb) open.push((scratchDb = await openDatabase(`counts-scratch-${++n}`)));
  return scratchDb;
}
afterEach(() => (scratchDb = undefined));

describe('the self-check', () => {
  it('repairs counts and days found wrong, and leaves right ones alone', async () => {
    const db = await fresh();
    for (let i = 0; i < 12; i++)
      await saveCapture(db, capture(i, i % 3 ? ['ukraine'] : []), { facts: [fact(i)], now: (i + 1) * DAY_MS });
    expect(await checkListCounts(db, 'ukraine')).toBe(false);
    const right = await storedCounts(db, ['ukraine', NO_TOPIC]);
    // Wrong in every way a lost write could leave them.
    await db.put('list-counts', { ...right.lists[0], articles: 2, facts: 40, newArticles: 0 });
    await db.put('day-counts', { list: 'ukraine', day: 2, captures: 7 });
    await db.put('day-counts', { list: 'ukraine', day: 400, captures: 1 });
    await db.delete('day-counts', ['ukraine', 3]);
    expect(await checkListCounts(db, 'ukraine')).toBe(true);
    expect(await storedCounts(db, ['ukraine', NO_TOPIC])).toEqual(right);
    expect(await checkListCounts(db, 'ukraine')).toBe(false);
    // A deleted topic's leftover record goes back to nothing.
    await db.put('list-counts', { list: 'gone', articles: 3, facts: 1, newArticles: 3, newFacts: 1, seenAt: 0 });
    expect(await checkListCounts(db, 'gone')).toBe(true);
    expect((await readListCounts(db, ['gone']))[0]).toMatchObject({ articles: 0, facts: 0, newArticles: 0 });
  });

  it('reads more than one chunk of a long list', async () => {
    const db = await fresh();
    const records: ArticleRecord[] = [];
    for (let i = 0; i < 1_203; i++)
      records.push({ ...(await capturedRecord(i, ['ukraine'])), firstSeenAt: (i % 5) * DAY_MS });
    const tx = db.transaction('articles', 'readwrite');
    await Promise.all(records.map((record) => tx.store.put({ ...record, listKeys: listKeysFor(record) })));
    await tx.done;
    expect(await checkListCounts(db, 'ukraine')).toBe(true);
    expect((await readListCounts(db, ['ukraine']))[0]).toMatchObject({ articles: 1_203, facts: 1_203 });
    expect(await readDayCounts(db, 'ukraine', 0, 4)).toEqual([241, 241, 241, 240, 240]);
  });
});

async function capturedRecord(i: number, topicIds: string[]): Promise<ArticleRecord> {
  const { record } = await saveCapture(await scratch(), capture(i, topicIds), { facts: [fact(i)], now: 1 });
  return record;
}

describe('migration 8: counts for a database full of version 7 data', () => {
  it('counts every list and day from the stored articles, with nothing new', async () => {
    const name = 'v7-full';
    const v7 = await openDB<BeatwatchDB>(name, 7, {
      upgrade: (database, oldVersion, _newVersion, tx) => void runMigrations(database, oldVersion, 7, tx),
    });
    const records: ArticleRecord[] = [];
    for (let i = 0; i < 1_200; i++) {
      const topicIds = i % 4 === 0 ? [] : i % 4 === 1 ? ['ukraine', 'energy'] : [TOPICS[i % 3]];
      const record = await capturedRecord(i, topicIds);
      records.push({ ...record, firstSeenAt: (i % 30) * DAY_MS + i, facts: [fact(i)].slice(0, i % 2) });
    }
    const tx = v7.transaction('articles', 'readwrite');
    await Promise.all(records.map((record) => tx.store.put({ ...record, listKeys: listKeysFor(record) })));
    await tx.done;
    v7.close();

    const upgradedAt = Date.now();
    const db = await openDatabase(name);
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    const lists = [...TOPICS, NO_TOPIC];
    const counts = await readListCounts(db, lists);
    for (const [i, list] of lists.entries()) {
      const own = records.filter((r) => listsOf(r).includes(list));
      expect(counts[i]).toMatchObject({
        articles: own.length,
        facts: own.reduce((sum, r) => sum + r.facts.length, 0),
        newArticles: 0,
        newFacts: 0,
      });
      expect(counts[i].seenAt).toBeGreaterThanOrEqual(upgradedAt);
      const perDay = await readDayCounts(db, list, 0, 29);
      expect(perDay).toEqual(
        Array.from({ length: 30 }, (_, day) => own.filter((r) => dayOf(r.firstSeenAt) === day).length),
      );
      expect(await checkListCounts(db, list)).toBe(false);
    }
    expect(counts[0].articles).toBeGreaterThan(0);
  });
});
