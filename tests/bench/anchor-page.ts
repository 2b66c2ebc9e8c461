// Loaded into the pages of the anchoring simulation (scripts/bench-anchor.mjs): stores highlights
// on the original page as the extension would, then re-attaches them on an edited page with either
// approximate search and reports, per highlight, where it landed against where its text went.
import approxSearch from 'approx-string-match';
import { anchorMany, type AnchorItem, type AnchorResult } from '../../lib/anchor/anchor';
import { describeRange } from '../../lib/anchor/describe';
import { collapseRuns, myersSearch, type ApproxSearch } from '../../lib/anchor/search';
import { buildTextIndex, offsetsInIndex } from '../../lib/anchor/text-range';
import type { Selectors } from '../../lib/anchor/types';

/** approx-string-match reports only the least-error occurrences, with their starts. */
const librarySearch: ApproxSearch = (text, pattern, maxErrors, deadline) => {
  if (performance.now() > deadline) return null;
  return collapseRuns(
    approxSearch(text, pattern, maxErrors).map((m) => ({ end: m.end, errors: m.errors })),
    pattern.length,
  );
};

export interface Spot {
  id: string;
  block: string;
  start: number;
  end: number;
}

/** A Range over [start, end) of a simulated block's text, wherever inline markup split it. */
function blockRange(spot: Omit<Spot, 'id'>): Range | null {
  const el = document.querySelector(`[data-sim="${spot.block}"]`);
  if (!el) return null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = at + node.data.length;
    if (!started && spot.start < next) {
      range.setStart(node, spot.start - at);
      started = true;
    }
    if (started && spot.end <= next) {
      range.setEnd(node, spot.end - at);
      return range;
    }
    at = next;
  }
  return null;
}

export function describeSpots(spots: Spot[]): { id: string; selectors: Selectors | null }[] {
  return spots.map((s) => {
    const range = blockRange(s);
    return { id: s.id, selectors: range && describeRange(document.body, range) };
  });
}

export interface Outcome {
  id: string;
  result: 'right' | 'wrong' | 'not found';
  changed: boolean;
  maybeHere: boolean;
  /** For reading failures: the placed text and the expected one. */
  placed?: string;
  expected?: string;
  /** For wrong placements: the page's text around where it landed, and the stored context. */
  around?: string;
  stored?: string;
}

let last: AnchorResult | null = null;

/**
 * Re-attaches `items` on this page and keeps the result for judgeLast, in a task of its own: the bench reads the
 * page's CPU time around this call alone, not around its own judging of where each highlight landed.
 */
export function anchorOnly(items: AnchorItem[], backend: 'myers' | 'library'): { ms: number } {
  const search = backend === 'library' ? librarySearch : myersSearch;
  const started = performance.now();
  last = anchorMany(document.body, items, { budgetMs: 10_000, search });
  return { ms: performance.now() - started };
}

/** Judges the last anchorOnly's highlights against where their text went (null: deleted). */
export function judgeLast(items: AnchorItem[], expected: Record<string, Omit<Spot, 'id'> | null>): Outcome[] {
  if (!last) throw new Error('judgeLast before anchorOnly');
  const { placed, unplaced } = last;
  last = null;
  const index = buildTextIndex(document.body);
  const outcomes: Outcome[] = [];
  for (const p of placed) {
    const want = expected[p.id];
    const range = want && blockRange(want);
    const at = range && offsetsInIndex(index, range);
    const tolerance = at ? Math.max(1, Math.floor((at.end - at.start) / 10)) : 0;
    const right = at && Math.abs(at.start - p.start) <= tolerance && Math.abs(at.end - p.end) <= tolerance;
    outcomes.push({
      id: p.id,
      result: right ? 'right' : 'wrong',
      changed: p.changed,
      maybeHere: false,
      ...(right
        ? {}
        : {
            placed: p.text,
            expected: range?.toString() ?? '(deleted)',
            around: `${index.text.slice(Math.max(0, p.start - 40), p.start)}[[${p.text}]]${index.text.slice(p.end, p.end + 40)} @${p.start}`,
            stored: storedContext(items.find((i) => i.id === p.id)),
          }),
    });
  }
  for (const u of unplaced)
    outcomes.push({
      id: u.id,
      result: 'not found',
      changed: false,
      maybeHere: !!u.maybeHere,
      expected: (expected[u.id] && blockRange(expected[u.id]!)?.toString()) ?? '(deleted)',
      placed: u.maybeHere?.[0].exact,
    });
  return outcomes;
}

/** Re-attaches `items` on this page and judges each against where its text went (null: deleted). */
export function runPage(
  items: AnchorItem[],
  expected: Record<string, Omit<Spot, 'id'> | null>,
  backend: 'myers' | 'library',
): { ms: number; outcomes: Outcome[] } {
  const { ms } = anchorOnly(items, backend);
  return { ms, outcomes: judgeLast(items, expected) };
}

function storedContext(item: AnchorItem | undefined): string {
  if (!item) return '';
  const [quote, position] = item.selectors;
  return `${quote.prefix}[[${quote.exact}]]${quote.suffix} @${position.start}`;
}

/** One read of the page's text: the least any re-attachment has to do (the baseline). */
export function readText(): number {
  const started = performance.now();
  void document.body.textContent?.length;
  return performance.now() - started;
}
