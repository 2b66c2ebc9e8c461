// The reader's highlights on the page: describe a selection, re-attach stored highlights
// (also when the article arrives late), and mark key-fact sentences. Painting goes through
// the CSS Custom Highlight API: wrapping text in elements would break Arabic letter joining.
import { anchorMany, type AnchorItem, type AnchorResult } from '../anchor/anchor';
import { describeRange } from '../anchor/describe';
import { findPassage } from '../anchor/match-quote';
import { prepareText } from '../anchor/normalize';
import { buildTextIndex, rangeInIndex } from '../anchor/text-range';
import type { Selectors } from '../schema';
import { articleAddressAt, articleAddresses } from '../extract/article-address';
import { FACT_NAME, HIGHLIGHT_NAME } from './highlight-styles';

// Search time per task: the first round keeps the page responsive; highlights it could not decide
// are searched again in later tasks with a doubled budget, so a busy machine delays a highlight
// instead of losing it. What the last round cannot decide is reported unplaced.
const ANCHOR_BUDGETS_MS = [40, 80, 160, 320, 1000];
// Marking key facts is a reader's click: one task, searched exactly first, typos only while time allows.
const FACT_MARK_BUDGET_MS = 80;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Late-loading pages: keep trying to place the missing highlights for this long after load. */
const RETRY_WINDOW_MS = 15_000;

export interface Painter {
  paint(name: string, ranges: Range[]): void;
}

/** The CSS Custom Highlight API, where the browser has it. */
export function cssHighlightPainter(): Painter {
  return {
    paint(name, ranges) {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
      if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
    },
  };
}

/** What a visit learnt about the page's highlights (the shape of the highlight:placement message). */
export interface PlacementReport {
  placed: { id: string; changedTo?: string; position?: { type: 'TextPositionSelector'; start: number; end: number } }[];
  unplaced: { id: string; maybeHere?: Selectors }[];
}

export interface HighlighterDeps {
  doc: Document;
  pageUrl: () => string;
  painter: Painter;
  add: (payload: { pageUrl: string; articleUrl: string; selectors: Selectors }) => Promise<{ id: string }>;
  forPage: (pageUrl: string) => Promise<AnchorItem[]>;
  reportPlacement: (report: PlacementReport) => Promise<unknown>;
  factsFor: (articleUrls: string[]) => Promise<string[]>;
  now?: () => number;
}

export function createHighlighter(deps: HighlighterDeps) {
  const now = deps.now ?? (() => performance.now());
  const placed = new Map<string, Range>();
  const pending = new Map<string, AnchorItem>();
  let startedAt = 0;

  const root = () => deps.doc.body ?? deps.doc.documentElement;
  const repaint = () => deps.painter.paint(HIGHLIGHT_NAME, [...placed.values()]);

  async function anchorInRounds(items: AnchorItem[]): Promise<AnchorResult> {
    const result: AnchorResult = { placed: [], unplaced: [], deferred: items };
    for (const [round, budgetMs] of ANCHOR_BUDGETS_MS.entries()) {
      if (round > 0) await nextTask();
      const started = performance.now();
      const step = anchorMany(root(), result.deferred, { budgetMs });
      // A User Timing entry: DevTools (and npm run bench:page) show what re-attaching cost the page.
      performance.measure('beatwatch:highlights', { start: started });
      result.placed.push(...step.placed);
      result.unplaced.push(...step.unplaced);
      result.deferred = step.deferred;
      if (!result.deferred.length) break;
    }
    result.unplaced.push(...result.deferred.map(({ id }) => ({ id })));
    return result;
  }

  async function place(items: AnchorItem[]): Promise<PlacementReport> {
    const result = await anchorInRounds(items);
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const { id, range } of result.placed) {
      placed.set(id, range);
      pending.delete(id);
    }
    for (const { id } of result.unplaced) pending.set(id, byId.get(id)!);
    repaint();
    return {
      placed: result.placed.map(({ id, changed, text, start, end }) => ({
        id,
        ...(changed ? { changedTo: text } : {}),
        // Positions stored before script text was counted are replaced by today's.
        ...(byId.get(id)?.legacyPositions ? { position: { type: 'TextPositionSelector' as const, start, end } } : {}),
      })),
      unplaced: result.unplaced,
    };
  }

  return {
    /** Fetches this page's highlights and places what it can; the rest are reported unplaced. */
    async attach(): Promise<PlacementReport> {
      startedAt = now();
      const items = (await deps.forPage(deps.pageUrl())).filter((item) => !placed.has(item.id));
      if (!items.length) return { placed: [], unplaced: [] };
      const report = await place(items);
      await deps.reportPlacement(report);
      return report;
    },

    /** After the page changed: tries the missing ones again, for a while after load. */
    async retry(): Promise<string[]> {
      if (!pending.size || now() - startedAt > RETRY_WINDOW_MS) return [];
      const report = await place([...pending.values()]);
      if (report.placed.length) await deps.reportPlacement({ placed: report.placed, unplaced: [] });
      return report.placed.map((p) => p.id);
    },

    hasPending: () => pending.size > 0,

    /** Highlights the reader's current selection, if any. */
    async highlightSelection(): Promise<{ added: boolean }> {
      const selection = deps.doc.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { added: false };
      const range = selection.getRangeAt(0);
      const selectors = describeRange(root(), range);
      if (!selectors) return { added: false };
      const { id } = await deps.add({
        pageUrl: deps.pageUrl(),
        // The address the extractor stored the article under, so the highlight joins that article, not the page's.
        articleUrl: articleAddressAt(deps.doc, deps.pageUrl(), range.commonAncestorContainer),
        selectors,
      });
      placed.set(id, range.cloneRange());
      repaint();
      selection.removeAllRanges();
      return { added: true };
    },

    /** Marks (or unmarks) the stored key facts of every article on the page; returns how many were found. */
    async markFacts(on: boolean): Promise<number> {
      if (!on) {
        deps.painter.paint(FACT_NAME, []);
        return 0;
      }
      const urls = articleAddresses(deps.doc, deps.pageUrl());
      return this.markSentences(await deps.factsFor(urls));
    },

    /** Marks the given sentences on the page (an empty list unmarks); returns how many were found. */
    markSentences(facts: string[]): number {
      const index = buildTextIndex(root());
      const text = prepareText(index.text, index.hidden);
      const deadline = now() + FACT_MARK_BUDGET_MS;
      const ranges: Range[] = [];
      for (const fact of facts) {
        const match = findPassage(text, fact, { deadline });
        const range = match && rangeInIndex(index, match.start, match.end);
        if (range) ranges.push(range);
      }
      deps.painter.paint(FACT_NAME, ranges);
      if (ranges[0]) ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return ranges.length;
    },
  };
}

export type Highlighter = ReturnType<typeof createHighlighter>;
