// Re-attaches stored highlights to the current page: at the old position when the passage is still
// there unchanged, else wherever its quote and context say; when they cannot tell, the highlight is
// left unplaced (for the "not found" list), with a "maybe here" candidate the reader can confirm.

import { describeOffsets, commonBlock, elementStart } from './describe';
import { locateQuote, stillAtPosition, type Located } from './match-quote';
import { normEnd, normStart, prepareText, rawEnd, rawStart, type PreparedText } from './normalize';
import type { ApproxSearch } from './search';
import { pathAgreement } from './structure';
import { buildTextIndex, fromVisibleOffset, rangeInIndex, visibleSlice, type TextIndex } from './text-range';
import type { Selectors } from './types';

const DEFAULT_BUDGET_MS = 250;
const DEFAULT_MANY_BUDGET_MS = 500;
// A passage starts "where it started inside its element" within this many raw characters (a space re-flowed before it).
const SPOT_SLACK = 8;

export interface AnchorItem {
  id: string;
  selectors: Selectors;
  /** Positions stored before script and style text was counted (database v2). */
  legacyPositions?: boolean;
}

export interface PlacedHighlight {
  id: string;
  range: Range;
  /** The text there differs from the stored quote: the page was edited since. */
  changed: boolean;
  /** The text now highlighted (as the reader sees it). */
  text: string;
  /** Standard offsets of the placed text. */
  start: number;
  end: number;
}

export interface UnplacedHighlight {
  id: string;
  /** Where the passage may be now; shown to the reader to confirm, never painted by itself. */
  maybeHere?: Selectors;
}

export interface AnchorOptions {
  budgetMs?: number;
  search?: ApproxSearch;
}

function isSelectors(s: unknown): s is Selectors {
  if (!Array.isArray(s)) return false;
  const [q, pos, path] = s as Partial<Selectors>;
  return (
    typeof q?.exact === 'string' &&
    (q.prefix === undefined || typeof q.prefix === 'string') &&
    (q.suffix === undefined || typeof q.suffix === 'string') &&
    typeof pos?.start === 'number' &&
    typeof pos.end === 'number' &&
    (path === undefined || typeof path?.value === 'string')
  );
}

/** One page's text, walked and normalized once for any number of highlights. */
class PageText {
  readonly index: TextIndex;
  readonly p: PreparedText;

  constructor(root: Element) {
    this.index = buildTextIndex(root);
    this.p = prepareText(this.index.text, this.index.hidden);
  }

  /** The stored position in today's counting. */
  position(item: AnchorItem): { start: number; end: number } {
    const { start, end } = item.selectors[1];
    if (!item.legacyPositions) return { start, end };
    return { start: fromVisibleOffset(this.index, start), end: fromVisibleOffset(this.index, end - 1) + 1 };
  }

  /**
   * `shift`: how far the highlights stored just before this one moved, to judge "near its old place" by.
   * `checked`: the caller already found the passage is not still at its old position.
   */
  locate(item: AnchorItem, deadline: number, search?: ApproxSearch, shift = 0, checked = false): Located {
    const [quote, , path] = item.selectors;
    const { start, end } = this.position(item);
    if (!checked && stillAtPosition(this.p, quote, start, end)) return { placed: true, start, end, changed: false };
    if (performance.now() > deadline) return { placed: false, outOfTime: true };
    const agreeAt = (s: number, e: number) => {
      const block = commonBlock(this.index, s, e);
      return block && path ? pathAgreement(path.value, block) : 0;
    };
    // The stored range may have ended on an invisible mark or space just past an element's end,
    // which moves its block up a level: a candidate counts with or without its invisible edges.
    const structure = path
      ? (s: number, e: number) => Math.max(agreeAt(s, e), agreeAt(...this.widened(s, e)))
      : undefined;
    const spot = path?.refinedBy?.start;
    const sameSpotInBlock =
      typeof spot === 'number'
        ? (s: number, e: number) => {
            const block = commonBlock(this.index, s, e);
            const from = block && elementStart(this.index, block);
            return from !== null && Math.abs(s - from - spot) <= SPOT_SLACK;
          }
        : undefined;
    const found = locateQuote(this.p, quote, {
      hint: start,
      movedHint: start + shift,
      deadline,
      search,
      structure,
      sameSpotInBlock,
    });
    // The same visible text as at the old position: keep its offsets, invisible edge characters included.
    if (found.placed && this.sameVisibleSpan(found, start, end)) return { ...found, start, end };
    return found;
  }

  /** A raw span grown over the invisible characters (marks, collapsed spaces) on either side of it. */
  private widened(start: number, end: number): [number, number] {
    const { p } = this;
    const ns = normStart(p, start);
    const ne = normEnd(p, end);
    return [ns > 0 ? rawEnd(p, ns - 1) : 0, ne < p.norm.length ? rawStart(p, ne) : p.raw.length];
  }

  private sameVisibleSpan(a: { start: number; end: number }, start: number, end: number): boolean {
    const { p } = this;
    return (
      end <= p.raw.length && normStart(p, a.start) === normStart(p, start) && normEnd(p, a.end) === normEnd(p, end)
    );
  }

  placed(id: string, found: Extract<Located, { placed: true }>): PlacedHighlight | null {
    const range = rangeInIndex(this.index, found.start, found.end);
    if (!range) return null;
    const text = visibleSlice(this.index, found.start, found.end);
    return { id, range, changed: found.changed, text, start: found.start, end: found.end };
  }

  unplaced(id: string, found: Located): UnplacedHighlight {
    const maybe =
      !found.placed && found.maybe && describeOffsets(this.index, this.p, found.maybe.start, found.maybe.end);
    return maybe ? { id, maybeHere: maybe } : { id };
  }
}

export function anchorSelectors(
  root: Element,
  selectors: Selectors,
  options: { deadline?: number; search?: ApproxSearch } = {},
): Range | null {
  if (!isSelectors(selectors)) return null;
  const page = new PageText(root);
  const found = page.locate(
    { id: '', selectors },
    options.deadline ?? performance.now() + DEFAULT_BUDGET_MS,
    options.search,
  );
  return found.placed ? (page.placed('', found)?.range ?? null) : null;
}

export interface AnchorResult {
  placed: PlacedHighlight[];
  unplaced: UnplacedHighlight[];
  /** Items the budget ran out on before their search could decide: neither placed nor lost. */
  deferred: AnchorItem[];
}

/**
 * Anchors many highlights against one walk and one normalization of the root's text. Cheap
 * position checks run for every item first; quote searches then share the time budget, and
 * whatever is left when it runs out is deferred (to a later task), never reported unplaced:
 * a busy machine must not make a present passage look lost.
 */
export function anchorMany(root: Element, items: AnchorItem[], options: AnchorOptions = {}): AnchorResult {
  const page = new PageText(root);
  // The budget is for searching: walking the page is paid whatever happens.
  const deadline = performance.now() + (options.budgetMs ?? DEFAULT_MANY_BUDGET_MS);
  const found: (Located | null)[] = items.map((item) => {
    if (!isSelectors(item.selectors)) return { placed: false };
    const { start, end } = page.position(item);
    return stillAtPosition(page.p, item.selectors[0], start, end) ? { placed: true, start, end, changed: false } : null;
  });
  // Searched in stored order: markup re-indented or text inserted above moves every later raw offset, and
  // the shift of the last highlight placed unchanged says where the next one's old place is now.
  const order = items.map((_, i) => i).filter((i) => isSelectors(items[i].selectors));
  order.sort((a, b) => items[a].selectors[1].start - items[b].selectors[1].start);
  let shift = 0;
  for (const i of order) {
    found[i] ??= page.locate(items[i], deadline, options.search, shift, true);
    const result = found[i];
    if (result.placed && !result.changed) shift = result.start - page.position(items[i]).start;
  }

  const placed: PlacedHighlight[] = [];
  const unplaced: UnplacedHighlight[] = [];
  const deferred: AnchorItem[] = [];
  items.forEach((item, i) => {
    const result = found[i]!;
    if (!result.placed && result.outOfTime) {
      deferred.push(item);
      return;
    }
    const highlight = result.placed ? page.placed(item.id, result) : null;
    if (highlight) placed.push(highlight);
    else unplaced.push(page.unplaced(item.id, result));
  });
  return { placed, unplaced, deferred };
}
