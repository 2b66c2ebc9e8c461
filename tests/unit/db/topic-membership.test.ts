import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_TOPIC } from '@/lib/db/article-lists';
import { countLists, getArticle, listArticles, saveCapture } from '@/lib/db/articles';
import { openDatabase, type Database } from '@/lib/db/database';
import {
  adoptArticles,
  countTopicArticles,
  deleteTopicArticles,
  reconcileTopics,
  releaseTopic,
} from '@/lib/db/topic-membership';
import type { Capture } from '@/lib/schema';
import { compileTopics } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';

let db: Database;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`membership-${++n}`);
  await saveCapture(db, capture('https://n.example/a', 'Ukraine talks', ['ukraine']), { now: 1 });
  await saveCapture(db, capture('https://n.example/b', 'Ukraine energy deal', ['ukraine', 'energy']), { now: 2 });
  await saveCapture(db, capture('https://n.example/c', 'Gas prices', ['energy']), { now: 3 });
});
afterEach(() => db.close());

function capture(url: string, title: string, topicIds: string[]): Capture {
  return {
    article: { url, pageUrl: url, title, dir: 'ltr', excerpt: '', text: `${title}. ${title}.` },
    matches: topicIds.map((topicId) => ({ topicId, score: 1, mentions: 1, hits: [] })),
  };
}

const titles = async (list: string) => (await listArticles(db, list, undefined, 50)).articles.map((a) => a.title);
const matcher = (topics: { id: string; query: string }[]) => (article: { title: string; text: string }) =>
  matchTopics(article, compileTopics(topics));

describe('deleting a topic', () => {
  it('keeps its articles under No topic when the reader says so; others keep their other topics', async () => {
    expect(await countTopicArticles(db, 'ukraine')).toBe(2);
    expect(await releaseTopic(db, 'ukraine')).toBe(2);
    expect(await titles(NO_TOPIC)).toEqual(['Ukraine talks']);
    expect(await titles('energy')).toEqual(['Gas prices', 'Ukraine energy deal']);
    expect(await countLists(db, ['ukraine', NO_TOPIC])).toEqual([0, 1]);
    const kept = (await listArticles(db, NO_TOPIC, undefined, 5)).articles[0];
    expect((await getArticle(db, kept.id))?.matches).toEqual([]);
  });

  it('deletes the articles only it held, when the reader says so', async () => {
    expect(await deleteTopicArticles(db, 'ukraine', 5)).toBe(1);
    expect(await db.count('articles')).toBe(2);
    expect(await titles('energy')).toEqual(['Gas prices', 'Ukraine energy deal']);
    expect(await countLists(db, ['ukraine', NO_TOPIC])).toEqual([0, 0]);
  });

  it('a new topic with the same query takes its old articles back', async () => {
    await releaseTopic(db, 'ukraine');
    expect(await adoptArticles(db, matcher([{ id: 'ukraine-2', query: 'ukraine' }]))).toBe(1);
    expect(await titles('ukraine-2')).toEqual(['Ukraine talks']);
    expect(await titles(NO_TOPIC)).toEqual([]);
  });
});

describe('reconcileTopics', () => {
  it('releases topics gone from storage and files no-topic articles under topics new since last time', async () => {
    const match = (article: { title: string; text: string }, added: string[]) =>
      matcher([{ id: 'ukraine-again', query: 'ukraine' }].filter((t) => added.includes(t.id)))(article);
    expect(await reconcileTopics(db, ['energy'], match)).toEqual({ released: 2, adopted: 0 });
    expect(await titles(NO_TOPIC)).toEqual(['Ukraine talks']);
    expect(await reconcileTopics(db, ['energy', 'ukraine-again'], match)).toEqual({ released: 0, adopted: 1 });
    expect(await titles('ukraine-again')).toEqual(['Ukraine talks']);
  });

  it('releases nothing when no topics could be read', async () => {
    expect(await reconcileTopics(db, [], () => [])).toEqual({ released: 0, adopted: 0 });
    expect(await countLists(db, ['ukraine', 'energy'])).toEqual([2, 2]);
  });
});
