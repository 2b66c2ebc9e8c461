// Turns a reader's selection into selectors that can find it again: a position for the unchanged
// page, a quote with 32 characters of context either side for when the page has changed, and the
// path of the element holding it, to tell copies of the passage apart.

import { describeCopies } from './match-quote';
import { normEnd, normStart, normalizeText, prepareText, type PreparedText } from './normalize';
import { blockOf, xpathOf } from './structure';
import { buildTextIndex, nodeAt, offsetsInIndex, visibleSlice, type TextIndex } from './text-range';
import type { Selectors } from './types';

const CONTEXT_CHARS = 32;
// Counting a new highlight's copies searches the whole page once; past this they are left uncounted (as before).
const COUNT_BUDGET_MS = 200;

/** Selectors for text[start, end) of an index, or null when nothing visible is in it. */
export function describeOffsets(index: TextIndex, p: PreparedText, start: number, end: number): Selectors | null {
  if (end <= start) return null;
  const exact = visibleSlice(index, start, end);
  // Nothing visible to highlight, and a lone space would match almost anywhere.
  if (normalizeText(exact).trim() === '') return null;
  // Context is cut from the normalized text, so 32 characters are 32 visible characters even on
  // pages whose markup indentation puts long whitespace runs into textContent.
  const ns = normStart(p, start);
  const ne = normEnd(p, end);
  const selectors: Selectors = [
    {
      type: 'TextQuoteSelector',
      exact,
      prefix: p.norm.slice(Math.max(0, ns - CONTEXT_CHARS), ns),
      suffix: p.norm.slice(ne, ne + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
  const block = commonBlock(index, start, end);
  if (block) {
    const from = elementStart(index, block) ?? 0;
    selectors.push({
      type: 'XPathSelector',
      value: xpathOf(block),
      refinedBy: { type: 'TextPositionSelector', start: Math.max(0, start - from), end: Math.max(0, end - from) },
    });
  }
  return selectors;
}

/**
 * Raw offset of an element's first character in the index (null when none of its text is indexed): where the stored
 * element path's offsets (`refinedBy`) count from, when they are written and when they are read back.
 */
export function elementStart(index: TextIndex, element: Element): number | null {
  const range = index.root.ownerDocument.createRange();
  range.selectNodeContents(element);
  return offsetsInIndex(index, range)?.start ?? null;
}

/** The block element holding both ends of text[start, end). */
export function commonBlock(index: TextIndex, start: number, end: number): Element | null {
  const first = nodeAt(index, start);
  const last = nodeAt(index, Math.max(start, end - 1));
  if (!first || !last) return null;
  const range = index.root.ownerDocument.createRange();
  range.setStart(first, 0);
  range.setEnd(last, 0);
  const block = blockOf(range.commonAncestorContainer);
  // Above the root the path would describe the page's frame, not the passage.
  return block && index.root.contains(block) ? block : index.root;
}

/**
 * Selectors for a reader's selection, with how many places on the page its quote and context could be taken for:
 * re-attaching a passage that was not unique needs more than its text once one of those places is gone.
 */
export function describeRange(root: Element, range: Range): Selectors | null {
  const index = buildTextIndex(root);
  const offsets = offsetsInIndex(index, range);
  if (!offsets) return null;
  const p = prepareText(index.text, index.hidden);
  const selectors = describeOffsets(index, p, offsets.start, offsets.end);
  if (!selectors) return null;
  const own = { ns: normStart(p, offsets.start), ne: normEnd(p, offsets.end) };
  const counted = describeCopies(p, selectors[0], performance.now() + COUNT_BUDGET_MS, own);
  if (counted) {
    selectors[0].copies = counted.copies;
    selectors[0].places = counted.places;
    if (counted.nearestCopy !== undefined) selectors[0].nearestCopy = counted.nearestCopy;
  }
  return selectors;
}
