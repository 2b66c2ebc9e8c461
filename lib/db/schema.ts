// The shape of Beatwatch's IndexedDB database. Only the background opens it.
import type { DBSchema } from 'idb';
import type { ArticleRecord, HighlightRecord } from '../schema';

export const DB_NAME = 'beatwatch';

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
