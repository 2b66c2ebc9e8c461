// A whitespace- and invisible-insensitive view of a text with a map back to raw offsets, so quotes
// still match after a page re-flows its whitespace or adds/drops bidi marks (common on Arabic sites).

export interface PreparedText {
  readonly raw: string;
  /** Whitespace runs collapsed to one U+0020, invisible format characters removed. */
  readonly norm: string;
  /**
   * The map back to raw offsets, as runs of normalized characters copied one for one from the raw text:
   * run k begins at norm[runNorm[k]], copied from raw[runRaw[k]]; its last character's raw span ends at
   * runEnd[k] (past a whole whitespace run for a collapsed space). A page's text has few such runs, so
   * preparing a megabyte page writes kilobytes, not two offsets per character.
   */
  readonly runNorm: Int32Array;
  readonly runRaw: Int32Array;
  readonly runEnd: Int32Array;
}

// Same set as JavaScript's \s, minus U+FEFF which is treated as invisible (dropped) below.
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

// Where normalizing has work to do: a run of whitespace (isSpace) and of the invisible characters it drops
// (soft hyphen, Arabic letter mark, tatweel, zero-width and bidi controls, word joiner, BOM: sites insert or
// strip them without changing the words), other than a lone plain space. Everything between two such runs
// is copied one for one, so the native regex engine, not a JS loop over each character, finds the few
// places a page's text needs more: a cold loop over a megabyte page cost tens of milliseconds.
const FOLDED_NOT_SPACE =
  '\\t-\\r\\u00A0\\u00AD\\u061C\\u0640\\u1680\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u2069\\u3000\\uFEFF';
const FOLDED_RUN = new RegExp(` [ ${FOLDED_NOT_SPACE}]+|[${FOLDED_NOT_SPACE}][ ${FOLDED_NOT_SPACE}]*`, 'g');
const FOLDED = new RegExp(`[ ${FOLDED_NOT_SPACE}]`);

/**
 * `hidden` lists raw [start, end) pairs, ascending and disjoint, whose characters the reader never
 * sees (script and style text): they are dropped like invisible characters, so quotes and context
 * never match inside them while raw offsets still count them.
 */
export function prepareText(raw: string, hidden: readonly number[] = []): PreparedText {
  const runNorm: number[] = [];
  const runRaw: number[] = [];
  const runEnd: number[] = [];
  const parts: string[] = [];
  let len = 0;
  // Whether the last visible character kept was a space: whitespace after it, even past hidden text, joins it.
  let inSpace = false;
  // Raw offset where the text still to copy begins, and where the stretch being replaced begins.
  let at = 0;
  let base = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    runNorm.push(len);
    runRaw.push(from);
    runEnd.push(to);
    len += to - from;
    inSpace = raw.charCodeAt(to - 1) === 0x20;
  };
  // A stretch of folded characters [from, to): invisibles dropped, whitespace one space spanning first to last.
  // Returns what it puts into the normalized text.
  const fold = (from: number, to: number): string => {
    let first = -1;
    let last = -1;
    for (let i = from; i < to; i++) {
      if (isSpace(raw.charCodeAt(i))) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return '';
    if (inSpace) {
      runEnd[runEnd.length - 1] = last + 1;
      return '';
    }
    runNorm.push(len);
    runRaw.push(first);
    runEnd.push(last + 1);
    len++;
    inSpace = true;
    return ' ';
  };
  // One folded run found by the regex engine: the text before it is copied as it is, the run folded.
  const onRun = (run: string, offset: number): string => {
    const start = base + offset;
    copy(at, start);
    at = start + run.length;
    return fold(start, at);
  };
  // A visible stretch is normalized by one native replace over it (the runs' offsets recorded on the way):
  // a JS loop around each regex match, and joining the copied pieces, cost more than the scan itself.
  const visible = (from: number, to: number) => {
    if (to <= from) return;
    // A lone space just past hidden text that followed a space is part of that space.
    if (inSpace && raw.charCodeAt(from) === 0x20 && !(from + 1 < to && FOLDED.test(raw[from + 1]))) fold(from, ++from);
    at = base = from;
    parts.push(raw.slice(from, to).replace(FOLDED_RUN, onRun));
    copy(at, to);
  };
  let from = 0;
  for (let h = 0; h + 1 < hidden.length; h += 2) {
    const hs = Math.min(raw.length, hidden[h]);
    visible(from, hs);
    from = Math.max(from, Math.min(raw.length, hidden[h + 1]));
  }
  visible(from, raw.length);
  return {
    raw,
    norm: parts.length === 1 ? parts[0] : parts.join(''),
    runNorm: Int32Array.from(runNorm),
    runRaw: Int32Array.from(runRaw),
    runEnd: Int32Array.from(runEnd),
  };
}

// The same runs, found without the global regex's state: most quotes and contexts have none to fold.
const HAS_FOLDED_RUN = new RegExp(FOLDED_RUN.source);

export function normalizeText(s: string): string {
  return HAS_FOLDED_RUN.test(s) ? prepareText(s).norm : s;
}

/** The normalized index just past run k. */
function runStop(p: PreparedText, k: number): number {
  return k + 1 < p.runNorm.length ? p.runNorm[k + 1] : p.norm.length;
}

/** The run holding normalized character i (0 ≤ i < norm.length). */
function runOf(p: PreparedText, i: number): number {
  let lo = 0;
  let hi = p.runNorm.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (p.runNorm[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Raw offset where norm[i] begins. Strictly increasing in i. */
export function rawStart(p: PreparedText, i: number): number {
  const k = runOf(p, i);
  return p.runRaw[k] + (i - p.runNorm[k]);
}

/** Raw offset just past norm[i]'s raw span (a collapsed space spans its whole run). Strictly increasing in i. */
export function rawEnd(p: PreparedText, i: number): number {
  const k = runOf(p, i);
  return i === runStop(p, k) - 1 ? p.runEnd[k] : p.runRaw[k] + (i - p.runNorm[k]) + 1;
}

/** Index of the first normalized character that overlaps or follows raw offset `raw` (a range start). */
export function normStart(p: PreparedText, raw: number): number {
  // The first run whose last character ends past `raw`; in it, the first character that does.
  let lo = 0;
  let hi = p.runEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.runEnd[mid] <= raw) lo = mid + 1;
    else hi = mid;
  }
  if (lo === p.runEnd.length) return p.norm.length;
  return Math.min(runStop(p, lo) - 1, p.runNorm[lo] + Math.max(0, raw - p.runRaw[lo]));
}

/** Number of normalized characters that begin before raw offset `raw` (a range end). */
export function normEnd(p: PreparedText, raw: number): number {
  // The last run that begins before `raw`; in it, the characters that do.
  let lo = 0;
  let hi = p.runRaw.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.runRaw[mid] < raw) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const k = lo - 1;
  return p.runNorm[k] + Math.min(runStop(p, k) - p.runNorm[k], raw - p.runRaw[k]);
}

/** Raw offsets covered by normalized range [ns, ne), ne > ns. */
export function rawSpan(p: PreparedText, ns: number, ne: number): { start: number; end: number } {
  return { start: rawStart(p, ns), end: rawEnd(p, ne - 1) };
}
