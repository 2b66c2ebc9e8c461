// The database side of backups: records read out in pages, so a large profile never blocks the background for long,
// nor makes one huge message. (Restores: restore-staging.ts.)
import { articleRecordSchema, highlightRecordSchema, type ArticleRecord } from '../schema';
import type { Database } from './database';

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
