import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleIdFor,
  deleteArticle,
  getArticle,
  listArticles,
  listDigest,
  mergeCapture,
  restoreArticle,
  saveCapture,
} from '@/lib/db/articles';
import { listKeysFor } from '@/lib/db/article-lists';
import { DB_VERSION, MIGRATIONS } from '@/lib/db/migrations';
import { openDatabase, type Database } from '@/lib/db/database';
import { MAX_CAPTURE_IDS } from '@/lib/limits';
import { articleRecordSchema, type Capture, type Topic } from '@/lib/schema';
import { bodyTerms } from '@/lib/stories/profile';

let db: Database;
let name: string;
let counter = 0;

beforeEach(async () => {
  name = `test-${++counter}`;
  db = await openDatabase(name);
});
afterEach(() => db.close());

const topic = (id: string): Topic => ({ id, name: id, query: id, createdAt: 1 });
const capture = (url: string, topicIds: string[], extra: Partial<Capture['article']> = {}): Capture => ({
  article: { url, pageUrl: url, title: `Title of ${url}`, dir: 'ltr', excerpt: 'x', text: 'body', ...extra },
  matches: topicIds.map((topicId) => ({ topicId, score: 1, mentions: 1, hits: [] })),
});

describe('schema', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(db.objectStoreNames.contains('articles')).toBe(true);
  });
});

describe('saveCapture', () => {
  it('stores an article once per canonical URL and merges topics on revisit', async () => {
    const first = await saveCapture(db, capture('https://a.example/1', ['ukraine']), { now: 10 });
    const second = await saveCapture(db, capture('https://a.example/1', ['energy'], { title: 'Updated' }), { now: 20 });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(await db.count('articles')).toBe(1);
    const record = await db.get('articles', first.record.id);
    expect(record).toMatchObject({
      title: 'Updated',
      topicIds: ['ukraine', 'energy'],
      firstSeenAt: 10,
      lastSeenAt: 20,
      visits: 2,
    });
  });

  it('derives the id from the canonical URL, so a retry cannot duplicate', async () => {
    expect(await articleIdFor('https://a.example/1')).toBe(await articleIdFor('https://a.example/1'));
    expect(await articleIdFor('https://a.example/1')).not.toBe(await articleIdFor('https://a.example/2'));
    await Promise.all([
      saveCapture(db, capture('https://a.example/1', ['t'])),
      saveCapture(db, capture('https://a.example/1', ['t'])),
    ]);
    expect(await db.count('articles')).toBe(1);
  });

  it('counts a capture once however often it arrives: a retry whose first write landed changes nothing', async () => {
    const sent = { ...capture('https://a.example/r', ['t']), captureId: 'capture-1' };
    const first = await saveCapture(db, sent, { now: 10 });
    const everything = async () =>
      Promise.all([...db.objectStoreNames].map(async (store) => [store, await db.getAll(store)] as const));
    const before = await everything();
    // The same capture again, later, and twice at once (a retry racing a write whose answer was slow).
    const retries = [
      await saveCapture(db, sent, { now: 20 }),
      ...(await Promise.all([saveCapture(db, sent, { now: 30 }), saveCapture(db, sent, { now: 31 })])),
    ];
    expect(await everything()).toEqual(before);
    expect(retries.map((r) => [r.created, r.record])).toEqual(retries.map(() => [false, first.record]));
    expect(first.record).toMatchObject({ visits: 1, captureIds: ['capture-1'] });
    // Another capture of the same article is another visit.
    const revisit = await saveCapture(db, { ...sent, captureId: 'capture-2' }, { now: 40 });
    expect(revisit.record).toMatchObject({ visits: 2, lastSeenAt: 40, captureIds: ['capture-1', 'capture-2'] });
  });

  it('remembers the latest capture ids only, oldest forgotten first', async () => {
    const saved = [];
    for (let i = 0; i < MAX_CAPTURE_IDS + 3; i++) {
      saved.push(await saveCapture(db, { ...capture('https://a.example/m', ['t']), captureId: `capture-${i}` }));
    }
    const { record } = saved[saved.length - 1];
    expect(record.visits).toBe(MAX_CAPTURE_IDS + 3);
    expect(record.captureIds).toHaveLength(MAX_CAPTURE_IDS);
    expect(record.captureIds?.[0]).toBe('capture-3');
    expect(articleRecordSchema.safeParse(record).success).toBe(true);
  });

  it('records clips separately from matches', async () => {
    const { record } = await saveCapture(db, { ...capture('https://a.example/c', []) }, { clipTo: 'later' });
    expect(record.topicIds).toEqual(['later']);
    expect(record.clippedTo).toEqual(['later']);
  });
});

describe('listDigest', () => {
  it('counts per topic and lists newest first (publication date, else first visit)', async () => {
    await saveCapture(db, capture('https://a.example/old', ['t'], { publishedAt: '2024-01-01T00:00:00Z' }), { now: 1 });
    await saveCapture(db, capture('https://a.example/new', ['t'], { publishedAt: '2025-01-01T00:00:00Z' }), { now: 2 });
    await saveCapture(db, capture('https://a.example/undated', ['t', 'u']), { now: Date.parse('2024-06-01') });
    const digest = await listDigest(db, [topic('t'), topic('u'), topic('empty')]);
    expect(digest.map((d) => d.count)).toEqual([3, 1, 0]);
    expect(digest[0].articles.map((a) => a.url)).toEqual([
      'https://a.example/new',
      'https://a.example/undated',
      'https://a.example/old',
    ]);
    expect(digest[0].articles[0]).not.toHaveProperty('text');
  });

  it('hands each article its body terms, counted once when it was captured, for story grouping', async () => {
    const text = 'Flooding closed the port of Dammam. Flooding also cut the coast road.';
    await saveCapture(db, capture('https://a.example/flood', ['t'], { text }), { now: 1 });
    const [{ articles }] = await listDigest(db, [topic('t')]);
    expect(articles[0].storyTerms).toEqual(bodyTerms(text));
    expect(articles[0].storyTerms?.[0]).toEqual([expect.stringMatching(/^flood/), 2]);
  });
});

describe('listArticles', () => {
  it('pages a list newest first to its end, in one request a page or by cursor where there is no getAllRecords', async () => {
    for (let i = 0; i < 23; i++)
      await saveCapture(
        db,
        capture(`https://a.example/${i}`, ['t'], { publishedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }),
      );
    const readAll = async () => {
      const pages: string[][] = [];
      for (let after: string | undefined, more = true; more;) {
        const page = await listArticles(db, 't', after, 10);
        pages.push(page.articles.map((a) => a.url.slice(18)));
        more = page.next !== null;
        after = page.next ?? undefined;
      }
      return pages;
    };
    const expected = [
      ['22', '21', '20', '19', '18', '17', '16', '15', '14', '13'],
      ['12', '11', '10', '9', '8', '7', '6', '5', '4', '3'],
      ['2', '1', '0'],
    ];
    expect(IDBIndex.prototype).toHaveProperty('getAllRecords');
    expect(await readAll()).toEqual(expected);
    const getAllRecords = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords')!;
    delete (IDBIndex.prototype as Partial<{ getAllRecords: unknown }>).getAllRecords;
    try {
      expect(await readAll()).toEqual(expected);
    } finally {
      Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords);
    }
  });
});

describe('delete and undo', () => {
  it('hands back the deleted record and restores it unchanged', async () => {
    const { record } = await saveCapture(db, capture('https://a.example/d', ['t']));
    const deleted = await deleteArticle(db, record.id);
    expect(await db.count('articles')).toBe(0);
    await restoreArticle(db, deleted!);
    expect(await getArticle(db, record.id)).toEqual(record);
    expect(await deleteArticle(db, 'f'.repeat(32))).toBeUndefined();
  });
});

describe('migration 6 (articles a reader took out of a topic)', () => {
  it('keeps version-5 data and indexes the verdicts stored after it', async () => {
    const { openDB } = await import('idb');
    const { runMigrations } = await import('@/lib/db/migrations');
    const { setNotAbout, listNotAbout } = await import('@/lib/db/articles');
    const old = `v5-${++counter}`;
    const v5 = await openDB(old, 5, {
      upgrade: (database, oldVersion, _newVersion, tx) =>
        void runMigrations(database as never, oldVersion, 5, tx as never),
    });
    // As version 5 stored it (today's saveCapture also writes counts, which version 5 has no store for).
    const made = capture('https://a.example/old', ['ukraine']);
    const record = mergeCapture(undefined, await articleIdFor(made.article.url), made, {}, 5);
    await v5.put('articles', { ...record, listKeys: listKeysFor(record) });
    v5.close();
    const upgraded = await openDatabase(old);
    expect([...upgraded.transaction('articles').store.indexNames]).toContain('by-rejected');
    expect(await upgraded.get('articles', record.id)).toMatchObject({ topicIds: ['ukraine'], visits: 1 });
    expect(await listNotAbout(upgraded, 'ukraine')).toEqual([]);
    await setNotAbout(upgraded, record.id, 'ukraine', true);
    expect((await listNotAbout(upgraded, 'ukraine')).map((a) => a.id)).toEqual([record.id]);
    expect(await listDigest(upgraded, [topic('ukraine')])).toMatchObject([{ count: 0 }]);
    upgraded.close();
  });
});
