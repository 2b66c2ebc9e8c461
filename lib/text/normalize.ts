// One normalization for article text and topic terms, so a word typed one way finds it written another way,
// with an offset map back to the original so every match can be highlighted exactly (the rules: README's Topics section).

export interface NormalizedText {
  text: string;
  /** offsets[i] = index in the original of normalized char i; offsets[text.length] = original.length */
  offsets: Int32Array;
}

const MARK = /\p{M}/u;
const LATIN = /\p{Script=Latin}/u;
// Lazily filled: 0 = not looked up yet, 1 = combining mark, 2 = anything else (BMP only; astral marks are rare).
const markTable = new Uint8Array(0x10000);

function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x10000) return MARK.test(String.fromCodePoint(cp));
  let kind = markTable[cp];
  if (kind === 0) {
    kind = MARK.test(String.fromCharCode(cp)) ? 1 : 2;
    markTable[cp] = kind;
  }
  return kind === 1;
}

// Per-character rewrites applied after NFKC, lower-casing and Latin diacritic stripping.
const CHAR_MAP = new Map<number, string>();
function mapChars(from: number[], to: string): void {
  for (const cp of from) CHAR_MAP.set(cp, to);
}
// Invisible format characters: they split words for no visible reason.
mapChars([0x00ad, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e], '');
mapChars([0x2066, 0x2067, 0x2068, 0x2069], '');
// Case folding that toLowerCase() leaves out, and Latin letters with no decomposition to strip.
mapChars([0x00df], 'ss');
mapChars([0x03c2], '\u03c3');
mapChars([0x0451], '\u0435');
mapChars([0x00e6], 'ae');
mapChars([0x0153], 'oe');
mapChars([0x00f8], 'o');
mapChars([0x0142], 'l');
mapChars([0x0111], 'd');
mapChars([0x0127], 'h');
// Typographic apostrophes: "l’Ukraine" and "l'Ukraine" are the same word.
mapChars([0x2019, 0x2018, 0x02bc], "'");
// Arabic, as Lucene's ArabicNormalizer: tashkeel and tatweel go, letter variants merge.
for (let cp = 0x064b; cp <= 0x065f; cp++) CHAR_MAP.set(cp, '');
mapChars([0x0670, 0x0640], '');
mapChars([0x0623, 0x0625, 0x0622, 0x0671], '\u0627');
mapChars([0x0649, 0x06cc], '\u064a');
mapChars([0x0629], '\u0647');
mapChars([0x06a9], '\u0643');
for (let d = 0; d < 10; d++) {
  CHAR_MAP.set(0x0660 + d, String(d));
  CHAR_MAP.set(0x06f0 + d, String(d));
}

/** Normalizes one base character with the combining marks that follow it. */
function normalizeUnit(unit: string): string {
  const decomposed = unit.normalize('NFKC').toLowerCase().normalize('NFD');
  let stripped = '';
  let latinBase = false;
  for (const ch of decomposed) {
    const cp = ch.codePointAt(0) as number;
    // Only Latin loses its diacritics: stripping every mark would break Devanagari, Thai, Hebrew and Cyrillic й.
    if (latinBase && cp >= 0x300 && cp <= 0x36f) continue;
    if (!isMark(cp)) latinBase = LATIN.test(ch);
    stripped += ch;
  }
  let out = '';
  for (const ch of stripped.normalize('NFC')) {
    const mapped = CHAR_MAP.get(ch.codePointAt(0) as number);
    out += mapped ?? ch;
  }
  return out;
}

const codePointCache = new Map<number, string>();
const unitCache = new Map<string, string>();
const UNIT_CACHE_LIMIT = 20_000;

function normalizeCodePoint(cp: number): string {
  let out = codePointCache.get(cp);
  if (out === undefined) {
    out = normalizeUnit(String.fromCodePoint(cp));
    codePointCache.set(cp, out);
  }
  return out;
}

function normalizeCachedUnit(unit: string): string {
  let out = unitCache.get(unit);
  if (out === undefined) {
    out = normalizeUnit(unit);
    if (unitCache.size >= UNIT_CACHE_LIMIT) unitCache.clear();
    unitCache.set(unit, out);
  }
  return out;
}

/**
 * Normalizes text unit by unit (a base character and its combining marks), so each normalized character maps back
 * to the unit it came from. Runs of characters that normalize to themselves (after ASCII lower-casing) are copied
 * in one slice: that is most of any page.
 */
export function normalizeWithOffsets(original: string): NormalizedText {
  const map = new OffsetMap(original.length + 16);
  const text = normalize(original, map);
  return { text, offsets: map.finish(original.length) };
}

/** The text normalizeWithOffsets gives, without its offset map (cheaper when only the text is read). */
export function normalizeText(original: string): string {
  return normalize(original, undefined);
}

/** The same rules as normalizeWithOffsets, for a query term (no offset map). */
export function normalizeTerm(term: string): string {
  let ascii = true;
  for (let i = 0; i < term.length && ascii; i++) ascii = term.charCodeAt(i) < 0x80;
  // ASCII normalizes to its lower case: no compatibility forms, marks or rewrites apply.
  return ascii ? term.toLowerCase() : normalize(term, undefined);
}

/** The offset map as it is filled, growing when a character expands (ﷺ becomes 18 characters). */
class OffsetMap {
  private values: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }

  /** `count` normalized characters from original index `source`: each its own source, or all from that one. */
  add(count: number, source: number, sequential: boolean): void {
    if (this.length + count + 1 > this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, this.length + count + 16));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    for (let k = 0; k < count; k++) this.values[this.length++] = sequential ? source + k : source;
  }

  finish(originalLength: number): Int32Array {
    this.values[this.length] = originalLength;
    return this.values.subarray(0, this.length + 1);
  }
}

function normalize(original: string, map: OffsetMap | undefined): string {
  const n = original.length;
  let text = '';
  let runStart = 0;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (
      c < 0x80 &&
      !(i + 1 < n && original.charCodeAt(i + 1) >= 0x300 && isMark(original.codePointAt(i + 1) as number))
    ) {
      i++;
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    let j = i + size;
    while (j < n) {
      const next = original.codePointAt(j) as number;
      if (!isMark(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    const single = j === i + size;
    const out = single ? normalizeCodePoint(cp) : normalizeCachedUnit(original.slice(i, j));
    // Identity: the unit can stay in the current run (its toLowerCase() is itself).
    if (single && size === 1 ? out.length === 1 && out.charCodeAt(0) === c : out === original.slice(i, j)) {
      i = j;
      continue;
    }
    if (i > runStart) {
      text += original.slice(runStart, i).toLowerCase();
      map?.add(i - runStart, runStart, true);
    }
    text += out;
    map?.add(out.length, i, false);
    i = j;
    runStart = j;
  }
  if (n > runStart) {
    text += runStart === 0 ? original.toLowerCase() : original.slice(runStart).toLowerCase();
    map?.add(n - runStart, runStart, true);
  }
  return text;
}

/**
 * Original end offset of a normalized range ending at `end` (exclusive): the end of the unit that produced
 * normalized char end-1, even when that unit expanded into several chars (ß → ss).
 */
export function originalEnd(offsets: Int32Array, end: number): number {
  if (end <= 0) return offsets[0];
  const last = offsets[end - 1];
  let k = end;
  while (k < offsets.length - 1 && offsets[k] === last) k++;
  return offsets[k];
}
