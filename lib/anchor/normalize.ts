// A whitespace- and invisible-insensitive view of a text with a map back to raw offsets, so quotes
// still match after a page re-flows its whitespace or adds/drops bidi marks (common on Arabic sites).

export interface PreparedText {
  readonly raw: string;
  /** Whitespace runs collapsed to one U+0020, invisible format characters removed. */
  readonly norm: string;
  /** Raw offset where norm[i] begins. Strictly increasing. */
  readonly starts: Int32Array;
  /** Raw offset just past norm[i]'s raw span (a collapsed space spans its whole run). Strictly increasing. */
  readonly ends: Int32Array;
}

// Same set as JavaScript's \s, minus U+FEFF which is treated as invisible below.
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

// Characters that sites insert or strip without changing what the reader sees as the words:
// soft hyphen, Arabic letter mark, tatweel (kashida), zero-width and bidi controls, word joiner, BOM.
function isInvisible(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x061c ||
    c === 0x0640 ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/**
 * `hidden` lists raw [start, end) pairs, ascending and disjoint, whose characters the reader never
 * sees (script and style text): they are dropped like invisible characters, so quotes and context
 * never match inside them while raw offsets still count them.
 */
export function prepareText(raw: string, hidden: readonly number[] = []): PreparedText {
  const n = raw.length;
  let nextHidden = 0;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  // The normalized string is assembled from slices of kept characters: far cheaper than
  // building it one character at a time on megabyte-sized pages.
  const parts: string[] = [];
  let keptFrom = 0; // start of the current run of characters copied unchanged
  let len = 0;
  let inSpace = false;
  for (let i = 0; i < n; i++) {
    if (nextHidden < hidden.length && i === hidden[nextHidden]) {
      const to = Math.min(n, hidden[nextHidden + 1]);
      nextHidden += 2;
      if (to > i) {
        if (keptFrom < i) parts.push(raw.slice(keptFrom, i));
        keptFrom = to;
        i = to - 1;
        continue;
      }
    }
    const c = raw.charCodeAt(i);
    // Fast path: printable ASCII, or a lone U+0020, is copied unchanged.
    const plain = c > 0x20 && c < 0x7f;
    if (plain || (c === 0x20 && !inSpace)) {
      inSpace = !plain;
      starts[len] = i;
      ends[len++] = i + 1;
      continue;
    }
    const space = isSpace(c);
    if (!space && !isInvisible(c)) {
      inSpace = false;
      starts[len] = i;
      ends[len++] = i + 1;
      continue;
    }
    // From here the character is dropped or replaced, so the unchanged run before it ends.
    if (keptFrom < i) parts.push(raw.slice(keptFrom, i));
    keptFrom = i + 1;
    if (!space) continue; // invisible: dropped, and does not end a whitespace run
    if (inSpace) {
      ends[len - 1] = i + 1;
      continue;
    }
    inSpace = true;
    parts.push(' ');
    starts[len] = i;
    ends[len++] = i + 1;
  }
  if (keptFrom < n) parts.push(raw.slice(keptFrom));
  return { raw, norm: parts.join(''), starts: starts.slice(0, len), ends: ends.slice(0, len) };
}

export function normalizeText(s: string): string {
  return prepareText(s).norm;
}

/** Index of the first normalized character that overlaps or follows raw offset `raw` (a range start). */
export function normStart(p: PreparedText, raw: number): number {
  let lo = 0;
  let hi = p.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.ends[mid] <= raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of normalized characters that begin before raw offset `raw` (a range end). */
export function normEnd(p: PreparedText, raw: number): number {
  let lo = 0;
  let hi = p.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.starts[mid] < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Raw offsets covered by normalized range [ns, ne), ne > ns. */
export function rawSpan(p: PreparedText, ns: number, ne: number): { start: number; end: number } {
  return { start: p.starts[ns], end: p.ends[ne - 1] };
}
