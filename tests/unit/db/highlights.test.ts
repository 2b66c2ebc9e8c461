import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDigest, saveCapture } from '@/lib/db/articles';
import {
  addHighlight,
  confirmMaybeHere,
  deleteHighlight,
  newHighlightId,
  pageHighlights,
  recordPlacement,
  updateHighlightNote,
} from '@/lib/db/highlights';
import { openDatabase, type Database } from '@/lib/db/database';
import type { HighlightRecord } from '@/lib/schema';

let db: Database;
let n = 0;
beforeEach(async () => (db = await openDatabase(`highlights-${++n}`)));
afterEach(() => db.close());

const highlight = (id: string, extra: Partial<HighlightRecord> = {}): HighlightRecord => ({
  id,
  pageUrl: 'https://n.example/a',
  selectors: [
    { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 0, end: 5 },
  ],
  note: '',
  placed: true,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

describe('highlights store', () => {
  it("lists a page's highlights, records placement and notes", async () => {
    await addHighlight(db, highlight('h-aaaaaaaa'));
    await addHighlight(db, highlight('h-bbbbbbbb'));
    await addHighlight(db, highlight('h-cccccccc', { pageUrl: 'https://n.example/other' }));
    expect((await pageHighlights(db, 'https://n.example/a')).map((h) => h.id).sort()).toEqual([
      'h-aaaaaaaa',
      'h-bbbbbbbb',
    ]);
    await recordPlacement(db, {
      placed: [{ id: 'h-aaaaaaaa' }],
      unplaced: [{ id: 'h-bbbbbbbb' }, { id: 'h-missing0' }],
    });
    expect((await db.get('highlights', 'h-bbbbbbbb'))?.placed).toBe(false);
    expect(await db.get('highlights', 'h-missing0')).toBeUndefined();
    expect(await updateHighlightNote(db, 'h-aaaaaaaa', 'key quote', 5)).toMatchObject({
      note: 'key quote',
      updatedAt: 5,
    });
    await expect(updateHighlightNote(db, 'h-missing0', 'x')).rejects.toThrow(/no longer exists/);
  });

  it('records text that changed, a "maybe here" the reader can confirm, and upgrades legacy positions', async () => {
    const maybeHere = highlight('x').selectors;
    await addHighlight(db, highlight('h-aaaaaaaa', { legacyPositions: true }));
    await addHighlight(db, highlight('h-bbbbbbbb'));
    await recordPlacement(db, {
      placed: [
        {
          id: 'h-aaaaaaaa',
          changedTo: 'quote h-aaaaaaab',
          position: { type: 'TextPositionSelector', start: 7, end: 23 },
        },
      ],
      unplaced: [{ id: 'h-bbbbbbbb', maybeHere }],
    });
    const a = (await db.get('highlights', 'h-aaaaaaaa'))!;
    expect(a).toMatchObject({ placed: true, changedTo: 'quote h-aaaaaaab' });
    expect(a.legacyPositions).toBeUndefined();
    expect(a.selectors[1]).toEqual({ type: 'TextPositionSelector', start: 7, end: 23 });
    expect(await db.get('highlights', 'h-bbbbbbbb')).toMatchObject({ placed: false, maybeHere });

    // Placed again with the text as highlighted: no longer marked as changed.
    await recordPlacement(db, { placed: [{ id: 'h-aaaaaaaa' }], unplaced: [] });
    expect((await db.get('highlights', 'h-aaaaaaaa'))!.changedTo).toBeUndefined();

    expect(await confirmMaybeHere(db, 'h-bbbbbbbb', 9)).toBe(true);
    expect(await db.get('highlights', 'h-bbbbbbbb')).toEqual({
      ...highlight('h-bbbbbbbb'),
      selectors: maybeHere,
      placed: true,
      updatedAt: 9,
    });
    expect(await confirmMaybeHere(db, 'h-bbbbbbbb')).toBe(false);
    expect(await confirmMaybeHere(db, 'h-missing0')).toBe(false);
  });

  it('hands back a deleted highlight for undo', async () => {
    await addHighlight(db, highlight('h-dddddddd'));
    const deleted = await deleteHighlight(db, 'h-dddddddd');
    expect(await db.count('highlights')).toBe(0);
    await addHighlight(db, deleted!);
    expect(await db.get('highlights', 'h-dddddddd')).toEqual(deleted);
  });

  it('makes ids the protocol accepts', () => {
    expect(newHighlightId()).toMatch(/^h-[0-9a-f-]{36}$/);
  });

  it('joins highlights to their article in the digest, oldest first', async () => {
    const { record } = await saveCapture(db, {
      article: {
        url: 'https://n.example/a',
        pageUrl: 'https://n.example/a',
        title: 'T',
        dir: 'ltr',
        excerpt: '',
        text: 'x',
      },
      matches: [{ topicId: 't', score: 1, mentions: 1, hits: [] }],
    });
    await addHighlight(db, highlight('h-22222222', { articleId: record.id, createdAt: 2, note: 'n' }));
    await addHighlight(db, highlight('h-11111111', { articleId: record.id, createdAt: 1, placed: false }));
    const [entry] = await listDigest(db, [{ id: 't', name: 't', query: 't', createdAt: 0 }]);
    expect(entry.articles[0].highlights).toEqual([
      { id: 'h-11111111', text: 'quote h-11111111', note: '', placed: false, createdAt: 1 },
      { id: 'h-22222222', text: 'quote h-22222222', note: 'n', placed: true, createdAt: 2 },
    ]);
  });
});
