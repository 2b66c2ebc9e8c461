// Repository functions for stored articles. Each write is one readwrite transaction with
// nothing but IndexedDB requests inside it, so a worker killed at any moment leaves the
// database either before or after the write, never in between.
import type { ArticleRecord, Capture, Fact, HighlightRecord, Topic } from '../schema';
import type { Database } from './database';

/** A deterministic id for a canonical URL (hex SHA-256, shortened): the same article always gets the same key. */
export async function articleIdFor(canonicalUrl: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalUrl));
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
  const now = options.now ?? Date.now();
  const id = await articleIdFor(capture.article.url);
  const tx = db.transaction('articles', 'readwrite');
  const existing = await tx.store.get(id);
  const record = mergeCapture(existing, id, capture, options, now);
  await tx.store.put(record);
  await tx.done;
  return { record, created: !existing };
}

export function mergeCapture(
  existing: ArticleRecord | undefined,
  id: string,
  capture: Capture,
  options: SaveOptions,
  now: number,
): ArticleRecord {
  const matchedIds = capture.matches.map((m) => m.topicId);
  const clippedTo = union(existing?.clippedTo ?? [], options.clipTo ? [options.clipTo] : []);
  const matches = [...(existing?.matches ?? []).filter((old) => !matchedIds.includes(old.topicId)), ...capture.matches];
  return {
    ...capture.article,
    id,
    topicIds: union(existing?.topicIds ?? [], matchedIds, clippedTo),
    matches,
    clippedTo,
    facts: options.facts ?? existing?.facts ?? [],
    firstSeenAt: existing?.firstSeenAt ?? now,
    lastSeenAt: now,
    visits: (existing?.visits ?? 0) + 1,
  };
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
  | 'firstSeenAt'
  | 'clippedTo'
> & { highlights: HighlightSummary[] };

export interface DigestTopic {
  topic: Topic;
  count: number;
  articles: ArticleSummary[];
}

const DIGEST_ARTICLES_PER_TOPIC = 100;

/** Per topic: how many articles, and the newest ones (by publication, else by first visit) with their highlights. */
export async function listDigest(db: Database, topics: Topic[]): Promise<DigestTopic[]> {
  const tx = db.transaction(['articles', 'highlights'], 'readonly');
  const index = tx.objectStore('articles').index('by-topic');
  const perTopic = await Promise.all(topics.map((topic) => index.getAll(topic.id)));
  const shown = perTopic.map((records) =>
    records.sort((a, b) => newestFirst(a) - newestFirst(b)).slice(0, DIGEST_ARTICLES_PER_TOPIC),
  );
  const ids = [...new Set(shown.flat().map((r) => r.id))];
  const byArticle = tx.objectStore('highlights').index('by-article');
  const highlightLists = await Promise.all(ids.map((id) => byArticle.getAll(id)));
  await tx.done;
  const highlights = new Map(
    ids.map((id, i) => [id, highlightLists[i].sort((a, b) => a.createdAt - b.createdAt).map(summarizeHighlight)]),
  );
  return topics.map((topic, i) => ({
    topic,
    count: perTopic[i].length,
    articles: shown[i].map((record) => summarize(record, highlights.get(record.id) ?? [])),
  }));
}

function summarizeHighlight(record: HighlightRecord): HighlightSummary {
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

function newestFirst(record: ArticleRecord): number {
  const published = record.publishedAt ? Date.parse(record.publishedAt) : NaN;
  return -(Number.isNaN(published) ? record.firstSeenAt : published);
}

function summarize(record: ArticleRecord, highlights: HighlightSummary[]): ArticleSummary {
  const { id, url, title, siteName, publishedAt, lang, dir, excerpt, facts, firstSeenAt, clippedTo } = record;
  return { id, url, title, siteName, publishedAt, lang, dir, excerpt, facts, firstSeenAt, clippedTo, highlights };
}

/** Deletes an article and hands back the record, so the reader can undo. */
export async function deleteArticle(db: Database, id: string): Promise<ArticleRecord | undefined> {
  const tx = db.transaction('articles', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.delete(id);
  await tx.done;
  return existing;
}

/** Puts back a record removed by deleteArticle (undo). */
export async function restoreArticle(db: Database, record: ArticleRecord): Promise<void> {
  await db.put('articles', record);
}

export function getArticle(db: Database, id: string): Promise<ArticleRecord | undefined> {
  return db.get('articles', id);
}
