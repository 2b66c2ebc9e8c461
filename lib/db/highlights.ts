// Repository functions for the reader's highlights. Like articles, each write is a single
// transaction, and a delete hands the record back for undo.
import type { Selectors } from '../anchor/types';
import type { HighlightRecord, Placement } from '../schema';
import { summarizeHighlight, type HighlightSummary } from './articles';
import type { Database } from './database';
import { highlightItem, queueForSearch } from './search-queue';

export function newHighlightId(random: () => string = () => crypto.randomUUID()): string {
  return `h-${random()}`;
}

/** Stores a highlight (new, or put back by undo); search indexes its quote and note. */
export async function addHighlight(db: Database, record: HighlightRecord, now = Date.now()): Promise<void> {
  const tx = db.transaction(['highlights', 'search-queue'], 'readwrite');
  await tx.objectStore('highlights').put(record);
  await queueForSearch(tx.objectStore('search-queue'), highlightItem(record.id), now);
  await tx.done;
}

export function pageHighlights(db: Database, pageUrl: string): Promise<HighlightRecord[]> {
  return db.getAllFromIndex('highlights', 'by-page', pageUrl);
}

/**
 * Records what the last visit found: which highlights it placed (and whether their text changed
 * since), which it could not place and where they may be now. One transaction for the page.
 */
export async function recordPlacement(db: Database, report: Placement): Promise<void> {
  const tx = db.transaction('highlights', 'readwrite');
  const updates = [
    ...report.placed.map((p) => ({ id: p.id, update: (r: HighlightRecord) => placedRecord(r, p) })),
    ...report.unplaced.map((u) => ({ id: u.id, update: (r: HighlightRecord) => unplacedRecord(r, u.maybeHere) })),
  ];
  const records = await Promise.all(updates.map(({ id }) => tx.store.get(id)));
  await Promise.all(
    records.map((record, i) => {
      if (!record) return undefined;
      const updated = updates[i].update(record);
      return JSON.stringify(updated) === JSON.stringify(record) ? undefined : tx.store.put(updated);
    }),
  );
  await tx.done;
}

function placedRecord(record: HighlightRecord, found: Placement['placed'][number]): HighlightRecord {
  const { changedTo: _changed, maybeHere: _maybe, legacyPositions, ...rest } = record;
  const updated: HighlightRecord = { ...rest, placed: true };
  if (found.changedTo !== undefined) updated.changedTo = found.changedTo;
  // A legacy position is replaced by the standard one the page reported; without one it stays legacy.
  if (legacyPositions && found.position) {
    const [quote, , path] = record.selectors;
    updated.selectors = path ? [quote, found.position, path] : [quote, found.position];
  } else if (legacyPositions) updated.legacyPositions = true;
  return updated;
}

function unplacedRecord(record: HighlightRecord, maybeHere: Selectors | undefined): HighlightRecord {
  const { maybeHere: _maybe, ...rest } = record;
  return maybeHere ? { ...rest, placed: false, maybeHere } : { ...rest, placed: false };
}

/**
 * The reader confirmed where an unplaced highlight is now: its selectors become the candidate's,
 * so the next visit places it there. Returns false when there was nothing to confirm.
 */
export async function confirmMaybeHere(db: Database, id: string, now = Date.now()): Promise<boolean> {
  const tx = db.transaction(['highlights', 'search-queue'], 'readwrite');
  const record = await tx.objectStore('highlights').get(id);
  if (!record?.maybeHere) {
    await tx.done;
    return false;
  }
  const { maybeHere, changedTo: _changed, legacyPositions: _legacy, ...rest } = record;
  await tx.objectStore('highlights').put({ ...rest, selectors: maybeHere, placed: true, updatedAt: now });
  // Its words are the confirmed text's now.
  await queueForSearch(tx.objectStore('search-queue'), highlightItem(id), now);
  await tx.done;
  return true;
}

export async function updateHighlightNote(
  db: Database,
  id: string,
  note: string,
  now = Date.now(),
): Promise<HighlightRecord> {
  const tx = db.transaction(['highlights', 'search-queue'], 'readwrite');
  const store = tx.objectStore('highlights');
  const record = await store.get(id);
  if (!record) throw new Error('That highlight no longer exists.');
  const updated = { ...record, note, updatedAt: now };
  await store.put(updated);
  await queueForSearch(tx.objectStore('search-queue'), highlightItem(id), now);
  await tx.done;
  return updated;
}

export async function deleteHighlight(
  db: Database,
  id: string,
  now = Date.now(),
): Promise<HighlightRecord | undefined> {
  const tx = db.transaction(['highlights', 'search-queue'], 'readwrite');
  const store = tx.objectStore('highlights');
  const record = await store.get(id);
  if (record) {
    await store.delete(id);
    await queueForSearch(tx.objectStore('search-queue'), highlightItem(id), now);
  }
  await tx.done;
  return record;
}

/** A highlight in the list of all highlights: its quote and note, and where it is (an article, or just a page). */
export interface HighlightListItem extends HighlightSummary {
  pageUrl: string;
  article?: { id: string; title: string; url: string; dir: 'ltr' | 'rtl'; lang?: string; topicIds: string[] };
}

export interface HighlightPage {
  highlights: HighlightListItem[];
  /** Hand back as `after` for the next page; null at the end. */
  next: [number, string] | null;
}

/** Every highlight, newest first, a page at a time, with the article it is on when there is one. */
export async function listHighlights(
  db: Database,
  after: [number, string] | undefined,
  limit: number,
): Promise<HighlightPage> {
  const tx = db.transaction(['highlights', 'articles'], 'readonly');
  const range = after ? IDBKeyRange.upperBound(after, true) : undefined;
  const records: HighlightRecord[] = [];
  let cursor = await tx.objectStore('highlights').index('by-created').openCursor(range, 'prev');
  for (; cursor && records.length < limit; cursor = await cursor.continue()) records.push(cursor.value);
  const more = cursor !== null;
  const articles = await Promise.all(
    records.map((r) => (r.articleId ? tx.objectStore('articles').get(r.articleId) : undefined)),
  );
  await tx.done;
  const last = records[records.length - 1];
  return {
    highlights: records.map((record, i) => {
      const article = articles[i];
      return {
        ...summarizeHighlight(record),
        pageUrl: record.pageUrl,
        ...(article && {
          article: {
            id: article.id,
            title: article.title,
            url: article.url,
            dir: article.dir,
            lang: article.lang,
            topicIds: article.topicIds,
          },
        }),
      };
    }),
    next: more && last ? [last.createdAt, last.id] : null,
  };
}

export function countHighlights(db: Database): Promise<number> {
  return db.count('highlights');
}
