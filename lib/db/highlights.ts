// Repository functions for the reader's highlights. Like articles, each write is a single
// transaction, and a delete hands the record back for undo.
import type { Selectors } from '../anchor/types';
import type { HighlightRecord, Placement } from '../schema';
import type { Database } from './database';

export function newHighlightId(random: () => string = () => crypto.randomUUID()): string {
  return `h-${random()}`;
}

export async function addHighlight(db: Database, record: HighlightRecord): Promise<void> {
  await db.put('highlights', record);
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
  const tx = db.transaction('highlights', 'readwrite');
  const record = await tx.store.get(id);
  if (!record?.maybeHere) {
    await tx.done;
    return false;
  }
  const { maybeHere, changedTo: _changed, legacyPositions: _legacy, ...rest } = record;
  await tx.store.put({ ...rest, selectors: maybeHere, placed: true, updatedAt: now });
  await tx.done;
  return true;
}

export async function updateHighlightNote(
  db: Database,
  id: string,
  note: string,
  now = Date.now(),
): Promise<HighlightRecord> {
  const tx = db.transaction('highlights', 'readwrite');
  const record = await tx.store.get(id);
  if (!record) throw new Error('That highlight no longer exists.');
  const updated = { ...record, note, updatedAt: now };
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

export async function deleteHighlight(db: Database, id: string): Promise<HighlightRecord | undefined> {
  const tx = db.transaction('highlights', 'readwrite');
  const record = await tx.store.get(id);
  if (record) await tx.store.delete(id);
  await tx.done;
  return record;
}
