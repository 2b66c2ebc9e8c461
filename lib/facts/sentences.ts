// Splits article text into sentences with exact offsets, so a key fact can point back to its sentence and the page can mark it.
// Intl.Segmenter does the work per paragraph; a few repairs fix what it gets wrong in news text.

export interface Sentence {
  text: string;
  /** Offsets into the original text: text.slice(start, end) === sentence.text. */
  start: number;
  end: number;
}

// Words that end in a full stop but almost never end a sentence in news copy: titles before names.
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gen',
  'gov',
  'col',
  'lt',
  'capt',
  'sgt',
  'rev',
  'hon',
  'st',
  'mme',
  'mlle',
  'mm',
  'pr',
  'проф',
  'акад',
  'им',
  'ул',
  'пр',
]);
// Abbreviations that sit before a number ("No. 10", "Sept. 11", "p. 4"): repaired only when a digit follows.
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'art',
  'vol',
  'p',
  'pp',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

// V8's segmenter copies the whole input into every segment it returns, so its cost grows with the square of the
// string: paragraphs longer than this are cut (after a full stop when there is one) before segmenting.
const MAX_SEGMENTED = 2000;
const STOPS = new Set(['.', '!', '?', '؟', '۔', '。']);
const THAI = /[\u0E00-\u0E7F]/;
const WORDY = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const LINE_BREAKS = /[\n\r\u2028\u2029]/g;

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The primary language subtag ("ar" for "ar-EG"), or "" when absent or malformed. Sentence rules do not vary by
 * region, and keying the cache by subtag keeps it small whatever a page declares.
 */
export function primaryLanguage(lang: string | undefined): string {
  const primary = (lang ?? '').split(/[-_]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language || undefined, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

function isCasedLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

const WORD_STOP = /[\s([{«“"']/;

/** The last word of a piece, cut at whitespace or an opening bracket or quote: "و(د." gives "د.". */
function lastWord(piece: string): string {
  let end = piece.length;
  while (end > 0 && SPACE.test(piece[end - 1])) end--;
  let start = end;
  while (start > 0 && !WORD_STOP.test(piece[start - 1]) && end - start < 24) start--;
  return piece.slice(start, end);
}

// Languages that write ordinal numbers with a dot ("am 12. September", "12. listopadu"): a day or a rank, not an end.
const ORDINAL_DOT = new Set([
  'de',
  'pl',
  'cs',
  'sk',
  'hu',
  'fi',
  'da',
  'nb',
  'nn',
  'no',
  'tr',
  'hr',
  'sl',
  'sr',
  'bs',
  'lv',
  'lt',
  'et',
  'is',
]);
// "(AP) —", "(Reuters) -": a wire-service dateline, which follows a place abbreviation such as "Mich." or "Calif.".
const DATELINE = /^\([^()\n]{1,30}\)\s*[—–-]/u;
// "6:38 p.m. ET", "10 a.m. GMT": a time zone after a clock time continues the sentence.
const CLOCK = new Set(['a.m', 'p.m']);
const TIME_ZONE = /^\p{Lu}{2,4}\b/u;

/**
 * True when the segmenter's break after `piece` is wrong because its last word is an abbreviation: initials and
 * initialisms ("F.", "U.S.", "أ.ف.ب" in agency credits, "د." for Dr.), dotted words with no space after the dot
 * ("(ار.تي.ال)"), titles, number abbreviations followed by a digit, a place before a dateline, ordinal numbers where
 * a language dots them, and clock times before a time zone. Lower-case single letters in cased scripts ("г.", "p.")
 * are left alone: they end sentences too.
 */
function endsWithAbbreviation(piece: string, next: string, language: string): boolean {
  const word = lastWord(piece);
  if (!word.endsWith('.')) return false;
  if (!SPACE.test(piece[piece.length - 1] ?? ' ') && WORDY.test(next[0] ?? '')) return true;
  const body = word.slice(0, -1);
  const parts = body.split('.');
  if (parts.every((p) => [...p].length === 1 && WORDY.test(p) && !isCasedLower(p))) return true;
  const lower = body.toLowerCase();
  if (TITLES.has(lower) || DATELINE.test(next)) return true;
  if (ORDINAL_DOT.has(language) && /^\p{Nd}{1,2}$/u.test(body)) return !/^\s*\p{Nd}/u.test(next);
  if (CLOCK.has(lower)) return TIME_ZONE.test(next.trimStart());
  return BEFORE_NUMBER.has(lower) && /^\s*\p{Nd}/u.test(next);
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (end <= start) return;
  const piece = text.slice(start, end);
  if (WORDY.test(piece)) out.push({ text: piece, start, end });
}

/** Where to cut text[from, to) into pieces of at most MAX_SEGMENTED chars: after a full stop and a space if possible. */
function cutPoint(text: string, from: number, to: number, language: string): number {
  const limit = from + MAX_SEGMENTED;
  if (to <= limit) return to;
  let space = -1;
  for (let i = limit; i > from + MAX_SEGMENTED / 2; i--) {
    if (!SPACE.test(text[i])) continue;
    if (STOPS.has(text[i - 1]) && !endsWithAbbreviation(text.slice(i - 32, i), text.slice(i, i + 40), language))
      return i;
    if (space < 0) space = i;
  }
  return space > 0 ? space : limit;
}

function splitParagraph(text: string, from: number, to: number, language: string, out: Sentence[]): void {
  // Thai has no sentence punctuation and engines find no breaks (or bad ones): the paragraph is the unit.
  const thai = language ? language === 'th' : THAI.test(text.slice(from, to));
  if (thai) {
    pushTrimmed(out, text, from, to);
    return;
  }
  for (let start = from; start < to;) {
    const end = cutPoint(text, start, to, language);
    splitPiece(text, start, end, language, out);
    start = end;
  }
}

function splitPiece(text: string, from: number, to: number, language: string, out: Sentence[]): void {
  const paragraph = text.slice(from, to);
  const pieces = Array.from(segmenterFor(language).segment(paragraph), (s) => ({
    start: s.index,
    end: s.index + s.segment.length,
  }));
  let i = 0;
  while (i < pieces.length) {
    const start = pieces[i].start;
    let end = pieces[i].end;
    i++;
    while (i < pieces.length) {
      const next = paragraph.slice(pieces[i].start, pieces[i].end);
      // Only the tail is needed to see an abbreviation, which keeps long runs of repairs linear.
      const tail = paragraph.slice(Math.max(start, end - 32), end);
      const repair =
        endsWithAbbreviation(tail, next, language) ||
        // A piece with no letters or digits (a stray closing quote or bracket) belongs to the sentence before it.
        !WORDY.test(next);
      if (!repair) break;
      end = pieces[i].end;
      i++;
    }
    pushTrimmed(out, text, from + start, from + end);
  }
}

/**
 * Sentences of `text`, paragraph by paragraph (every line break ends a paragraph: flattened pages put captions and
 * headings on lines of their own). Each sentence is trimmed and keeps its offsets into `text`.
 */
export function splitSentences(text: string, lang?: string): Sentence[] {
  const language = primaryLanguage(lang);
  const out: Sentence[] = [];
  let from = 0;
  for (const lineBreak of text.matchAll(LINE_BREAKS)) {
    if (lineBreak.index > from) splitParagraph(text, from, lineBreak.index, language, out);
    from = lineBreak.index + 1;
  }
  if (text.length > from) splitParagraph(text, from, text.length, language, out);
  return out;
}
