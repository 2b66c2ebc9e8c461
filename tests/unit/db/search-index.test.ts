import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { search } from '@/lib/background/search';
import { deleteArticle, restoreArticle, saveCapture } from '@/lib/db/articles';
import { addHighlight, updateHighlightNote } from '@/lib/db/highlights';
import { openDatabase, type Database } from '@/lib/db/database';
import { ensureSearchIndex, indexQueued, pendingSearchItems } from '@/lib/db/search-index';
import type { Capture, Topic } from '@/lib/schema';

let db: Database;
let name: string;
let n = 0;

beforeEach(async () => {
  name = `search-${++n}`;
  db = await openDatabase(name);
  await ensureSearchIndex(db);
});
afterEach(() => db.close());

const topics: Topic[] = [
  { id: 'ukraine', name: 'Ukraine', query: 'Ukraine OR أوكرانيا', createdAt: 0 },
  { id: 'energy', name: 'Energy', query: 'energy', createdAt: 0 },
];

const capture = (url: string, title: string, text: string, topicIds: string[]): Capture => ({
  article: { url, pageUrl: url, title, dir: 'ltr', excerpt: '', text },
  matches: topicIds.map((topicId) => ({ topicId, score: 1, mentions: 1, hits: [] })),
});

async function indexAll() {
  while ((await indexQueued(db)) > 0);
}

const hitIds = async (query: string) =>
  (await search(db, topics, query, 50)).groups.flatMap((g) => g.hits.map((h) => `${g.topicId ?? '~'}:${h.title}`));

describe('search index', () => {
  beforeEach(async () => {
    await saveCapture(
      db,
      capture('https://n.example/1', 'Peace talks resume', 'Officials said the peace talks would resume in Istanbul.', [
        'ukraine',
      ]),
      { now: 1 },
    );
    await saveCapture(
      db,
      capture('https://n.example/2', 'محادثات السلام', 'قال مسؤولون إن المحادثات بشأن لأوكرانيا ستستأنف. وبغزة هدوء.', [
        'ukraine',
      ]),
      { now: 2 },
    );
    await saveCapture(
      db,
      capture('https://n.example/3', 'Energy prices', 'Gas prices talks; peace is far.', ['energy']),
      { now: 3 },
    );
    await saveCapture(db, capture('https://n.example/4', '北京会谈', '乌克兰和平谈判在北京举行。', []), { now: 4 });
    await indexAll();
  });

  it('finds an Arabic word written with clitics, and the match in its context', async () => {
    const result = await search(db, topics, 'أوكرانيا', 50);
    expect(result.groups).toHaveLength(1);
    const [hit] = result.groups[0].hits;
    expect(hit).toMatchObject({ title: 'محادثات السلام', field: 'text', snippet: { match: 'لأوكرانيا' } });
    expect(hit.snippet.before).toContain('المحادثات بشأن');
    expect(await hitIds('غزه')).toEqual(['ukraine:محادثات السلام']);
  });

  it('reads words, prefixes while typing, phrases, OR and exclusions as topic queries do', async () => {
    expect(await hitIds('talks')).toEqual(['energy:Energy prices', 'ukraine:Peace talks resume']);
    expect(await hitIds('istan')).toEqual(['ukraine:Peace talks resume']);
    expect(await hitIds('istan ')).toEqual([]);
    expect(await hitIds('"peace talks"')).toEqual(['ukraine:Peace talks resume']);
    expect(await hitIds('"peace tal')).toEqual(['ukraine:Peace talks resume']);
    expect(await hitIds('talks -gas')).toEqual(['ukraine:Peace talks resume']);
    expect(await hitIds('istanbul OR gas')).toEqual(['energy:Energy prices', 'ukraine:Peace talks resume']);
  });

  it('finds Chinese by character and groups articles in no topic under No topic', async () => {
    const result = await search(db, topics, '和平', 50);
    expect(result.groups.map((g) => [g.topicId, g.name, g.hits[0].snippet.match])).toEqual([
      [null, 'No topic', '和平'],
    ]);
  });

  it('forgets a deleted article, and finds it again after undo', async () => {
    const deleted = await deleteArticle(db, (await search(db, topics, 'istanbul', 5)).groups[0].hits[0].id, 10);
    await indexAll();
    expect(await hitIds('istanbul')).toEqual([]);
    await restoreArticle(db, deleted!, 11);
    await indexAll();
    expect(await hitIds('istanbul')).toEqual(['ukraine:Peace talks resume']);
  });

  it('indexes highlights and notes, and a changed note replaces the old one', async () => {
    const articleId = (await search(db, topics, 'istanbul', 5)).groups[0].hits[0].id;
    await addHighlight(db, {
      id: 'h-aaaaaaaa',
      pageUrl: 'https://n.example/1',
      articleId,
      selectors: [
        { type: 'TextQuoteSelector', exact: 'would resume in Istanbul', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 24 },
      ],
      note: 'check the venue',
      placed: true,
      createdAt: 5,
      updatedAt: 5,
    });
    await indexAll();
    const venue = await search(db, topics, 'venue', 5);
    expect(venue.groups[0].hits[0]).toMatchObject({ kind: 'highlight', field: 'note', snippet: { match: 'venue' } });
    await updateHighlightNote(db, 'h-aaaaaaaa', 'check the date', 6);
    await indexAll();
    expect(await hitIds('venue')).toEqual([]);
    expect(await hitIds('date')).toEqual(['ukraine:Peace talks resume']);
  });

  it('survives a restart, and rebuilds itself when it is missing', async () => {
    db.close();
    db = await openDatabase(name);
    expect(await hitIds('istanbul')).toEqual(['ukraine:Peace talks resume']);
    await db.delete('meta', 'search-version');
    expect(await ensureSearchIndex(db)).toBe(true);
    expect(await hitIds('istanbul')).toEqual([]);
    expect(await pendingSearchItems(db)).toBe(4);
    await indexAll();
    expect(await hitIds('istanbul')).toEqual(['ukraine:Peace talks resume']);
  });

  it('indexes a batch of more word blocks than one request group, every word findable', async () => {
    // 1,500 words of their own in one article: the batch writes its blocks in several groups, one transaction.
    const words = Array.from({ length: 1_500 }, (_, i) => `zq${i.toString(36)}x`);
    await saveCapture(db, capture('https://n.example/5', 'Many words', words.join(' '), ['energy']), { now: 5 });
    await indexAll();
    for (const word of [words[0], words[499], words[500], words[1_000], words[1_499]])
      expect(await hitIds(word)).toEqual(['energy:Many words']);
    expect(await pendingSearchItems(db)).toBe(0);
  });
});
