// Gathers everything for a backup or an export from the background, a page of records at a time: the background
// answers other messages between pages, and no single message grows with the profile.
import type { ArticleRecord, HighlightRecord, Topic } from '../schema';
import type { RecordsPage } from '../db/backup';
import type { BackupContents } from './format';

const PAGE_SIZE = 500;

export interface RecordSource {
  topics: () => Promise<Topic[]>;
  articles: (after: string | undefined, limit: number) => Promise<RecordsPage<ArticleRecord>>;
  highlights: (after: string | undefined, limit: number) => Promise<RecordsPage<HighlightRecord>>;
}

export async function collectContents(source: RecordSource): Promise<BackupContents> {
  return {
    topics: await source.topics(),
    articles: await allPages(source.articles),
    highlights: await allPages(source.highlights),
  };
}

/** Only the highlights (for the Web Annotations export). */
export function collectHighlights(source: Pick<RecordSource, 'highlights'>): Promise<HighlightRecord[]> {
  return allPages(source.highlights);
}

async function allPages<T>(read: (after: string | undefined, limit: number) => Promise<RecordsPage<T>>) {
  const all: T[] = [];
  let page = await read(undefined, PAGE_SIZE);
  all.push(...page.records);
  while (page.next !== undefined) {
    page = await read(page.next, PAGE_SIZE);
    all.push(...page.records);
  }
  return all;
}
