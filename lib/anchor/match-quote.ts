// Finds where a quoted passage now sits in a text: exact occurrences first, then a bounded fuzzy
// search, each candidate ranked by the quote, its surrounding context and closeness to the old position.

import { alignAnchored, compilePattern, searchApprox, type CompiledPattern } from './approx';
import { normEnd, normStart, normalizeText, prepareText, rawSpan, type PreparedText } from './normalize';

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: weighted agreement of quote, prefix, suffix and position. */
  score: number;
}

export interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface MatchQuoteOptions {
  /** Expected raw start offset (the old position); breaks ties between equal candidates. */
  hint?: number;
  /** Edits allowed in the fuzzy stage; default min(32, 10% of the quote's normalized length). */
  maxErrors?: number;
  /** performance.now() time after which the search gives up and returns null. */
  deadline?: number;
}

// Quote agreement dominates; context separates repeated passages; position only breaks ties.
const WEIGHT_QUOTE = 50;
const WEIGHT_PREFIX = 20;
const WEIGHT_SUFFIX = 20;
const WEIGHT_POSITION = 2;
// An exact occurrence whose context agrees at least this well is trusted without a fuzzy scan.
const CONFIDENT_CONTEXT = 0.8;
const CONTEXT_CHARS = 64;
// Each fuzzy candidate costs an O(m²/32) alignment; the best-looking ones are plenty.
const MAX_FUZZY_CANDIDATES = 50;
const DEADLINE_CHECK_EVERY = 256;

export function defaultMaxErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 10));
}

interface Candidate {
  ns: number;
  ne: number;
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  context: number;
}

/** Scores candidates in normalized coordinates; patterns are compiled once per quote. */
class Scorer {
  private readonly prefixPat: CompiledPattern | null;
  private readonly suffixPat: CompiledPattern | null;

  constructor(
    private readonly norm: string,
    private readonly quoteLength: number,
    prefix: string,
    suffix: string,
    private readonly hint: number | undefined,
  ) {
    this.prefixPat = prefix ? compilePattern(prefix, true) : null;
    this.suffixPat = suffix ? compilePattern(suffix) : null;
  }

  /** 0..1 agreement of the stored context with the text around [ns, ne); 1 when nothing was stored. */
  context(ns: number, ne: number): number {
    let sum = 0;
    let total = 0;
    if (this.prefixPat) {
      // Twice the length leaves room for inserted characters; longer runs only cost more edits.
      const d = alignAnchored(this.norm, ns, -1, this.prefixPat, 2 * this.prefixPat.length).distance;
      sum += WEIGHT_PREFIX * (1 - d / this.prefixPat.length);
      total += WEIGHT_PREFIX;
    }
    if (this.suffixPat) {
      const d = alignAnchored(this.norm, ne, 1, this.suffixPat, 2 * this.suffixPat.length).distance;
      sum += WEIGHT_SUFFIX * (1 - d / this.suffixPat.length);
      total += WEIGHT_SUFFIX;
    }
    return total === 0 ? 1 : sum / total;
  }

  score(c: Candidate): Scored {
    let sum = WEIGHT_QUOTE * (1 - c.errors / this.quoteLength);
    let total = WEIGHT_QUOTE;
    const context = this.context(c.ns, c.ne);
    const contextWeight = (this.prefixPat ? WEIGHT_PREFIX : 0) + (this.suffixPat ? WEIGHT_SUFFIX : 0);
    sum += contextWeight * context;
    total += contextWeight;
    if (this.hint !== undefined) {
      sum += WEIGHT_POSITION * (1 - Math.min(1, Math.abs(c.ns - this.hint) / Math.max(1, this.norm.length)));
      total += WEIGHT_POSITION;
    }
    return { ...c, score: sum / total, context };
  }

  distanceToHint(ns: number): number {
    return this.hint === undefined ? 0 : Math.abs(ns - this.hint);
  }
}

function better(a: Scored, b: Scored | null, scorer: Scorer): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return scorer.distanceToHint(a.ns) < scorer.distanceToHint(b.ns);
}

function toMatch(p: PreparedText, s: Scored): QuoteMatch {
  return { ...rawSpan(p, s.ns, s.ne), score: s.score };
}

/**
 * Locates `quote.exact` in `text` (a string, or one prepared once with prepareText for many
 * quotes). Returns raw offsets into the text, or null when nothing is within maxErrors or the
 * deadline passed. If it passes during the fuzzy stage, the best exact occurrence (if any) is kept.
 */
export function matchQuote(
  text: string | PreparedText,
  quote: Quote,
  options: MatchQuoteOptions = {},
): QuoteMatch | null {
  const p = typeof text === 'string' ? prepareText(text) : text;
  const { norm } = p;
  const exact = normalizeText(quote.exact);
  const m = exact.length;
  if (m === 0) return null;
  const deadline = options.deadline ?? Infinity;
  const expired = () => deadline !== Infinity && performance.now() > deadline;

  const hint =
    options.hint !== undefined && Number.isFinite(options.hint)
      ? normStart(p, Math.max(0, Math.min(p.raw.length, options.hint)))
      : undefined;
  const scorer = new Scorer(
    norm,
    m,
    normalizeText(quote.prefix ?? '').slice(-CONTEXT_CHARS),
    normalizeText(quote.suffix ?? '').slice(0, CONTEXT_CHARS),
    hint,
  );
  // Never as many errors as characters: the empty string would then "match" everywhere.
  const requested = options.maxErrors ?? defaultMaxErrors(m);
  const maxErrors = Math.max(0, Math.min(m - 1, Math.floor(Number.isFinite(requested) ? requested : 0)));

  let best: Scored | null = null;
  let seen = 0;
  for (let i = norm.indexOf(exact); i !== -1; i = norm.indexOf(exact, i + 1)) {
    if (++seen % DEADLINE_CHECK_EVERY === 0 && expired()) return null;
    const s = scorer.score({ ns: i, ne: i + m, errors: 0 });
    if (better(s, best, scorer)) best = s;
  }
  if (best && (maxErrors === 0 || best.context >= CONFIDENT_CONTEXT)) return toMatch(p, best);
  if (maxErrors === 0) return null;
  // If time runs out from here on, an exact occurrence (even with poor context) beats an orphan.
  const exactBest = best;
  const giveUp = () => (exactBest ? toMatch(p, exactBest) : null);
  if (expired()) return giveUp();

  // Fuzzy stage. Each run of consecutive match ends marks one occurrence; keep its least-error end
  // (the later one on ties, so a trailing edited character stays inside the match).
  const ends: { end: number; errors: number }[] = [];
  let runFirst = -1;
  let runLast = -2;
  let runBest = { end: 0, errors: 0 };
  const finished = searchApprox(
    norm,
    compilePattern(exact),
    maxErrors,
    (end, errors) => {
      // Periodic text yields endless runs; splitting every m ends keeps distinct occurrences apart.
      if (end === runLast + 1 && end - runFirst < m) {
        if (errors <= runBest.errors) runBest = { end, errors };
      } else {
        if (runLast >= 0) ends.push(runBest);
        runFirst = end;
        runBest = { end, errors };
      }
      runLast = end;
    },
    deadline,
  );
  if (!finished) return giveUp();
  if (runLast >= 0) ends.push(runBest);

  const hintEnd = hint === undefined ? 0 : hint + m;
  ends.sort((a, b) => a.errors - b.errors || Math.abs(a.end - hintEnd) - Math.abs(b.end - hintEnd));
  const reversedQuote = compilePattern(exact, true);
  for (const { end, errors } of ends.slice(0, MAX_FUZZY_CANDIDATES)) {
    if (expired()) return giveUp();
    const { length } = alignAnchored(norm, end, -1, reversedQuote, m + maxErrors);
    if (length === 0) continue;
    const s = scorer.score({ ns: end - length, ne: end, errors });
    if (better(s, best, scorer)) best = s;
  }
  return best ? toMatch(p, best) : null;
}

/** 0..1 agreement between a quote's stored prefix/suffix and the text around raw [start, end). */
export function contextAgreement(p: PreparedText, quote: Quote, start: number, end: number): number {
  const scorer = new Scorer(
    p.norm,
    1,
    normalizeText(quote.prefix ?? '').slice(-CONTEXT_CHARS),
    normalizeText(quote.suffix ?? '').slice(0, CONTEXT_CHARS),
    undefined,
  );
  return scorer.context(normStart(p, start), normEnd(p, end));
}
