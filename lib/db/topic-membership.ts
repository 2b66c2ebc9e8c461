// Articles and the topics they are filed under, when topics change: a deleted topic's articles are deleted or kept
// under No topic (the reader chooses), and a new topic takes the articles in no topic that it matches, so a topic
// deleted and created again with the same query gets its old articles back.
import type { ArticleRecord, TopicMatch } from '../schema';
import { listKeysFor, listRange, NO_TOPIC } from './article-lists';
import type { Database, StoredArticle } from './database';
import { COUNT_STORES, CountChanges, countStores, readListCounts } from './list-counts';
import { articleItem, queueForSearch } from './search-queue';

const KNOWN_TOPICS_KEY = 'known-topics';

function without(record: StoredArticle, topicId: string): StoredArticle {
  const next = {
    ...record,
    topicIds: record.topicIds.filter((id) => id !== topicId),
    clippedTo: record.clippedTo.filter((id) => id !== topicId),
    matches: record.matches.filter((m) => m.topicId !== topicId),
  };
  return { ...next, listKeys: listKeysFor(next) };
}

/** Files a topic's articles under No topic (those in other topics stay there). Returns how many it held. */
export async function releaseTopic(db: Database, topicId: string): Promise<number> {
  const tx = db.transaction(['articles', ...COUNT_STORES], 'readwrite');
  const counts = new CountChanges(countStores(tx));
  let count = 0;
  const index = tx.objectStore('articles').index('by-topic');
  for (let cursor = await index.openCursor(topicId); cursor; cursor = await cursor.continue()) {
    const next = without(cursor.value, topicId);
    counts.change(cursor.value, next);
    await cursor.update(next);
    count++;
  }
  await counts.save();
  await tx.done;
  return count;
}

/** Deletes the articles only this topic held and takes the topic off the others. Returns how many were deleted. */
export async function deleteTopicArticles(db: Database, topicId: string, now = Date.now()): Promise<number> {
  const tx = db.transaction(['articles', 'search-queue', ...COUNT_STORES], 'readwrite');
  const queue = tx.objectStore('search-queue');
  const counts = new CountChanges(countStores(tx));
  let deleted = 0;
  const index = tx.objectStore('articles').index('by-topic');
  for (let cursor = await index.openCursor(topicId); cursor; cursor = await cursor.continue()) {
    if (cursor.value.topicIds.every((id) => id === topicId)) {
      counts.change(cursor.value, undefined);
      await cursor.delete();
      await queueForSearch(queue, articleItem(cursor.value.id), now);
      deleted++;
    } else {
      const next = without(cursor.value, topicId);
      counts.change(cursor.value, next);
      await cursor.update(next);
    }
  }
  await counts.save();
  await tx.done;
  return deleted;
}

/** How many articles a topic holds (its count record). */
export async function countTopicArticles(db: Database, topicId: string): Promise<number> {
  return (await readListCounts(db, [topicId]))[0].articles;
}

/**
 * Files articles in no topic under the topics that match them now (the matcher runs on their stored text). Returns
 * how many were filed.
 */
export async function adoptArticles(db: Database, match: (article: ArticleRecord) => TopicMatch[]): Promise<number> {
  const tx = db.transaction(['articles', ...COUNT_STORES], 'readwrite');
  const counts = new CountChanges(countStores(tx));
  let adopted = 0;
  const index = tx.objectStore('articles').index('by-list');
  for (let cursor = await index.openCursor(listRange(NO_TOPIC)); cursor; cursor = await cursor.continue()) {
    const matches = match(cursor.value);
    if (!matches.length) continue;
    const next = {
      ...cursor.value,
      topicIds: matches.map((m) => m.topicId),
      matches: [...cursor.value.matches, ...matches],
    };
    counts.change(cursor.value, next);
    await cursor.update({ ...next, listKeys: listKeysFor(next) });
    adopted++;
  }
  await counts.save();
  await tx.done;
  return adopted;
}

/** Topic ids that articles are filed under. */
async function topicIdsInUse(db: Database): Promise<string[]> {
  const ids: string[] = [];
  const index = db.transaction('articles').store.index('by-topic');
  for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue())
    ids.push(cursor.key);
  return ids;
}

/**
 * Brings the articles in line with the reader's topics: a topic gone (deleted on another browser, or before
 * Beatwatch asked) leaves its articles under No topic; a topic new since the last time takes the articles in no
 * topic that it matches. With no topics at all nothing is released: empty storage is more often a failed read than
 * a reader who deleted everything (the options page's delete releases explicitly).
 */
export async function reconcileTopics(
  db: Database,
  topicIds: string[],
  matchNew: (article: ArticleRecord, newTopicIds: string[]) => TopicMatch[],
): Promise<{ released: number; adopted: number }> {
  let released = 0;
  let adopted = 0;
  const current = new Set(topicIds);
  if (current.size > 0) {
    for (const id of await topicIdsInUse(db)) if (!current.has(id)) released += await releaseTopic(db, id);
  }
  const known = (await db.get('meta', KNOWN_TOPICS_KEY)) as string[] | undefined;
  if (known) {
    const added = topicIds.filter((id) => !known.includes(id));
    if (added.length) adopted = await adoptArticles(db, (article) => matchNew(article, added));
  }
  await db.put('meta', topicIds, KNOWN_TOPICS_KEY);
  return { released, adopted };
}
