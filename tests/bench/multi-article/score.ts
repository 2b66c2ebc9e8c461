// The multi-article score: a page succeeds when every full article is returned once, separately, under its own
// title, with a body whose token F1 against its truth is at least 0.8, the page's own article first, and nothing
// else (no teaser, no fragment) returned. Failures are named, so a style's misses can be told apart.

export const BODY_F1 = 0.8;

export interface ExtractedLike {
  title: string;
  text: string;
  url: string;
}

export interface TruthArticle {
  title: string;
  text: string;
  url: string | null;
}

export type Failure =
  | 'threw'
  | 'own article not first'
  | 'article missing'
  | 'article returned twice'
  | 'body under another title'
  | 'wrong title'
  | 'teaser returned'
  | 'extra output';

export interface PageScore {
  success: boolean;
  failures: Failure[];
  /** Per truth article, the best body F1 of any returned article (0 when none). */
  bestF1: number[];
  /** Appended articles with a declared address: how many were returned under that address. */
  addressesDeclared: number;
  addressesKept: number;
}

/** Word tokens (Unicode letters, digits, underscore), case-folded. */
export function bodyTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) as string[];
}

/** Token F1 of two texts as bags of words. */
export function tokenF1(truth: string, predicted: string): number {
  const t = bodyTokens(truth);
  const p = bodyTokens(predicted);
  if (t.length === 0 || p.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of t) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of p) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  if (shared === 0) return 0;
  const precision = shared / p.length;
  const recall = shared / t.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Titles compared as their words: case, punctuation and spacing aside. */
export function sameTitle(a: string, b: string): boolean {
  const x = bodyTokens(a).join(' ');
  return x.length > 0 && x === bodyTokens(b).join(' ');
}

/** Addresses compared without tracking parameters' noise: scheme, host, path, query; no fragment. */
function sameAddress(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const key = (u: URL) => `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    return key(x) === key(y);
  } catch {
    return false;
  }
}

export function scorePage(
  extracted: readonly ExtractedLike[] | null,
  truth: readonly TruthArticle[],
  teaserTitles: readonly string[],
): PageScore {
  const declared = truth.slice(1).filter((t) => t.url !== null);
  if (extracted === null) {
    return {
      success: false,
      failures: ['threw'],
      bestF1: truth.map(() => 0),
      addressesDeclared: declared.length,
      addressesKept: 0,
    };
  }
  const failures = new Set<Failure>();
  const bestF1 = truth.map(() => 0);
  const matchedBy = truth.map(() => 0);
  let addressesKept = 0;
  extracted.forEach((article, i) => {
    const f1s = truth.map((t) => tokenF1(t.text, article.text));
    f1s.forEach((f, j) => (bestF1[j] = Math.max(bestF1[j]!, f)));
    const best = f1s.indexOf(Math.max(...f1s));
    if (f1s[best]! >= BODY_F1) {
      matchedBy[best]!++;
      if (i === 0 && best !== 0) failures.add('own article not first');
      if (!sameTitle(article.title, truth[best]!.title)) {
        failures.add(
          truth.some((t, j) => j !== best && sameTitle(article.title, t.title))
            ? 'body under another title'
            : 'wrong title',
        );
      }
      const url = truth[best]!.url;
      if (best > 0 && url !== null && sameAddress(article.url, url)) addressesKept++;
      return;
    }
    if (i === 0) failures.add('own article not first');
    failures.add(teaserTitles.some((t) => sameTitle(article.title, t)) ? 'teaser returned' : 'extra output');
  });
  matchedBy.forEach((n) => {
    if (n === 0) failures.add('article missing');
    if (n > 1) failures.add('article returned twice');
  });
  return {
    success: failures.size === 0,
    failures: [...failures],
    bestF1,
    addressesDeclared: declared.length,
    addressesKept,
  };
}
