// Re-attaches stored highlights to the current page: position if the text there is unchanged,
// else the quote (exact, then fuzzy); null marks an orphan for the "could not place" list.

import { contextAgreement, matchQuote } from './match-quote';
import { normalizeText, prepareText, type PreparedText } from './normalize';
import { buildTextIndex, rangeInIndex } from './text-range';
import type { Selectors } from './types';

const DEFAULT_BUDGET_MS = 250;
const DEFAULT_MANY_BUDGET_MS = 500;
// Below this the text at the old position is a coincidental repeat (e.g. "the" after an insert).
const MIN_POSITION_CONTEXT = 0.5;

type Offsets = { start: number; end: number };

function isSelectors(s: unknown): s is Selectors {
  if (!Array.isArray(s)) return false;
  const [q, pos] = s as Partial<Selectors>;
  return (
    typeof q?.exact === 'string' &&
    (q.prefix === undefined || typeof q.prefix === 'string') &&
    (q.suffix === undefined || typeof q.suffix === 'string') &&
    typeof pos?.start === 'number' &&
    typeof pos.end === 'number'
  );
}

function byPosition(p: PreparedText, [quote, pos]: Selectors): Offsets | null {
  const { start, end } = pos;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > p.raw.length)
    return null;
  const there = p.raw.slice(start, end);
  if (there !== quote.exact && normalizeText(there) !== normalizeText(quote.exact)) return null;
  return contextAgreement(p, quote, start, end) >= MIN_POSITION_CONTEXT ? { start, end } : null;
}

function byQuote(p: PreparedText, [quote, pos]: Selectors, deadline: number): Offsets | null {
  if (performance.now() > deadline) return null;
  const match = matchQuote(p, quote, { hint: pos.start, deadline });
  return match && { start: match.start, end: match.end };
}

export function anchorSelectors(
  root: Element,
  selectors: Selectors,
  options: { deadline?: number } = {},
): Range | null {
  if (!isSelectors(selectors)) return null;
  const deadline = options.deadline ?? performance.now() + DEFAULT_BUDGET_MS;
  const index = buildTextIndex(root);
  const p = prepareText(index.text);
  const offsets = byPosition(p, selectors) ?? byQuote(p, selectors, deadline);
  return offsets && rangeInIndex(index, offsets.start, offsets.end);
}

/**
 * Anchors many highlights against one walk and one normalization of the root's text. Cheap
 * position checks run for every item first; quote searches then share the time budget, and
 * whatever is left when it runs out is reported unplaced.
 */
export function anchorMany(
  root: Element,
  items: { id: string; selectors: Selectors }[],
  options: { budgetMs?: number } = {},
): { placed: { id: string; range: Range }[]; unplaced: string[] } {
  const deadline = performance.now() + (options.budgetMs ?? DEFAULT_MANY_BUDGET_MS);
  const index = buildTextIndex(root);
  const p = prepareText(index.text);
  const valid = items.map((item) => isSelectors(item.selectors));
  const found = items.map((item, i) => (valid[i] ? byPosition(p, item.selectors) : null));
  items.forEach((item, i) => {
    if (valid[i] && !found[i]) found[i] = byQuote(p, item.selectors, deadline);
  });

  const placed: { id: string; range: Range }[] = [];
  const unplaced: string[] = [];
  items.forEach((item, i) => {
    const offsets = found[i];
    const range = offsets && rangeInIndex(index, offsets.start, offsets.end);
    if (range) placed.push({ id: item.id, range });
    else unplaced.push(item.id);
  });
  return { placed, unplaced };
}
