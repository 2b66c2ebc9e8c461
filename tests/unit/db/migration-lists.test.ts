// Migration 5 (list keys, search) on a database full of older data: written by version 2's own migrations (so
// migrations 3 and 4 run first), then opened by this version.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { listKey } from '@/lib/db/article-lists';
import { countLists, listArticles } from '@/lib/db/articles';
import { listHighlights } from '@/lib/db/highlights';
import { DB_VERSION, MIGRATIONS, runMigrations } from '@/lib/db/migrations';
import { openDatabase } from '@/lib/db/database';
import type { BeatwatchDB } from '@/lib/db/database';
import { ensureSearchIndex, indexQueued, pendingSearchItems, searchCandidates } from '@/lib/db/search-index';
import { parseSearch } from '@/lib/search/query';

const ARTICLES = 300;

/** A v2 database as v2 wrote it: articles without list keys, highlights without the by-created index. */
async function fillVersion2(name: string) {
  const db = await openDB<BeatwatchDB>(name, 2, {
    upgrade: (database, oldVersion, _newVersion, tx) => void runMigrations(database, oldVersion, 2, tx),
  });
  const tx = db.transaction(['articles', 'highlights'], 'readwrite');
  for (let i = 0; i < ARTICLES; i++) {
    const id = i.toString(16).padStart(32, '0');
    const topicIds = i % 3 === 0 ? ['ukraine', 'energy'] : i % 3 === 1 ? ['ukraine'] : [];
    // v2 records: what saveCapture stored then (no listKeys).
    await tx.objectStore('articles').put({
      id,
      url: `https://n.example/${i}`,
      pageUrl: `https://n.example/${i}`,
      title: i % 2 ? `Talks on Ukraine ${i}` : `محادثات أوكرانيا ${i}`,
      dir: i % 2 ? 'ltr' : 'rtl',
      excerpt: '',
      text:
        i % 2
          ? `Officials said talks would resume. Story ${i}.`
          : `وقال مسؤولون إن المحادثات بشأن لأوكرانيا ستستأنف ${i}.`,
      publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      topicIds,
      matches: [],
      clippedTo: [],
      facts: [],
      firstSeenAt: i,
      lastSeenAt: i,
      visits: 1,
    } as never);
    if (i % 10 === 0)
      await tx.objectStore('highlights').put({
        id: `h-${String(i).padStart(8, '0')}`,
        pageUrl: `https://n.example/${i}`,
        articleId: id,
        selectors: [
          { type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 7 },
        ],
        note: i === 50 ? 'remember the grain deal' : '',
        placed: true,
        createdAt: i,
        updatedAt: i,
      });
  }
  await tx.done;
  db.close();
}

describe('migration 5: lists by cursor, and search', () => {
  it('is the fifth entry of an append-only list', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every v2 article its list keys, keeps every record and highlight, and lists them newest first', async () => {
    await fillVersion2('v2-full');
    const db = await openDatabase('v2-full');
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('articles')).toBe(ARTICLES);
    expect(await db.count('highlights')).toBe(ARTICLES / 10);
    const record = await db.get('articles', (3).toString(16).padStart(32, '0'));
    expect(record?.listKeys).toEqual([
      listKey('ukraine', Date.UTC(2025, 0, 1) + 3 * 3_600_000, record!.id),
      listKey('energy', Date.UTC(2025, 0, 1) + 3 * 3_600_000, record!.id),
    ]);
    expect(await countLists(db, ['ukraine', 'energy', '~'])).toEqual([200, 100, 100]);
    const first = await listArticles(db, 'ukraine', undefined, 150);
    const second = await listArticles(db, 'ukraine', first.next!, 150);
    const titles = [...first.articles, ...second.articles].map((a) => a.title);
    expect(titles).toHaveLength(200);
    expect(second.next).toBeNull();
    expect(new Set(titles).size).toBe(200);
    expect(titles[0]).toMatch(/ 298$/);
    const highlights = await listHighlights(db, undefined, 5);
    expect(highlights.highlights.map((h) => h.createdAt)).toEqual([290, 280, 270, 260, 250]);
    // Migration 4 went over the highlights at the same time: it did not lose them, nor they its mark.
    expect((await db.getAll('highlights')).every((h) => h.legacyPositions === true)).toBe(true);
    db.close();
  });

  it('then builds the search index from the migrated data', async () => {
    await fillVersion2('v2-search');
    const db = await openDatabase('v2-search');
    expect(await ensureSearchIndex(db)).toBe(true);
    expect(await pendingSearchItems(db)).toBe(ARTICLES + ARTICLES / 10);
    while ((await indexQueued(db)) > 0);
    const arabic = await searchCandidates(db, parseSearch('أوكرانيا ')!);
    expect(arabic.docs).toHaveLength(ARTICLES / 2);
    const note = await searchCandidates(db, parseSearch('grain')!);
    expect(await note.itemOf(note.docs[0])).toBe('h:h-00000050');
    expect(await ensureSearchIndex(db)).toBe(false);
    db.close();
  });
});
