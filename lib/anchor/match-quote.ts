// Finds where a quoted passage now sits in a text, or says it cannot tell. Candidates come from exact
// occurrences and a bounded fuzzy search; the stored context decides between them: a candidate whose
// surrounding text disagrees is rejected, an edited passage is accepted only where both sides agree,
// and two acceptable candidates that neither the page structure nor the old position separates
// leave the passage unplaced, with the best one offered as "maybe here" rather than guessed.

import { MAX_NEAREST_COPY, MAX_QUOTE_COPIES } from '../limits';
import { alignAnchored, compilePattern, type CompiledPattern } from './approx';
import { normEnd, normStart, normalizeText, prepareText, rawSpan, type PreparedText } from './normalize';
import { myersSearch, occurs, type ApproxSearch } from './search';

export interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Places the quote with its context could be taken for when it was highlighted, itself included (describeCopies). */
  copies?: number;
  /**
   * Places the quote could be taken for were each at the old place (one intact side is enough there), itself included,
   * when it was highlighted (describeCopies).
   */
  places?: number;
  /** Normalized characters from the passage to the nearest other of those places when it was highlighted. */
  nearestCopy?: number;
}

export interface LocateOptions {
  /** Expected raw start offset (the old position). */
  hint?: number;
  /**
   * The old position moved as the passages before it did: an exact quote with intact context near it
   * is trusted without a fuzzy search, as near `hint` (it only saves time on long re-flowed pages).
   */
  movedHint?: number;
  /** performance.now() time after which the search gives up (unplaced). */
  deadline?: number;
  search?: ApproxSearch;
  /**
   * How well the element around raw [start, end) agrees with the stored one: 2 same path, 1 same
   * element names, 0 neither. Absent when nothing was stored.
   */
  structure?: (start: number, end: number) => number;
  /**
   * Whether raw [start, end) starts where the passage started inside its element when it was highlighted (the
   * stored element path's offsets). Absent when nothing was stored.
   */
  sameSpotInBlock?: (start: number, end: number) => boolean;
}

export type Located =
  | { placed: true; start: number; end: number; /** The text there differs from the quote. */ changed: boolean }
  | {
      placed: false;
      /** A candidate the reader may confirm. */
      maybe?: { start: number; end: number };
      /** The deadline passed before the search could decide: try again later. */
      outOfTime?: true;
    };

const OUT_OF_TIME = { placed: false, outOfTime: true } as const;

const CONTEXT_CHARS = 32;
// A side of context shorter than this says too little to vouch for a place on its own.
const MIN_SIDE = 8;
// A side agrees when at most this share of its characters needs editing; unrelated text of the
// same language needs more than half.
const SIDE_AGREES = 0.25;
// The characters right next to the quote must agree almost exactly: the same words a few
// characters away ("as well as", "Columbus beat" / "Carolina beat") only agree further out.
const INNER_CHARS = 8;
const INNER_ERRORS = 1;
// An edited passage must keep at least half of its characters, unless its context is intact.
const MAX_QUOTE_CHANGE = 0.5;
const INTACT_CONTEXT_ERRORS = 2;
// Up to this length a quote is searched together with its context, so a changed word in a short
// quote is found by the 64 characters around it; longer quotes carry enough text of their own.
const WINDOW_QUOTE_MAX = 96;
const WINDOW_ERRORS = 0.25;
const QUOTE_ERRORS = 0.2;
const MAX_QUOTE_ERRORS = 64;
const MAX_FUZZY_CANDIDATES = 12;
// Longer quotes are aligned with their context only up to this length, and fewer of them.
const WINDOW_ALIGN_MAX = 160;
const MAX_LONG_CANDIDATES = 10;
const MAX_EXACT_CANDIDATES = 5000;
// The old position separates two acceptable candidates only when one is much closer: a pull quote
// or a repeated sentence sits a paragraph away, an appended copy an article away.
const POSITION_MARGIN = 512;
// A passage at its old position is trusted without a search unless it recurs this close by.
const NEARBY = 2048;
// "At its old place": within a paragraph (and an ad put above it) of the old position, or of where the passages
// stored before it moved. Only there may the position vouch for a candidate the context alone does not settle.
const AT_OLD_PLACE = 640;
const DEADLINE_CHECK_EVERY = 256;
// How far the other side of a one-sided exact quote may have been pushed by inserted text (a paragraph or two, an ad).
const MOVED_CONTEXT = 1500;

export interface Candidate {
  /** Normalized offsets. */
  ns: number;
  ne: number;
  /** Edits between the quote and the text there; then between the stored prefix/suffix and the text around. */
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
  /** Edits in the few characters of each side right next to the quote. */
  prefixInnerErrors: number;
  suffixInnerErrors: number;
}

/** Everything needed to judge candidates for one quote, compiled once. */
class Judge {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly nearestCopy?: number;
  /** Raw characters nobody sees (invisibles, spaces) the quote starts or ends with, left out of the search. */
  readonly rawLead: number = 0;
  readonly rawTrail: number = 0;
  // Compiled on first use: an unchanged page is judged by plain string comparison alone.
  private patterns?: {
    prefix: CompiledPattern | null;
    suffix: CompiledPattern | null;
    prefixInner: CompiledPattern | null;
    suffixInner: CompiledPattern | null;
  };

  constructor(
    readonly p: PreparedText,
    quote: Quote,
    /** The old position, normalized. */
    readonly hint?: number,
    /** The old position moved as the passages stored before it did, normalized. */
    readonly moved?: number,
    /** Searched for: a space the quote's raw text does not start or end with is left out. */
    searched = true,
  ) {
    // A quote that starts or ends with an invisible character before a space (a tatweel, a bidi mark) would
    // otherwise take in the whole run of whitespace a page re-flowed there.
    let exact = normalizeText(quote.exact);
    if (searched && !/^\s/.test(quote.exact) && exact.startsWith(' ')) {
      exact = exact.trimStart();
      this.rawLead = LEADING_UNSEEN.exec(quote.exact)![0].length;
    }
    if (searched && !/\s$/.test(quote.exact) && exact.endsWith(' ')) {
      exact = exact.trimEnd();
      this.rawTrail = TRAILING_UNSEEN.exec(quote.exact)![0].length;
    }
    this.quote = exact;
    this.nearestCopy = typeof quote.nearestCopy === 'number' && quote.nearestCopy > 0 ? quote.nearestCopy : undefined;
    this.prefix = normalizeText(quote.prefix ?? '').slice(-CONTEXT_CHARS);
    this.suffix = normalizeText(quote.suffix ?? '').slice(0, CONTEXT_CHARS);
  }

  /** Whether a candidate sits at the old place, as stored or as moved with the passages before it. */
  atOldPlace(c: { ns: number }): boolean {
    return this.atStoredPlace(c) || (this.moved !== undefined && Math.abs(c.ns - this.moved) <= AT_OLD_PLACE);
  }

  /**
   * Whether a candidate sits at the old place as stored. Where the passages before it moved is no evidence for a
   * passage that lost a copy: a highlight placed on the next copy of a repeated block moves the old place of every
   * highlight after it onto the next copy too.
   */
  atStoredPlace(c: { ns: number }): boolean {
    return this.hint !== undefined && Math.abs(c.ns - this.hint) <= AT_OLD_PLACE;
  }

  /**
   * Whether a candidate is nearer the old place than half the way to the nearest other place the passage could be
   * taken for when it was highlighted: farther off, it may be that other place (the copy next to a deleted passage,
   * the next line of a list, a sentence the article prints twice in a row). True when nothing was stored.
   */
  nearerThanCopy(c: { ns: number }): boolean {
    const { nearestCopy } = this;
    if (nearestCopy === undefined || this.hint === undefined) return true;
    return 2 * Math.abs(c.ns - this.hint) < nearestCopy;
  }

  get hasContext(): boolean {
    return this.prefix.length + this.suffix.length > 0;
  }

  private compiled() {
    const { prefix, suffix } = this;
    return (this.patterns ??= {
      prefix: prefix ? compilePattern(prefix, true) : null,
      suffix: suffix ? compilePattern(suffix) : null,
      prefixInner: prefix ? compilePattern(prefix.slice(-INNER_CHARS), true) : null,
      suffixInner: suffix ? compilePattern(suffix.slice(0, INNER_CHARS)) : null,
    });
  }

  candidate(ns: number, ne: number, quoteErrors: number): Candidate {
    const { norm } = this.p;
    const { prefix, suffix } = this;
    const prefixIntact = norm.startsWith(prefix, ns - prefix.length) && ns >= prefix.length;
    const suffixIntact = norm.startsWith(suffix, ne);
    if (prefixIntact && suffixIntact)
      return { ns, ne, quoteErrors, prefixErrors: 0, suffixErrors: 0, prefixInnerErrors: 0, suffixInnerErrors: 0 };
    const pats = this.compiled();
    // Twice the length leaves room for inserted characters; longer runs only cost more edits.
    const align = (pat: CompiledPattern | null, at: number, direction: 1 | -1) =>
      pat ? alignAnchored(norm, at, direction, pat, 2 * pat.length).distance : 0;
    return {
      ns,
      ne,
      quoteErrors,
      prefixErrors: prefixIntact ? 0 : align(pats.prefix, ns, -1),
      suffixErrors: suffixIntact ? 0 : align(pats.suffix, ne, 1),
      prefixInnerErrors: prefixIntact ? 0 : align(pats.prefixInner, ns, -1),
      suffixInnerErrors: suffixIntact ? 0 : align(pats.suffixInner, ne, 1),
    };
  }

  prefixAgrees(c: Candidate): boolean {
    return c.prefixInnerErrors <= INNER_ERRORS && sideAgrees(this.prefix.length, c.prefixErrors, c.ns);
  }

  suffixAgrees(c: Candidate): boolean {
    return (
      c.suffixInnerErrors <= INNER_ERRORS && sideAgrees(this.suffix.length, c.suffixErrors, this.p.norm.length - c.ne)
    );
  }

  /**
   * Context decides: an exact quote needs one agreeing side, an edited one both, and either keeps
   * half its characters or sits between a prefix and suffix found intact (a reworded short quote).
   */
  accepts(c: Candidate, asIfAtOldPlace = false): boolean {
    if (c.ne <= c.ns || !this.keepsWordEdges(c)) return false;
    // Away from its old place a passage moved with the text around it, which stays as it was: context that
    // agrees only roughly there is a reworded repeat (a story the page prints twice, the next line of a list).
    const atOldPlace = asIfAtOldPlace || this.atOldPlace(c);
    const before = this.prefixAgrees(c);
    const after = this.suffixAgrees(c);
    if (this.hint !== undefined && !atOldPlace && before && after && !this.intactContext(c)) return false;
    if (c.quoteErrors === 0) {
      if (before && after) return true;
      if (!before && !after) return false;
      // Text put in or deleted beside the passage leaves the other side as it was: a side that agrees only roughly
      // is a reworded repeat (the same question in the next interview, the next line of a list).
      if (!this.intactSide(c, before)) return false;
      // Near its old place that is the likelier story; elsewhere the other side's words must still be nearby.
      if (atOldPlace) return true;
      return before ? this.suffixMovedAway(c) : this.prefixMovedAway(c);
    }
    if (!before || !after) return false;
    const m = this.quote.length;
    if (c.quoteErrors <= MAX_QUOTE_CHANGE * m) return true;
    const intact = c.prefixErrors + c.suffixErrors <= INTACT_CONTEXT_ERRORS;
    return intact && this.prefix.length >= MIN_SIDE && this.suffix.length >= MIN_SIDE && c.ne - c.ns >= m / 2;
  }

  /** Both sides need (almost) no edits. */
  intactContext(c: Candidate): boolean {
    return c.prefixErrors <= INTACT_CONTEXT_ERRORS && c.suffixErrors <= INTACT_CONTEXT_ERRORS;
  }

  /** The side that agrees needs (almost) no edits. */
  intactSide(c: Candidate, prefixAgrees: boolean): boolean {
    return (prefixAgrees ? c.prefixErrors : c.suffixErrors) <= INTACT_CONTEXT_ERRORS;
  }

  /**
   * An exact quote with only one agreeing side is the passage itself only if text put in beside it explains the
   * other: that side's stored words are still there, a paragraph or two away. Otherwise it is a repeat of the
   * passage (a repeated line, a recipe's repeated measures) and the passage itself was deleted.
   */
  prefixMovedAway(c: Candidate): boolean {
    const { prefix } = this;
    if (prefix.length < MIN_SIDE) return true;
    const from = Math.max(0, c.ns - MOVED_CONTEXT - prefix.length);
    return nearby(this.p.norm.slice(from, c.ns), prefix);
  }

  suffixMovedAway(c: Candidate): boolean {
    const { suffix } = this;
    if (suffix.length < MIN_SIDE) return true;
    return nearby(this.p.norm.slice(c.ne, c.ne + MOVED_CONTEXT + suffix.length), suffix);
  }

  /**
   * Each side of the context is intact, or is another side's words pushed away by text put in beside the passage
   * (found intact nearby, and not as the context of another copy of the quote): a line of a list with the same words
   * but another next line (a recipe's "1 Red, 1 Yellow, 1 tsp" before another meal) is a copy, not the passage.
   */
  sidesExplained(c: Candidate): boolean {
    const { prefix, suffix, quote } = this;
    const { norm } = this.p;
    if (c.prefixErrors > INTACT_CONTEXT_ERRORS && prefix.length >= MIN_SIDE) {
      const from = Math.max(0, c.ns - MOVED_CONTEXT - prefix.length);
      if (!nearby(withoutCopies(norm.slice(from, c.ns), quote, prefix.length, -1), prefix)) return false;
    }
    if (c.suffixErrors > INTACT_CONTEXT_ERRORS && suffix.length >= MIN_SIDE) {
      const text = norm.slice(c.ne, c.ne + MOVED_CONTEXT + suffix.length);
      if (!nearby(withoutCopies(text, quote, suffix.length, 1), suffix)) return false;
    }
    return true;
  }

  /**
   * A quote selected from word edge to word edge is not found inside a word: after a deletion,
   * "a" must not turn up in "major" next door.
   */
  keepsWordEdges(c: { ns: number; ne: number }): boolean {
    const { norm } = this.p;
    const { quote, prefix, suffix } = this;
    const edgeAt = (text: string, i: number) => !isWord(text, i - 1) || !isWord(text, i);
    const startEdge = !isWord(prefix, prefix.length - 1) || !isWord(quote, 0);
    const endEdge = !isWord(quote, quote.length - 1) || !isWord(suffix, 0);
    return (!startEdge || edgeAt(norm, c.ns)) && (!endEdge || edgeAt(norm, c.ne));
  }

  /** Worth offering as "maybe here": most of the quote and half of one side of context. */
  plausible(c: Candidate): boolean {
    if (c.ne <= c.ns || c.quoteErrors > MAX_QUOTE_CHANGE * this.quote.length) return false;
    const half = (stored: number, errors: number) => stored >= MIN_SIDE && errors <= stored / 2;
    return half(this.prefix.length, c.prefixErrors) || half(this.suffix.length, c.suffixErrors);
  }

  /** 0..1 agreement of quote and context together. */
  agreement(c: Candidate): number {
    const total = this.quote.length + this.prefix.length + this.suffix.length;
    return 1 - (c.quoteErrors + c.prefixErrors + c.suffixErrors) / total;
  }
}

/**
 * Whether `side` occurs in `text` (almost) intact: text put in beside a passage leaves its other side's words as
 * they were, while a side that is there only roughly (its first or last word gone with a deleted sentence) is the
 * passage's neighbourhood after the passage itself went.
 */
function nearby(text: string, side: string): boolean {
  return occurs(myersSearch, text, side, INTACT_CONTEXT_ERRORS, Infinity);
}

/**
 * `text` with every copy of `quote` blanked out together with `side` characters after it (direction 1) or before it
 * (-1): what is left holds no copy's context.
 */
function withoutCopies(text: string, quote: string, side: number, direction: 1 | -1): string {
  let out = text;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    const from = direction === 1 ? i : Math.max(0, i - side);
    const to = direction === 1 ? Math.min(text.length, i + quote.length + side) : i + quote.length;
    out = out.slice(0, from) + '\u0000'.repeat(to - from) + out.slice(to);
  }
  return out;
}

/**
 * A side of stored context agrees when few edits turn it into the text beside the candidate. A
 * short stored side (the passage was near the start or end of the text) agrees only if the
 * candidate is as near that end now.
 */
function sideAgrees(stored: number, errors: number, available: number): boolean {
  if (stored >= MIN_SIDE) return errors <= SIDE_AGREES * stored;
  return available <= stored + 1 && errors <= Math.floor(SIDE_AGREES * stored);
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row.push(Math.min(prev[j - 1] + cost, prev[j] + 1, row[j - 1] + 1));
    }
    prev = row;
  }
  return prev[b.length];
}

// One alignment table reused across calls: fresh ones per candidate kept the garbage collector busy.
let table = new Int32Array(0);
function scratch(size: number): Int32Array {
  if (table.length < size) table = new Int32Array(Math.max(size, 2 * table.length));
  return table;
}

/**
 * Aligns `pattern` (prefix + quote + suffix) inside text[from, to) (free start and end) and returns
 * where the quote's rows [qStart, qEnd) fall in the text. Text inserted at a boundary stays outside
 * the quote.
 */
export function locateInWindow(
  text: string,
  from: number,
  to: number,
  pattern: string,
  qStart: number,
  qEnd: number,
): { ns: number; ne: number } {
  const rows = pattern.length;
  const cols = to - from;
  const w = cols + 1;
  const d = scratch((rows + 1) * w);
  d.fill(0, 0, w);
  const codes = new Int32Array(cols);
  for (let j = 0; j < cols; j++) codes[j] = text.charCodeAt(from + j);
  for (let i = 1; i <= rows; i++) {
    const row = i * w;
    const up = row - w;
    const pc = pattern.charCodeAt(i - 1);
    d[row] = i;
    for (let j = 1; j <= cols; j++) {
      const diag = d[up + j - 1] + (pc === codes[j - 1] ? 0 : 1);
      const del = d[up + j] + 1;
      const ins = d[row + j - 1] + 1;
      d[row + j] = diag < del ? (diag < ins ? diag : ins) : del < ins ? del : ins;
    }
  }
  const cost = (i: number, j: number) => (pattern.charCodeAt(i - 1) === codes[j - 1] ? 0 : 1);
  let j = 0;
  for (let c = 1; c <= cols; c++) if (d[rows * w + c] < d[rows * w + j]) j = c;
  let i = rows;
  let ns = -1;
  let ne = j;
  while (i > 0) {
    if (i === qEnd) ne = j; // lowered while moving left: ends as the row's leftmost column
    if (i === qStart && ns < 0) ns = j; // the first column met in this row is its rightmost
    const here = d[i * w + j];
    if (j > 0 && here === d[(i - 1) * w + j - 1] + cost(i, j)) {
      i--;
      j--;
    } else if (here === d[(i - 1) * w + j] + 1) i--;
    else j--;
  }
  if (ns < 0) ns = j; // an empty prefix: the quote starts where the alignment does
  return { ns: from + ns, ne: from + Math.max(ns, ne) };
}

/**
 * Whether the passage was cut out at its old place: its prefix now runs straight into its suffix
 * there. Then a copy of it far away (a repeated question, a repeated caption) is not where it went.
 */
function deletedAt(judge: Judge, hint: number, search: ApproxSearch, deadline: number): boolean {
  const { prefix, suffix } = judge;
  if (prefix.length < MIN_SIDE || suffix.length < MIN_SIDE) return false;
  const { norm } = judge.p;
  const from = Math.max(0, hint - NEARBY);
  const joined = prefix + suffix;
  // Fewer edits than the quote's own length: the passage itself, still there, would cost exactly that.
  const allowed = Math.min(Math.floor(SIDE_AGREES * joined.length), judge.quote.length - 1);
  if (allowed < 0) return false;
  return occurs(search, norm.slice(from, hint + NEARBY), joined, allowed, deadline);
}

/**
 * Where the passages stored before this one moved, the quote sitting there with its context intact and no other
 * copy of it nearby: that is the passage, as a passage at its old position is (stillAtPosition). A scan of the
 * whole page per highlight, to weigh copies far away against an old position every passage has moved from, is
 * what re-attaching on a long re-flowed page spent its time on.
 */
function aloneNearMoved(judge: Judge, moved: number): Candidate | null {
  const { norm } = judge.p;
  const q = judge.quote;
  const from = Math.max(0, moved - NEARBY);
  const around = norm.slice(from, moved + NEARBY + q.length);
  let found: Candidate | null = null;
  for (let at = around.indexOf(q); at !== -1; at = around.indexOf(q, at + 1)) {
    const i = from + at;
    if (!judge.keepsWordEdges({ ns: i, ne: i + q.length })) continue;
    if (found) return null;
    found = judge.candidate(i, i + q.length, 0);
  }
  if (!found || found.prefixErrors + found.suffixErrors > INTACT_CONTEXT_ERRORS) return null;
  return judge.prefixAgrees(found) && judge.suffixAgrees(found) ? found : null;
}

/** Candidates from exact occurrences of the quote; null if the deadline passed. */
function exactCandidates(judge: Judge, deadline: number): Candidate[] | null {
  const { norm } = judge.p;
  const q = judge.quote;
  const out: Candidate[] = [];
  for (let i = norm.indexOf(q); i !== -1 && out.length < MAX_EXACT_CANDIDATES; i = norm.indexOf(q, i + 1)) {
    if (out.length % DEADLINE_CHECK_EVERY === DEADLINE_CHECK_EVERY - 1 && performance.now() > deadline) return null;
    if (judge.keepsWordEdges({ ns: i, ne: i + q.length })) out.push(judge.candidate(i, i + q.length, 0));
  }
  return out;
}

/**
 * Candidates from a fuzzy search, of the quote with its context when short, of the quote alone
 * when long; each is then aligned with its context, which finds the quote's ends even when an
 * edited word sits at one of them.
 */
function fuzzyCandidates(
  judge: Judge,
  search: ApproxSearch,
  deadline: number,
  /** Search only norm[from, to): the neighbourhood of the old place. */
  within?: { from: number; to: number },
): Candidate[] | null {
  const { norm } = judge.p;
  const { quote: q, prefix, suffix } = judge;
  const m = q.length;
  const window = prefix + q + suffix;
  const short = m <= WINDOW_QUOTE_MAX && judge.hasContext;
  const k = short
    ? Math.floor(WINDOW_ERRORS * window.length)
    : Math.min(MAX_QUOTE_ERRORS, m - 1, Math.max(1, Math.floor(QUOTE_ERRORS * m)));
  const from = within?.from ?? 0;
  const ends = search(within ? norm.slice(from, within.to) : norm, short ? window : q, k, deadline);
  if (!ends) return null;
  for (const e of ends) e.end += from;
  ends.sort((a, b) => a.errors - b.errors);
  const out: Candidate[] = [];
  const reversed = m > WINDOW_ALIGN_MAX ? compilePattern(q, true) : null;
  for (const { end } of ends.slice(0, short ? MAX_FUZZY_CANDIDATES : MAX_LONG_CANDIDATES)) {
    if (performance.now() > deadline) return null;
    let ns: number;
    let ne: number;
    if (reversed) {
      // Too long to align with its context in reasonable time: the quote's own best alignment.
      const { length } = alignAnchored(norm, end, -1, reversed, m + k);
      [ns, ne] = [end - length, end];
    } else {
      const slack = short ? 0 : suffix.length + k;
      const from = Math.max(0, end - (short ? window.length : m + prefix.length) - k);
      ({ ns, ne } = locateInWindow(
        norm,
        from,
        Math.min(norm.length, end + slack),
        window,
        prefix.length,
        prefix.length + m,
      ));
    }
    [ns, ne] = snapToWords(norm, ns, ne, judge);
    if (ne > ns) out.push(judge.candidate(ns, ne, editDistance(q, norm.slice(ns, ne))));
  }
  return out;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWord = (s: string, i: number) => i >= 0 && i < s.length && WORD.test(s[i]);
const MAX_SNAP = 24;

/**
 * A quote the reader selected from word to word keeps whole words: an end that a fuzzy alignment
 * left inside a word (an edited word at the quote's edge) moves out to the word's edge.
 */
function snapToWords(norm: string, ns: number, ne: number, judge: Judge): [number, number] {
  const { quote, prefix, suffix } = judge;
  let s = ns;
  let e = ne;
  // An alignment may take in the space before or after the quote: a space the quote does not have is not its own.
  while (s < e && norm[s] === ' ' && quote[0] !== ' ') s++;
  while (e > s && norm[e - 1] === ' ' && quote[quote.length - 1] !== ' ') e--;
  ns = s;
  ne = e;
  if (isWord(quote, 0) && !isWord(prefix, prefix.length - 1) && isWord(norm, s - 1)) {
    let t = s;
    while (t > ns - MAX_SNAP && isWord(norm, t - 1)) t--;
    if (!isWord(norm, t - 1)) s = t;
  }
  if (isWord(quote, quote.length - 1) && !isWord(suffix, 0) && isWord(norm, e)) {
    let t = e;
    while (t < ne + MAX_SNAP && isWord(norm, t)) t++;
    if (!isWord(norm, t)) e = t;
  }
  return [s, e];
}

/** One candidate per place: of overlapping ones, the one that agrees best. */
function distinct(judge: Judge, candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => judge.agreement(b) - judge.agreement(a));
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.ns < k.ne && k.ns < c.ne)) kept.push(c);
  return kept;
}

/**
 * Picks among several acceptable candidates, or returns null when none stands out: the element
 * names around the passage first (a pull quote is not a paragraph), then the old position when
 * one candidate is still exactly there or much closer, then the exact element path.
 */
function decide(
  judge: Judge,
  accepted: Candidate[],
  hint: number | undefined,
  options: LocateOptions,
): Candidate | null {
  let pool = accepted;
  let paths: number[] | undefined;
  if (options.structure) {
    const agreement = pool.map((c) => {
      const { start, end } = rawSpan(judge.p, c.ns, c.ne);
      return options.structure!(start, end);
    });
    // Sibling counts shift whenever a paragraph is added, so first only element names count.
    const keep = agreement.map((a) => a >= 1 || Math.max(...agreement) < 1);
    pool = pool.filter((_, i) => keep[i]);
    paths = agreement.filter((_, i) => keep[i]);
    if (pool.length === 1) return pool[0];
  }
  if (hint !== undefined) {
    // Without the element path, a copy inserted above (a pull quote) sits exactly at the old
    // position with its context intact: there only a much closer candidate counts.
    // Exactly where it was, or where the passages before it moved it (text put in above): there with its context.
    const here = !paths
      ? []
      : pool.filter((c) => (c.ns === hint || c.ns === judge.moved) && judge.prefixAgrees(c) && judge.suffixAgrees(c));
    if (here.length === 1) return here[0];
    const distance = (c: Candidate) => Math.abs(c.ns - hint);
    const [first, second] = [...pool].sort((a, b) => distance(a) - distance(b));
    // Much closer, and at the old place: of two copies elsewhere (the passage itself deleted), neither is it.
    if (distance(second) >= 2 * distance(first) + POSITION_MARGIN && judge.atOldPlace(first)) return first;
  }
  const samePath = paths ? pool.filter((_, i) => paths[i] === 2) : [];
  return samePath.length === 1 ? samePath[0] : null;
}

// What normalizing leaves out or folds into one space: whitespace and the invisible characters normalize.ts drops.
const LEADING_UNSEEN = /^[\s\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/;
const TRAILING_UNSEEN = /[\s\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*$/;
const UNSEEN = /[\s\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * Raw offsets of a candidate, taking back in as many unseen characters as the quote's own raw text started or
 * ended with: its tatweel or bidi mark, not the whole run of whitespace a re-flowed page put before it.
 */
function toRaw(p: PreparedText, c: Candidate, judge: Judge): { start: number; end: number } {
  let { start, end } = rawSpan(p, c.ns, c.ne);
  for (let n = 0; n < judge.rawLead && start > 0 && UNSEEN.test(p.raw[start - 1]); n++) start--;
  for (let n = 0; n < judge.rawTrail && end < p.raw.length && UNSEEN.test(p.raw[end]); n++) end++;
  return { start, end };
}

/**
 * How many places the quote with its context could be taken for, judged by text alone (a judge without the old
 * position): its exact and fuzzy occurrences whose context would be accepted, one per place. Candidates already
 * found for the page are reused; the fuzzy search runs only when the exact ones do not reach `enough`. Null when
 * the deadline passed.
 */
function looseCopies(
  p: PreparedText,
  quote: Quote,
  search: ApproxSearch,
  deadline: number,
  known: { exact?: Candidate[]; fuzzy?: Candidate[] } = {},
  enough = Infinity,
  /** Count the places the quote could be taken for were each at the old place (Quote.places). */
  asIfAtOldPlace = false,
): number | null {
  const judge = new Judge(p, quote);
  if (judge.quote.length === 0) return 0;
  const count = (candidates: Candidate[]) =>
    distinct(
      judge,
      candidates.filter((c) => judge.accepts(c, asIfAtOldPlace)),
    ).length;
  const exact = known.exact ?? exactCandidates(judge, deadline);
  if (!exact) return null;
  const fromExact = count(exact);
  if (fromExact >= enough) return fromExact;
  const fuzzy = known.fuzzy ?? fuzzyCandidates(judge, search, deadline);
  return fuzzy && count([...exact, ...fuzzy]);
}

/**
 * Counted when a passage is highlighted, so re-attaching knows whether the text alone could tell it from another place:
 * how many places on the page the quote with its context could be taken for (`copies`), how many it could be taken for
 * were each at the passage's old place (`places`: there an exact quote with one intact side is enough, as after text
 * put in beside it), each itself included and up to MAX_QUOTE_COPIES, and how far away (normalized characters) the
 * nearest other of those places is (`nearestCopy`, absent when there is none). `own` is the passage's normalized span.
 * Undefined when the deadline passed.
 */
export function describeCopies(
  p: PreparedText,
  quote: Quote,
  deadline: number,
  own: { ns: number; ne: number },
): { copies: number; places: number; nearestCopy?: number } | undefined {
  const judge = new Judge(p, quote);
  if (judge.quote.length === 0) return { copies: 1, places: 1 };
  const exact = exactCandidates(judge, deadline);
  const fuzzy = exact && fuzzyCandidates(judge, myersSearch, deadline);
  if (!exact || !fuzzy) return undefined;
  const all = [...exact, ...fuzzy];
  const upTo = (n: number) => Math.max(1, Math.min(MAX_QUOTE_COPIES, n));
  const copies = upTo(
    distinct(
      judge,
      all.filter((c) => judge.accepts(c)),
    ).length,
  );
  const places = distinct(
    judge,
    all.filter((c) => judge.accepts(c, true)),
  );
  const others = places.filter((c) => !(c.ns < own.ne && own.ns < c.ne));
  if (!others.length) return { copies, places: upTo(places.length) };
  const nearest = Math.min(...others.map((c) => Math.abs(c.ns - own.ns)));
  return { copies, places: upTo(places.length), nearestCopy: Math.max(1, Math.min(MAX_NEAREST_COPY, nearest)) };
}

/**
 * Whether the quote still sits unchanged at its old raw offsets with agreeing context and no copy
 * of it nearby: then it is placed without a search.
 */
export function stillAtPosition(p: PreparedText, quote: Quote, start: number, end: number): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > p.raw.length)
    return false;
  const judge = new Judge(p, quote, undefined, undefined, false);
  const ns = normStart(p, start);
  const ne = normEnd(p, end);
  const q = judge.quote;
  if (q.length === 0 || ne - ns !== q.length || !p.norm.startsWith(q, ns)) return false;
  const c = judge.candidate(ns, ne, 0);
  if (!judge.prefixAgrees(c) || !judge.suffixAgrees(c)) return false;
  // Only the text around it is searched: a scan to either end of a long page, per highlight, is what costs.
  const from = Math.max(0, ns - NEARBY);
  const around = p.norm.slice(from, ne + NEARBY);
  return around.indexOf(q) === ns - from && around.indexOf(q, ns - from + 1) === -1;
}

/**
 * Locates a stored quote in a text (a string, or one prepared once with prepareText for many
 * quotes). Raw offsets in, raw offsets out.
 */
export function locateQuote(text: string | PreparedText, quote: Quote, options: LocateOptions = {}): Located {
  const p = typeof text === 'string' ? prepareText(text) : text;
  const hint =
    options.hint !== undefined && Number.isFinite(options.hint)
      ? normStart(p, Math.max(0, Math.min(p.raw.length, options.hint)))
      : undefined;
  const moved =
    hint !== undefined && options.movedHint !== undefined && Number.isFinite(options.movedHint)
      ? normStart(p, Math.max(0, Math.min(p.raw.length, options.movedHint)))
      : undefined;
  const judge = new Judge(p, quote, hint, moved);
  if (judge.quote.length === 0) return { placed: false };
  const deadline = options.deadline ?? Infinity;
  if (performance.now() > deadline) return OUT_OF_TIME;
  const search = options.search ?? myersSearch;
  // A quote that was not unique when highlighted, with fewer of its copies on the page now: the one that went may
  // be the highlighted one, and the text alone cannot tell which (a recipe's repeated line, an interview's repeated
  // question). Then only a candidate at the old place that also starts where the passage started inside its
  // element, with each side of its context intact or pushed away (sidesExplained), is placed; any other is offered as
  // "maybe here". Null when out of time. Copies are counted as stored: by `copies` (the text alone), and for newer
  // highlights also by `places` (one intact side, as at the old place: a sentence printed twice in a row, a paragraph
  // repeated further down under another lead-in); those also record how far the nearest copy was, and a candidate
  // half that far from the old place or more may be that copy slid into the gap (the previous item of a link list).
  const stored = quote.copies;
  const places = quote.places;
  const anotherCopy = (c: Candidate, known?: { exact?: Candidate[]; fuzzy?: Candidate[] }): boolean | null => {
    const notUnique = (n: number | undefined): n is number => n !== undefined && n >= 2;
    if ((!notUnique(stored) && !notUnique(places)) || hint === undefined) return false;
    if (judge.atStoredPlace(c) && judge.nearerThanCopy(c) && options.sameSpotInBlock && judge.sidesExplained(c)) {
      const { start, end } = toRaw(p, c, judge);
      if (options.sameSpotInBlock(start, end)) return false;
    }
    if (notUnique(stored)) {
      const want = Math.min(MAX_QUOTE_COPIES, stored);
      const now = looseCopies(p, quote, search, deadline, known, want);
      if (now === null || now < want) return now === null ? null : true;
    }
    if (notUnique(places)) {
      const want = Math.min(MAX_QUOTE_COPIES, places);
      const now = looseCopies(p, quote, search, deadline, known, want, true);
      if (now === null || now < want) return now === null ? null : true;
    }
    return false;
  };

  // Only when the page moved by more than the neighbourhood of the old position: a smaller shift may come from
  // a highlight placed on a repeat, and there the whole page's candidates, weighed against the old position, decide.
  // Or when the quote with its context was unique on the page when highlighted: then no repeat of it could have
  // moved the passages before it there, and a search of the whole page would only find text put in since.
  const unique = stored === 1;
  if (moved !== undefined && hint !== undefined && (unique || Math.abs(moved - hint) > NEARBY)) {
    const there = aloneNearMoved(judge, moved);
    if (there) {
      const lost = anotherCopy(there);
      if (lost === null) return OUT_OF_TIME;
      return lost
        ? { placed: false, maybe: toRaw(p, there, judge) }
        : { placed: true, ...toRaw(p, there, judge), changed: false };
    }
  }
  const exact = exactCandidates(judge, deadline);
  if (!exact) return OUT_OF_TIME;
  let candidates = exact;
  let wholePageFuzzy: Candidate[] | undefined;
  // The fuzzy search runs unless an exact occurrence agrees on both sides: an occurrence with
  // one agreeing side may be a copy elsewhere while the passage itself was edited.
  // Nor when that occurrence is away from the old place: it may be a repeat of the passage (a paragraph the
  // article prints twice) while the passage itself, at its old place, was edited.
  const intact = exact.filter(
    (c) => c.prefixErrors + c.suffixErrors <= INTACT_CONTEXT_ERRORS && judge.prefixAgrees(c) && judge.suffixAgrees(c),
  );
  const confident = intact.some((c) => hint === undefined || judge.atOldPlace(c));
  if (!confident) {
    // An intact copy close by but not at the old place: only an edited passage at the old place could beat it, so
    // only there is searched (a search of the whole of a long page per highlight is what costs).
    const around = [hint, moved].filter((x): x is number => x !== undefined);
    const close = intact.some((c) => around.some((at) => Math.abs(c.ns - at) <= NEARBY));
    const within = close
      ? {
          from: Math.max(0, Math.min(...around) - NEARBY),
          to: Math.min(p.norm.length, Math.max(...around) + NEARBY + judge.quote.length + judge.suffix.length),
        }
      : undefined;
    const fuzzy = fuzzyCandidates(judge, search, deadline, within);
    if (!fuzzy) return OUT_OF_TIME;
    if (!within) wholePageFuzzy = fuzzy;
    candidates = [...exact, ...fuzzy];
  }
  // Only what could be placed or offered is worth comparing place by place.
  candidates = distinct(
    judge,
    candidates.filter((c) => judge.accepts(c) || judge.plausible(c)),
  );
  const accepted = candidates.filter((c) => judge.accepts(c));
  let chosen = accepted.length === 1 ? accepted[0] : accepted.length ? decide(judge, accepted, hint, options) : null;
  if (chosen && hint !== undefined && Math.abs(chosen.ns - hint) > NEARBY && deletedAt(judge, hint, search, deadline))
    chosen = null;
  if (chosen) {
    const lost = anotherCopy(chosen, { exact, fuzzy: wholePageFuzzy });
    if (lost === null) return OUT_OF_TIME;
    if (lost) return { placed: false, maybe: toRaw(p, chosen, judge) };
  }
  if (chosen) return { placed: true, ...toRaw(p, chosen, judge), changed: chosen.quoteErrors > 0 };
  const offer = (accepted.length ? accepted : candidates).sort((a, b) => judge.agreement(b) - judge.agreement(a))[0];
  return offer ? { placed: false, maybe: toRaw(p, offer, judge) } : { placed: false };
}

/**
 * Finds a passage stored without context (a key-fact sentence): its exact text, else the closest
 * text within a tenth of its length in edits. Returns raw offsets or null.
 */
export function findPassage(
  text: string | PreparedText,
  passage: string,
  options: { deadline?: number; search?: ApproxSearch } = {},
): { start: number; end: number } | null {
  const p = typeof text === 'string' ? prepareText(text) : text;
  const q = normalizeText(passage);
  if (q.length === 0) return null;
  const at = p.norm.indexOf(q);
  if (at !== -1) return rawSpan(p, at, at + q.length);
  const k = Math.min(32, Math.floor(q.length / 10));
  if (k === 0) return null;
  const ends = (options.search ?? myersSearch)(p.norm, q, k, options.deadline ?? Infinity);
  const best = ends?.sort((a, b) => a.errors - b.errors)[0];
  if (!best) return null;
  const { length } = alignAnchored(p.norm, best.end, -1, compilePattern(q, true), q.length + k);
  return length > 0 ? rawSpan(p, best.end - length, best.end) : null;
}
