// The shape of Beatwatch's IndexedDB database. Only the background opens it.
import type { DBSchema } from 'idb';
import type { ExtractedArticle, FactRecord, HighlightRecord, TopicMatchRecord } from '../schema';

export const DB_NAME = 'beatwatch';

/** A stored article: one per canonical URL, whatever the number of visits. */
export interface ArticleRecord extends ExtractedArticle {
  /** Deterministic: derived from the canonical URL, so a retried write cannot duplicate. */
  id: string;
  /** Topics this article belongs to: matched ever, or clipped to by the reader. */
  topicIds: string[];
  /** The latest match result per topic (hits with positions). */
  matches: TopicMatchRecord[];
  /** Topics the reader clipped the article to by hand. */
  clippedTo: string[];
  facts: FactRecord[];
  firstSeenAt: number;
  lastSeenAt: number;
  visits: number;
}

export interface BeatwatchDB extends DBSchema {
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { 'by-topic': string; 'by-first-seen': number };
  };
  highlights: {
    key: string;
    value: HighlightRecord;
    indexes: { 'by-page': string; 'by-article': string };
  };
}
