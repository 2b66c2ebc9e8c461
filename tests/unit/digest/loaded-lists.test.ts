import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/db/articles';
import type { HighlightListItem } from '@/lib/db/highlights';
import {
  addArticleHighlight,
  addHighlightEntry,
  changeArticleHighlight,
  changeHighlightEntry,
  dropHighlight,
  highlightNote,
  noteHighlight,
  putBackArticle,
  removeArticle,
  replaceHighlight,
  type LoadedList,
} from '@/lib/digest/loaded-lists';

const highlight = (id: string, createdAt: number) => ({ id, text: id, note: '', placed: true, createdAt });
const article = (id: string, highlights = [highlight(`h-${id}`, 1)]): ArticleSummary => ({
  id,
  url: `https://n.example/${id}`,
  title: id,
  dir: 'ltr',
  excerpt: '',
  facts: [],
  firstSeenAt: 0,
  clippedTo: [],
  highlights,
});
const loaded = <T>(items: T[]): LoadedList<T> => ({ items, next: null, loading: false, scrollTop: 0 });

describe('loaded lists', () => {
  const lists = new Map([
    ['ukraine', loaded([article('a'), article('b'), article('c')])],
    ['energy', loaded([article('b')])],
  ]);

  it('takes an article out of one list only ("not about this beat"), and puts it back there', () => {
    const { lists: after, removed } = removeArticle(lists, 'b', 'ukraine');
    expect(after.get('ukraine')!.items.map((a) => a.id)).toEqual(['a', 'c']);
    expect(after.get('energy')!.items.map((a) => a.id)).toEqual(['b']);
    expect(removed).toEqual([{ list: 'ukraine', index: 1, article: article('b') }]);
    expect(
      putBackArticle(after, removed)
        .get('ukraine')!
        .items.map((a) => a.id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('removes a deleted article from every list showing it, and puts it back where it was', () => {
    const { lists: after, removed } = removeArticle(lists, 'b');
    expect(after.get('ukraine')!.items.map((a) => a.id)).toEqual(['a', 'c']);
    expect(after.get('energy')!.items).toEqual([]);
    const back = putBackArticle(after, removed);
    expect(back.get('ukraine')!.items.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(back.get('energy')!.items.map((a) => a.id)).toEqual(['b']);
    expect(lists.get('ukraine')!.items).toHaveLength(3);
  });

  it('changes a highlight in place on every card showing it, and puts a deleted one back in order', () => {
    const noted = changeArticleHighlight(lists, 'h-b', replaceHighlight({ ...highlight('h-b', 1), note: 'n' }));
    expect(noted.get('energy')!.items[0].highlights[0].note).toBe('n');
    expect(noted.get('ukraine')!.items[0]).toBe(lists.get('ukraine')!.items[0]);
    const dropped = changeArticleHighlight(lists, 'h-b', dropHighlight('h-b'));
    expect(dropped.get('energy')!.items[0].highlights).toEqual([]);
    const back = addArticleHighlight(addArticleHighlight(dropped, 'b', highlight('h-z', 0)), 'b', highlight('h-b', 1));
    expect(back.get('ukraine')!.items[1].highlights.map((h) => h.id)).toEqual(['h-z', 'h-b']);
  });

  it("shows a note on every card with its highlight, and finds a highlight's note in the lists or among all highlights", () => {
    const noted = changeArticleHighlight(lists, 'h-b', noteHighlight('h-b', 'written now'));
    expect(noted.get('energy')!.items[0].highlights[0]).toEqual({ ...highlight('h-b', 1), note: 'written now' });
    expect(noted.get('ukraine')!.items[1].highlights[0].note).toBe('written now');
    expect(noted.get('ukraine')!.items[0]).toBe(lists.get('ukraine')!.items[0]);
    expect(highlightNote(noted, null, 'h-b')).toBe('written now');
    expect(highlightNote(lists, null, 'h-b')).toBe(highlight('h-b', 1).note);
    const all = loaded<HighlightListItem>([
      { ...highlight('h-x', 2), note: 'elsewhere', pageUrl: 'https://p.example/' },
    ]);
    expect(highlightNote(lists, all, 'h-x')).toBe('elsewhere');
    expect(highlightNote(lists, all, 'h-none')).toBeUndefined();
  });

  it('keeps the list of all highlights newest first', () => {
    const entry = (id: string, createdAt: number): HighlightListItem => ({
      ...highlight(id, createdAt),
      pageUrl: 'https://p.example/',
    });
    const list = loaded([entry('h-3', 3), entry('h-1', 1)]);
    expect(addHighlightEntry(list, entry('h-2', 2)).items.map((h) => h.id)).toEqual(['h-3', 'h-2', 'h-1']);
    expect(changeHighlightEntry(list, 'h-3', () => null).items.map((h) => h.id)).toEqual(['h-1']);
  });
});
