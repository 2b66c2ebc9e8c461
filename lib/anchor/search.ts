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
