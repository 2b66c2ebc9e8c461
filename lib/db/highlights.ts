// Repository functions for the reader's highlights. Like articles, each write is a single
// transaction, and a delete hands the record back for undo.
import type { HighlightRecord } from '../schema';
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

/** Records which highlights the last visit could place, so the popup can list the others. */
export async function recordPlacement(db: Database, placed: string[], unplaced: string[]): Promise<void> {
  const tx = db.transaction('highlights', 'readwrite');
  const updates = [...placed.map((id) => [id, true] as const), ...unplaced.map((id) => [id, false] as const)];
  const records = await Promise.all(updates.map(([id]) => tx.store.get(id)));
  await Promise.all(
    records.map((record, i) =>
      record && record.placed !== updates[i][1] ? tx.store.put({ ...record, placed: updates[i][1] }) : undefined,
    ),
  );
  await tx.done;
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
