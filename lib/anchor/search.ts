// The approximate search behind re-attachment: every place where a pattern occurs with at most k
// edits, as match ends with their error counts. Kept behind a small interface so a benchmark can
// run the same anchoring with another implementation (approx-string-match) in the same run.

import { compilePattern, searchApprox } from './approx';

export interface ApproxEnd {
  /** Offset just past the match. */
  end: number;
  errors: number;
}

/**
 * Ends of approximate occurrences of `pattern` in `text` with at most `maxErrors` edits, one per
 * occurrence; null when `deadline` (performance.now() time) passed first.
 */
export type ApproxSearch = (text: string, pattern: string, maxErrors: number, deadline: number) => ApproxEnd[] | null;

/**
 * Consecutive ends belong to one occurrence: keeps each run's least-error end (the later one on
 * ties, so a trailing edited character stays inside the match). Periodic text yields endless runs;
 * splitting every `patternLength` ends keeps distinct occurrences apart.
 */
export function collapseRuns(ends: Iterable<ApproxEnd>, patternLength: number): ApproxEnd[] {
  const out: ApproxEnd[] = [];
  let runFirst = -1;
  let runLast = -2;
  let best: ApproxEnd = { end: 0, errors: 0 };
  for (const { end, errors } of ends) {
    if (end === runLast + 1 && end - runFirst < patternLength) {
      if (errors <= best.errors) best = { end, errors };
    } else {
      if (runLast >= 0) out.push(best);
      runFirst = end;
      best = { end, errors };
    }
    runLast = end;
  }
  if (runLast >= 0) out.push(best);
  return out;
}

/** Myers' bit-parallel search (approx.ts): reports every occurrence within the bound, not only the best ones. */
export const myersSearch: ApproxSearch = (text, pattern, maxErrors, deadline) => {
  const ends: ApproxEnd[] = [];
  const finished = searchApprox(
    text,
    compilePattern(pattern),
    maxErrors,
    (end, errors) => ends.push({ end, errors }),
    deadline,
  );
  return finished ? collapseRuns(ends, pattern.length) : null;
};

// More regions around exact pieces than this: the whole text is searched at once.
const MAX_REGIONS = 32;

/**
 * Whether `pattern` occurs in `text` within `maxErrors` edits (false when the deadline passed), as a search of
 * the whole text would say, searching less of it: cut into maxErrors + 1 pieces, every such occurrence holds
 * one piece exactly (each edit breaks at most one), so only the text around exact occurrences of a piece, found
 * natively, needs the approximate search. Most "is it still around here" checks find no piece at all.
 */
export function occurs(
  search: ApproxSearch,
  text: string,
  pattern: string,
  maxErrors: number,
  deadline: number,
): boolean {
  const m = pattern.length;
  const k = maxErrors;
  const pieces = k + 1;
  // No pieces to cut (or fewer letters than pieces): the whole text is searched.
  if (k < 0 || m === 0 || pieces > m) return !!search(text, pattern, k, deadline)?.length;
  // An occurrence holding piece [o, o + l) at text offset x starts within k of x - o and is at most m + k long.
  const regions: [number, number][] = [];
  for (let i = 0; i < pieces; i++) {
    const o = Math.floor((i * m) / pieces);
    const piece = pattern.slice(o, Math.floor(((i + 1) * m) / pieces));
    for (let x = text.indexOf(piece); x !== -1; x = text.indexOf(piece, x + 1)) {
      if (regions.length === MAX_REGIONS) return !!search(text, pattern, k, deadline)?.length;
      regions.push([Math.max(0, x - o - k), Math.min(text.length, x - o + m + 2 * k)]);
    }
  }
  regions.sort((a, b) => a[0] - b[0]);
  for (let r = 0; r < regions.length;) {
    const start = regions[r++][0];
    let end = regions[r - 1][1];
    while (r < regions.length && regions[r][0] <= end) end = Math.max(end, regions[r++][1]);
    if (search(text.slice(start, end), pattern, k, deadline)?.length) return true;
  }
  return false;
}
