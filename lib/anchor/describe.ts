// Turns a reader's selection into selectors that can find it again: a position for the unchanged
// page and a quote with 32 characters of context either side for when the page has changed.

import { normEnd, normStart, normalizeText, prepareText } from './normalize';
import { buildTextIndex, offsetsInIndex } from './text-range';
import type { Selectors } from './types';

const CONTEXT_CHARS = 32;

export function describeRange(root: Element, range: Range): Selectors | null {
  const index = buildTextIndex(root);
  const offsets = offsetsInIndex(index, range);
  if (!offsets || offsets.start === offsets.end) return null;
  const { start, end } = offsets;
  const exact = index.text.slice(start, end);
  // Nothing visible to highlight, and a lone space would match almost anywhere.
  if (normalizeText(exact).trim() === '') return null;
  const p = prepareText(index.text);
  // Context is cut from the normalized text, so 32 characters are 32 visible characters even on
  // pages whose markup indentation puts long whitespace runs into textContent.
  const ns = normStart(p, start);
  const ne = normEnd(p, end);
  return [
    {
      type: 'TextQuoteSelector',
      exact,
      prefix: p.norm.slice(Math.max(0, ns - CONTEXT_CHARS), ns),
      suffix: p.norm.slice(ne, ne + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
