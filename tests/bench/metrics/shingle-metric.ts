// The extraction-dev corpus's own metric (scrapinghub/article-extraction-benchmark, evaluate.py), so that
// figures on it compare with the published table: 4-token shingles per page, corpus means of the page ratios.

/** Per page, normalised so that the three sum to 1 (a long page weighs no more than a short one). */
export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ShingleScore {
  precision: number;
  recall: number;
  f1: number;
}

const SHINGLE_TOKENS = 4;

/**
 * Python's `re.findall(r'\w+', text)` on a str: Python's `\w` is exactly the Unicode letters, numbers and
 * underscore (checked over every code point assigned in Python 3.11's Unicode 14), case kept; combining
 * marks are not word characters, so they split tokens as they do there.
 */
export function shingleTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/**
 * Every window of 4 consecutive tokens, counted; a text of 1–3 tokens is one shorter shingle, and a text
 * without tokens has none.
 */
export function shingles(text: string): Map<string, number> {
  const tokens = shingleTokens(text);
  const counts = new Map<string, number>();
  const windows = Math.max(1, tokens.length - SHINGLE_TOKENS + 1);
  for (let i = 0; i < windows; i++) {
    const shingle = tokens.slice(i, i + SHINGLE_TOKENS);
    if (shingle.length === 0) continue;
    // A separator no token can contain, so two different token sequences never share a key.
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page: shingles both texts share (TP), only the prediction has (FP), only the truth has (FN). */
export function scoreShingles(truth: string, predicted: string): ShingleCounts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function pagePrecision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/**
 * The corpus: precision is the mean over pages that predicted something (TP+FP > 0), recall the mean over
 * pages whose truth has shingles (TP+FN > 0), and F1 the harmonic mean of those two means, not a mean of
 * per-page F1. A page with no output therefore lowers recall only.
 */
export function corpusShingleScore(pages: readonly ShingleCounts[]): ShingleScore {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(pageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
