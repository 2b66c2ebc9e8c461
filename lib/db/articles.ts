// Repository functions for stored articles. Each write is one readwrite transaction with
// nothing but IndexedDB requests inside it, so a worker killed at any moment leaves the
// database either before or after the write, never in between.
import type { ArticleRecord, Capture, Fact, HighlightRecord, Topic } from '../schema';
import { sameSite } from '../extract/provenance';
import { articleAddress } from '../extract/url';
import { MAX_CAPTURE_IDS } from '../limits';
import { bodyTerms } from '../stories/profile';
import { listKeysFor, listRangeBefore } from './article-lists';
import { COUNT_STORES, CountChanges, countStores, readListCounts, type Counted } from './list-counts';
import { unwrap, type IDBPIndex, type IDBPTransaction } from 'idb';
import type { BeatwatchDB, Database, StoredArticle } from './database';
import { articleItem, queueForSearch } from './search-queue';

/**
 * A deterministic id for an article's address (hex SHA-256 of articleAddress, shortened): the same article always
 * gets the same key, whichever message names it.
 */
export async function articleIdFor(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(articleAddress(url)));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SaveOptions {
  /** A topic the reader clipped this article to by hand. */
  clipTo?: string;
  facts?: Fact[];
  now?: number;
}

export interface SaveResult {
  record: ArticleRecord;
  created: boolean;
}

/** Stores a capture once per canonical URL: a revisit updates the record and merges its topics. */
export async function saveCapture(db: Database, capture: Capture, options: SaveOptions = {}): Promise<SaveResult> {
  // The record is found by the article's address: one on another site than the page it came from would let that page
  // replace the other site's article (its text, facts and site). Refused, whoever asks (a capture, a clip).
  if (!sameSite(capture.article.url, capture.article.pageUrl))
    throw new Error("the article's address is on another site than its page");
  const now = options.now ?? Date.now();
  const id = await articleIdFor(capture.article.url);
  const tx = db.transaction(['articles', 'search-queue', ...COUNT_STORES], 'readwrite');
  const articles = tx.objectStore('articles');
  const existing = await articles.get(id);
  // A retry of a capture already counted (its answer was lost, not its write) changes nothing.
  if (existing && capture.captureId && existing.captureIds?.includes(capture.captureId)) {
    await tx.done;
    return { record: withoutListKeys(existing), created: false };
  }
  const record = mergeCapture(existing && withoutListKeys(existing), id, capture, options, now);
  await writeArticle(tx, id, existing, record, now);
  await tx.done;
  return { record, created: !existing };
}

/** The record as the database keeps it: with the places it is listed at. */
function stored(record: ArticleRecord): StoredArticle {
  return { ...record, listKeys: listKeysFor(record) };
}

type ArticleWrite = IDBPTransaction<BeatwatchDB, ['articles', 'search-queue', ...typeof COUNT_STORES], 'readwrite'>;

/**
 * The one way an article's record changes: stored (or deleted), queued for search and counted, all in the caller's
 * transaction, so the lists, counts and search never disagree with the record.
 */
async function writeArticle(
  tx: ArticleWrite,
  id: string,
  before: Counted | undefined,
  after: ArticleRecord | undefined,
  now: number,
): Promise<void> {
  const counts = new CountChanges(countStores(tx));
  counts.change(before, after);
  const articles = tx.objectStore('articles');
  await Promise.all([
    after ? articles.put(stored(after)) : articles.delete(id),
    queueForSearch(tx.objectStore('search-queue'), articleItem(id), now),
    counts.save(),
  ]);
}

export function withoutListKeys(record: StoredArticle): ArticleRecord {
  const { listKeys: _listKeys, ...rest } = record;
  return rest;
}

export function mergeCapture(
  existing: ArticleRecord | undefined,
  id: string,
  capture: Capture,
  options: SaveOptions,
  now: number,
): ArticleRecord {
  const matchedIds = capture.matches.map((m) => m.topicId);
  // Clipping to a topic by hand takes back a "not about this beat".
  const rejectedFrom = (existing?.rejectedFrom ?? []).filter((topicId) => topicId !== options.clipTo);
  const clippedTo = union(existing?.clippedTo ?? [], options.clipTo ? [options.clipTo] : []);
  const matches = [...(existing?.matches ?? []).filter((old) => !matchedIds.includes(old.topicId)), ...capture.matches];
  return {
    ...capture.article,
    id,
    topicIds: union(existing?.topicIds ?? [], matchedIds, clippedTo).filter(
      (topicId) => !rejectedFrom.includes(topicId),
    ),
    matches,
    clippedTo,
    ...(rejectedFrom.length > 0 ? { rejectedFrom } : {}),
    facts: options.facts ?? existing?.facts ?? [],
    storyTerms: bodyTerms(capture.article.text),
    firstSeenAt: existing?.firstSeenAt ?? now,
    lastSeenAt: now,
    visits: (existing?.visits ?? 0) + 1,
    ...capturesCounted(existing?.captureIds, capture.captureId),
  };
}

function capturesCounted(before: string[] | undefined, captureId: string | undefined): { captureIds?: string[] } {
  const ids = captureId ? [...(before ?? []), captureId].slice(-MAX_CAPTURE_IDS) : before;
  return ids?.length ? { captureIds: ids } : {};
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

export type HighlightSummary = Pick<HighlightRecord, 'id' | 'note' | 'placed' | 'createdAt' | 'changedTo'> & {
  text: string;
  /** Where an unplaced highlight may be now, with the text around it, for the reader to confirm. */
  maybeHere?: { text: string; prefix: string; suffix: string };
};

export type ArticleSummary = Pick<
  ArticleRecord,
  | 'id'
  | 'url'
  | 'title'
  | 'siteName'
  | 'publishedAt'
  | 'lang'
  | 'dir'
  | 'excerpt'
  | 'facts'
  | 'storyTerms'
  | 'firstSeenAt'
  | 'clippedTo'
> & { highlights: HighlightSummary[] };

export interface DigestTopic {
  topic: Topic;
  count: number;
  articles: ArticleSummary[];
}

const DIGEST_ARTICLES_PER_TOPIC = 100;

/**
 * Per topic: how many articles, and the newest ones with their highlights (the whole digest at once, for `npm start`
 * and the end-to-end tests; the popup reads counts and pages instead).
 */
export async function listDigest(db: Database, topics: Topic[]): Promise<DigestTopic[]> {
  const counts = await countLists(
    db,
    topics.map((t) => t.id),
  );
  const pages = await Promise.all(
    topics.map((topic) => listArticles(db, topic.id, undefined, DIGEST_ARTICLES_PER_TOPIC)),
  );
  return topics.map((topic, i) => ({ topic, count: counts[i], articles: pages[i].articles }));
}

/** How many articles each list holds (a topic id, or NO_TOPIC), from the count records (list-counts.ts). */
export async function countLists(db: Database, lists: string[]): Promise<number[]> {
  return (await readListCounts(db, lists)).map((counts) => counts.articles);
}

export interface ArticlePage {
  articles: ArticleSummary[];
  /** Hand back as `after` for the next page; null at the end. */
  next: string | null;
}

/** One page of a list, newest first, read by cursor from `after` on (see article-lists.ts). */
export async function listArticles(
  db: Database,
  list: string,
  after: string | undefined,
  limit: number,
): Promise<ArticlePage> {
  const tx = db.transaction(['articles', 'highlights'], 'readonly');
  const { records, keys, more } = await newestFirst(
    tx.objectStore('articles').index('by-list'),
    listRangeBefore(list, after),
    limit,
  );
  const byArticle = tx.objectStore('highlights').index('by-article');
  const highlightLists = await Promise.all(records.map((r) => byArticle.getAll(r.id)));
  await tx.done;
  return {
    articles: records.map((record, i) =>
      summarize(record, highlightLists[i].sort((a, b) => a.createdAt - b.createdAt).map(summarizeHighlight)),
    ),
    next: more && keys.length ? keys[keys.length - 1] : null,
  };
}

type ListIndex = IDBPIndex<BeatwatchDB, ['articles', 'highlights'], 'articles', 'by-list', 'readonly'>;

/** IDBIndex.getAllRecords (Chromium 141+): one request for a page, in either direction. */
interface RecordsIndex {
  getAllRecords(options: {
    query: IDBKeyRange;
    count: number;
    direction: 'prev';
  }): IDBRequest<{ key: string; value: StoredArticle }[]>;
}

/**
 * Up to `limit` records of the range, newest first, and whether more follow. One request where the browser can read
 * a page backwards at once; else a cursor, one round trip per record (Firefox).
 */
async function newestFirst(
  index: ListIndex,
  range: IDBKeyRange,
  limit: number,
): Promise<{ records: StoredArticle[]; keys: string[]; more: boolean }> {
  const raw = unwrap(index) as IDBIndex & Partial<RecordsIndex>;
  if (typeof raw.getAllRecords === 'function') {
    const request = raw.getAllRecords({ query: range, count: limit + 1, direction: 'prev' });
    const found = await new Promise<{ key: string; value: StoredArticle }[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('getAllRecords failed'));
    });
    const page = found.slice(0, limit);
    return { records: page.map((r) => r.value), keys: page.map((r) => r.key), more: found.length > limit };
  }
  const records: StoredArticle[] = [];
  const keys: string[] = [];
  let cursor = await index.openCursor(range, 'prev');
  for (; cursor && records.length < limit; cursor = await cursor.continue()) {
    records.push(cursor.value);
    keys.push(cursor.key);
  }
  return { records, keys, more: cursor !== null };
}

export function summarizeHighlight(record: HighlightRecord): HighlightSummary {
  return {
    id: record.id,
    text: record.selectors[0].exact,
    note: record.note,
    placed: record.placed,
    createdAt: record.createdAt,
    ...(record.changedTo !== undefined ? { changedTo: record.changedTo } : {}),
    ...(record.maybeHere
      ? {
          maybeHere: {
            text: record.maybeHere[0].exact,
            prefix: record.maybeHere[0].prefix,
            suffix: record.maybeHere[0].suffix,
          },
        }
      : {}),
  };
}

function summarize(record: ArticleRecord, highlights: HighlightSummary[]): ArticleSummary {
  const { id, url, title, siteName, publishedAt, lang, dir, excerpt, facts, storyTerms, firstSeenAt, clippedTo } =
    record;
  return {
    id,
    url,
    title,
    siteName,
    publishedAt,
    lang,
    dir,
    excerpt,
    facts,
    storyTerms,
    firstSeenAt,
    clippedTo,
    highlights,
  };
}

/**
 * The reader's verdict that an article is not about a topic (or, with `rejected` false, that it is after all): the
 * article leaves the topic and stays out on every later visit. Undefined when there is no such article.
 */
export async function setNotAbout(
  db: Database,
  id: string,
  topicId: string,
  rejected: boolean,
  now = Date.now(),
  /** For an undo: the topics in the order they had before the verdict, so the record is written back as it was. */
  order?: readonly string[],
): Promise<ArticleRecord | undefined> {
  const tx = db.transaction(['articles', 'search-queue', ...COUNT_STORES], 'readwrite');
  const articles = tx.objectStore('articles');
  const found = await articles.get(id);
  if (!found) {
    await tx.done;
    return undefined;
  }
  const existing = withoutListKeys(found);
  const others = (existing.rejectedFrom ?? []).filter((t) => t !== topicId);
  const rejectedFrom = rejected ? [...others, topicId] : others;
  const matched = existing.matches.some((m) => m.topicId === topicId) || existing.clippedTo.includes(topicId);
  const topicIds = rejected
    ? existing.topicIds.filter((t) => t !== topicId)
    : matched && !existing.topicIds.includes(topicId)
      ? [...existing.topicIds, topicId]
      : existing.topicIds;
  // clippedTo stays as it was: the verdict outweighs a clip, and its undo must find the clip again.
  const { rejectedFrom: _old, ...rest } = existing;
  const record: ArticleRecord = {
    ...rest,
    topicIds: order ? inOrder(topicIds, order) : topicIds,
    ...(rejectedFrom.length > 0 ? { rejectedFrom } : {}),
  };
  // Its list keys and counts follow its topics, so the topic's list and count leave it out at once.
  await writeArticle(tx, id, found, record, now);
  await tx.done;
  return record;
}

/** `ids` sorted as they appear in `order` (stable; ids it does not name keep their place after those it does). */
function inOrder(ids: string[], order: readonly string[]): string[] {
  const rank = (id: string) => {
    const at = order.indexOf(id);
    return at === -1 ? order.length : at;
  };
  return ids
    .map((id, i) => [id, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .map(([id]) => id);
}

/** What the topic tester shows of an article the reader took out of a topic: enough to see why it had matched. */
export interface NotAboutArticle {
  id: string;
  url: string;
  title: string;
  siteName?: string;
  /** The query terms that had matched it, and where. */
  hits: { field: 'title' | 'text'; term: string; text: string }[];
}

const NOT_ABOUT_LISTED = 200;
const HIT_TEXT_CHARS = 120;

/** Articles the reader said are not about a topic, newest first. */
export async function listNotAbout(db: Database, topicId: string): Promise<NotAboutArticle[]> {
  const records = await db.getAllFromIndex('articles', 'by-rejected', topicId);
  return records
    .map(withoutListKeys)
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    .slice(0, NOT_ABOUT_LISTED)
    .map((record) => {
      const match = record.matches.find((m) => m.topicId === topicId);
      const hits = (match?.hits ?? []).slice(0, 20).map((hit) => ({
        field: hit.field,
        term: hit.term,
        text: (hit.field === 'title' ? record.title : record.text).slice(hit.start, hit.end).slice(0, HIT_TEXT_CHARS),
      }));
      return { id: record.id, url: record.url, title: record.title, siteName: record.siteName, hits };
    });
}

/** Deletes an article and hands back the record, so the reader can undo. Search forgets it. */
export async function deleteArticle(db: Database, id: string, now = Date.now()): Promise<ArticleRecord | undefined> {
  const tx = db.transaction(['articles', 'search-queue', ...COUNT_STORES], 'readwrite');
  const existing = await tx.objectStore('articles').get(id);
  if (existing) await writeArticle(tx, id, existing, undefined, now);
  await tx.done;
  return existing && withoutListKeys(existing);
}

/** Puts back a record removed by deleteArticle (undo). */
export async function restoreArticle(db: Database, record: ArticleRecord, now = Date.now()): Promise<void> {
  const tx = db.transaction(['articles', 'search-queue', ...COUNT_STORES], 'readwrite');
  // Whatever is stored under its id now (a revisit since the delete) is replaced: counted out, then the record in.
  await writeArticle(tx, record.id, await tx.objectStore('articles').get(record.id), record, now);
  await tx.done;
}

export async function getArticle(db: Database, id: string): Promise<ArticleRecord | undefined> {
  const record = await db.get('articles', id);
  return record && withoutListKeys(record);
}
