// Writes the backup file a page of records at a time: each page is turned into JSON text and handed on (the options
// page makes it a Blob part, which the browser keeps outside the JS heap), so a 10,000-article profile is never
// held as objects all at once. The text is exactly JSON.stringify(createBackup(...)) of the same records, the layout
// backup-reader.ts reads.
import { eachPage, type PageReader, type RecordSource } from './collect';
import { createBackup } from './format';

/** How many records of each list the file holds. */
export interface BackupCounts {
  topics: number;
  articles: number;
  highlights: number;
}

/** Receives the file's text in order; awaited, so a slow sink holds the reading back. */
export type TextSink = (text: string) => void | Promise<void>;

export async function writeBackup(
  source: RecordSource,
  dbVersion: number,
  now: Date,
  write: TextSink,
): Promise<BackupCounts> {
  const topics = await source.topics();
  // The header and the topics as JSON.stringify writes them, up to where the articles' array opens (the last such
  // text: inside a JSON string every quote is escaped, and the topics come before it).
  const head = JSON.stringify(createBackup({ topics, articles: [], highlights: [] }, dbVersion, now));
  const articlesAt = head.lastIndexOf(',"articles":[]');
  await write(`${head.slice(0, articlesAt)},"articles":[`);
  const articles = await writeList(source.articles, write);
  await write('],"highlights":[');
  const highlights = await writeList(source.highlights, write);
  await write(']}');
  return { topics: topics.length, articles, highlights };
}

async function writeList<T>(read: PageReader<T>, write: TextSink): Promise<number> {
  let count = 0;
  await eachPage(read, async (records) => {
    if (!records.length) return;
    const text = records.map((record) => JSON.stringify(record)).join(',');
    await write(count ? `,${text}` : text);
    count += records.length;
  });
  return count;
}
