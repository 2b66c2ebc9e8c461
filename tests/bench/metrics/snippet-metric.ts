// The extraction-snippets corpus's own metric (trafilatura's tests/eval_common.py and tests/evaluate.py):
// each page carries text that must be in the output ("with") and text that must not ("without").

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface SnippetScore {
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/**
 * Python's `re.sub(r"\s+", " ", s).strip()`: Python's whitespace, which is JavaScript's `\s` without U+FEFF
 * and with U+001C–U+001F and U+0085 (checked over every code point). Nothing else: case, Unicode forms and
 * punctuation stay as they are.
 */
const PYTHON_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export function normalizeSnippetText(text: string): string {
  return text.replace(PYTHON_SPACE, ' ').replace(/^ | $/g, '');
}

/**
 * One page. `output` null stands for an extractor that returned nothing or threw: every `with` snippet is then
 * missed and every `without` snippet rightly absent, which is also what an empty string scores.
 */
export function scoreSnippets(
  output: string | null,
  snippets: { with: readonly string[]; without: readonly string[] },
): SnippetCounts {
  if (output === null) return { tp: 0, fp: 0, fn: snippets.with.length, tn: snippets.without.length };
  const text = normalizeSnippetText(output);
  const found = (snippet: string) => text.includes(normalizeSnippetText(snippet));
  const tp = snippets.with.filter(found).length;
  const fp = snippets.without.filter(found).length;
  return { tp, fp, fn: snippets.with.length - tp, tn: snippets.without.length - fp };
}

/** Counts summed over every snippet of every page (a micro-average), then the ratios; 0 where one has no denominator. */
export function corpusSnippetScore(pages: readonly SnippetCounts[]): SnippetScore {
  const sum = pages.reduce((a, p) => ({ tp: a.tp + p.tp, fp: a.fp + p.fp, fn: a.fn + p.fn, tn: a.tn + p.tn }), {
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
  });
  const ratio = (num: number, den: number) => (den > 0 ? num / den : 0);
  return {
    precision: ratio(sum.tp, sum.tp + sum.fp),
    recall: ratio(sum.tp, sum.tp + sum.fn),
    accuracy: ratio(sum.tp + sum.tn, sum.tp + sum.tn + sum.fp + sum.fn),
    f1: ratio(2 * sum.tp, 2 * sum.tp + sum.fp + sum.fn),
  };
}
