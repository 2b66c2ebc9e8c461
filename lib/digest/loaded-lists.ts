// The pages of lists the popup has loaded, changed in place after an action (delete, undo, note) instead of read
// again: the background answers with what changed, and only that changes here. Pure, for the popup's state.
import type { ArticleSummary, HighlightSummary } from '../db/articles';
import type { HighlightListItem } from '../db/highlights';

export interface LoadedList<T> {
  items: T[];
  /** Where the next page starts; null when the list is complete. */
  next: string | [number, string] | null;
  loading: boolean;
  /** Scroll position when the reader left the list, restored on coming back. */
  scrollTop: number;
}

export const emptyList = <T>(): LoadedList<T> => ({ items: [], next: null, loading: true, scrollTop: 0 });

/** Where an article was in each list: what an undo puts back. */
export type Removed = { list: string; index: number; article: ArticleSummary }[];

/** Takes an article out of every loaded list, or out of the one list `only` (a "not about this beat"). */
export function removeArticle(
  lists: Map<string, LoadedList<ArticleSummary>>,
  id: string,
  only?: string,
): { lists: Map<string, LoadedList<ArticleSummary>>; removed: Removed } {
  const removed: Removed = [];
  const next = new Map(lists);
  for (const [list, loaded] of lists) {
    if (only !== undefined && list !== only) continue;
    const index = loaded.items.findIndex((a) => a.id === id);
    if (index < 0) continue;
    removed.push({ list, index, article: loaded.items[index] });
    next.set(list, { ...loaded, items: loaded.items.filter((_, i) => i !== index) });
  }
  return { lists: next, removed };
}

export function putBackArticle(
  lists: Map<string, LoadedList<ArticleSummary>>,
  removed: Removed,
): Map<string, LoadedList<ArticleSummary>> {
  const next = new Map(lists);
  for (const { list, index, article } of removed) {
    const loaded = next.get(list);
    if (!loaded || loaded.items.some((a) => a.id === article.id)) continue;
    const items = [...loaded.items];
    items.splice(Math.min(index, items.length), 0, article);
    next.set(list, { ...loaded, items });
  }
  return next;
}

/** Applies `change` to the highlight with that id wherever an article of a list shows it. */
export function changeArticleHighlight(
  lists: Map<string, LoadedList<ArticleSummary>>,
  id: string,
  change: (highlights: HighlightSummary[]) => HighlightSummary[],
): Map<string, LoadedList<ArticleSummary>> {
  const next = new Map(lists);
  for (const [list, loaded] of lists) {
    if (!loaded.items.some((a) => a.highlights.some((h) => h.id === id))) continue;
    next.set(list, {
      ...loaded,
      items: loaded.items.map((a) =>
        a.highlights.some((h) => h.id === id) ? { ...a, highlights: change(a.highlights) } : a,
      ),
    });
  }
  return next;
}

export const replaceHighlight =
  (updated: HighlightSummary) =>
  (highlights: HighlightSummary[]): HighlightSummary[] =>
    highlights.map((h) => (h.id === updated.id ? updated : h));

/** A note as the reader wrote it, shown before the background has stored it. */
export const noteHighlight =
  (id: string, note: string) =>
  (highlights: HighlightSummary[]): HighlightSummary[] =>
    highlights.map((h) => (h.id === id ? { ...h, note } : h));

/** The note of a highlight wherever a loaded list shows it (to put back when storing a new one failed). */
export function highlightNote(
  lists: Map<string, LoadedList<ArticleSummary>>,
  all: LoadedList<HighlightListItem> | null,
  id: string,
): string | undefined {
  for (const loaded of lists.values())
    for (const article of loaded.items) {
      const found = article.highlights.find((h) => h.id === id);
      if (found) return found.note;
    }
  return all?.items.find((item) => item.id === id)?.note;
}

export const dropHighlight =
  (id: string) =>
  (highlights: HighlightSummary[]): HighlightSummary[] =>
    highlights.filter((h) => h.id !== id);

/** The same for the list of all highlights. */
export function changeHighlightEntry(
  list: LoadedList<HighlightListItem>,
  id: string,
  change: (item: HighlightListItem) => HighlightListItem | null,
): LoadedList<HighlightListItem> {
  return { ...list, items: list.items.flatMap((item) => (item.id === id ? (change(item) ?? []) : [item])) };
}

/** Puts a highlight back on its article's card (oldest first, as cards list them) in every list showing it. */
export function addArticleHighlight(
  lists: Map<string, LoadedList<ArticleSummary>>,
  articleId: string,
  highlight: HighlightSummary,
): Map<string, LoadedList<ArticleSummary>> {
  const next = new Map(lists);
  for (const [list, loaded] of lists) {
    if (!loaded.items.some((a) => a.id === articleId)) continue;
    next.set(list, {
      ...loaded,
      items: loaded.items.map((a) =>
        a.id === articleId && !a.highlights.some((h) => h.id === highlight.id)
          ? { ...a, highlights: [...a.highlights, highlight].sort((x, y) => x.createdAt - y.createdAt) }
          : a,
      ),
    });
  }
  return next;
}

/** Puts an entry back in the list of all highlights, newest first. */
export function addHighlightEntry(
  list: LoadedList<HighlightListItem>,
  entry: HighlightListItem,
): LoadedList<HighlightListItem> {
  if (list.items.some((item) => item.id === entry.id)) return list;
  const items = [...list.items];
  const at = items.findIndex((item) => item.createdAt < entry.createdAt);
  items.splice(at < 0 ? items.length : at, 0, entry);
  return { ...list, items };
}
