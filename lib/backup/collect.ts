// Reads everything for a backup or an export from the background a page of records at a time: the background
// answers other messages between pages, no single message grows with the profile, and a writer can hand each page
// on before the next is read.
import type { HighlightRecord, Topic, ArticleRecord } from '../schema';
import type { RecordsPage } from '../db/backup';

const PAGE_SIZE = 500;

/** Records after the id `after`, at most `limit` of them. */
export type PageReader<T> = (after: string | undefined, limit: number) => Promise<RecordsPage<T>>;

export interface RecordSource {
  topics: () => Promise<Topic[]>;
  articles: PageReader<ArticleRecord>;
  highlights: PageReader<HighlightRecord>;
}

/** Calls `use` with each page in id order, the next page read only once it is done. */
export async function eachPage<T>(read: PageReader<T>, use: (records: T[]) => void | Promise<void>): Promise<void> {
  let page = await read(undefined, PAGE_SIZE);
  await use(page.records);
  while (page.next !== undefined) {
    page = await read(page.next, PAGE_SIZE);
    await use(page.records);
  }
}

/** Only the highlights (for the Web Annotations export, and the Markdown export's quotes). */
export async function collectHighlights(source: Pick<RecordSource, 'highlights'>): Promise<HighlightRecord[]> {
  const all: HighlightRecord[] = [];
  await eachPage(source.highlights, (page) => void all.push(...page));
  return all;
}
