// The database side of backups: records read out in pages (so a large profile never blocks the background for long,
// nor makes one huge message), and a restore planned against the stored records, then written in one transaction.
import { articleRecordSchema, highlightRecordSchema, type ArticleRecord, type HighlightRecord } from '../schema';
import { countOutcomes, mergeArticle, mergeHighlight, type CountSummary, type MergeOutcome } from '../backup/merge';
import { listKeysFor } from './article-lists';
import type { Database } from './database';
import { articleItem, highlightItem, queueForSearch } from './search-queue';

export interface RecordsPage<T> {
  records: T[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string;
}

/**
 * Up to `limit` records after the id `after`, in id order, as their schemas describe them: fields the database keeps
 * for itself (derived lists, indexes) are left out. Records that no longer validate are skipped.
 */
export async function readArticlesPage(db: Database, after: string | undefined, limit: number) {
  const raw = await db.getAll('articles', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), limit);
  return page<ArticleRecord>(raw, limit, (record) => articleRecordSchema.safeParse(record).data);
}

export async function readHighlightsPage(db: Database, after: string | undefined, limit: number) {
  const raw = await db.getAll(
    'highlights',
    after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
    limit,
  );
  return page(raw, limit, (record) => highlightRecordSchema.safeParse(record).data);
}

function page<T extends { id: string }>(raw: T[], limit: number, clean: (record: T) => T | undefined): RecordsPage<T> {
  const records = raw.flatMap((record) => clean(record) ?? []);
  return raw.length === limit ? { records, next: raw[raw.length - 1].id } : { records };
}

export interface RecordsRestore {
  articles: CountSummary;
  highlights: CountSummary;
}

/**
 * Merges the records into the database in one readwrite transaction (nothing awaited in it but its own requests),
 * or, with `write: false`, only counts what a restore would do. The preview takes the same transaction, so it counts
 * against the same state a restore started then would see.
 */
export async function restoreRecords(
  db: Database,
  articles: ArticleRecord[],
  highlights: HighlightRecord[],
  { write }: { write: boolean },
): Promise<RecordsRestore> {
  const tx = db.transaction(['articles', 'highlights', 'search-queue'], 'readwrite');
  const articleStore = tx.objectStore('articles');
  const highlightStore = tx.objectStore('highlights');
  const [storedArticles, storedHighlights] = await Promise.all([
    Promise.all(articles.map((record) => articleStore.get(record.id))),
    Promise.all(highlights.map((record) => highlightStore.get(record.id))),
  ]);
  const articleOutcomes = articles.map((record, i) => mergeArticle(storedArticles[i], record));
  const highlightOutcomes = highlights.map((record, i) => mergeHighlight(storedHighlights[i], record));
  if (write) {
    // Listed and searched like any other write: list keys on the record, search told in the same transaction.
    const queue = tx.objectStore('search-queue');
    const now = Date.now();
    await Promise.all([
      ...changed(articleOutcomes).flatMap((record) => [
        articleStore.put({ ...record, listKeys: listKeysFor(record) }),
        queueForSearch(queue, articleItem(record.id), now),
      ]),
      ...changed(highlightOutcomes).flatMap((record) => [
        highlightStore.put(record),
        queueForSearch(queue, highlightItem(record.id), now),
      ]),
    ]);
  }
  await tx.done;
  return { articles: countOutcomes(articleOutcomes), highlights: countOutcomes(highlightOutcomes) };
}

function changed<T>(outcomes: MergeOutcome<T>[]): T[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'unchanged' ? [] : [outcome.record]));
}
