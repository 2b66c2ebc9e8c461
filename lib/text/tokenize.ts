// Splits text into normalized words with their place in the original text: the units topics are matched on.
// Chinese, Japanese and Thai become one token per character, because browsers' segmenters disagree on their words.
import { normalizeWithOffsets, originalEnd } from './normalize';

export interface Token {
  text: string;
  /** start/end in the ORIGINAL string */
  start: number;
  end: number;
}

/** The matcher's view of a text: parallel arrays, cheaper than one object per word. */
export interface TokenStream {
  forms: string[];
  starts: number[];
  ends: number[];
  /** Word positions; they jump by PARAGRAPH_GAP between paragraphs so phrases and NEAR never reach across one. */
  positions: number[];
  /** Where each token starts in the normalized text, and the map back: locates a part of a token (بغزة → غزة). */
  normalizedStarts: number[];
  offsets: Int32Array;
}

export const PARAGRAPH_GAP = 64;
// Some engines segment very long strings slowly: long paragraphs are cut at a space near this length.
const MAX_CHUNK = 2000;

const CHAR_SCRIPTS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\u30fc';
const HAS_CHAR_SCRIPT = new RegExp(`[${CHAR_SCRIPTS}]`, 'u');
const CHAR_UNITS = new RegExp(`[${CHAR_SCRIPTS}]\\p{M}*`, 'gu');
const WORDISH = /[\p{L}\p{N}]/u;
// Letters and digits of alphabetic scripts: the segmenter never splits a run of them, so a term made of such words
// needs no segmenting (ideographs, kana, Hangul and South-East Asian scripts get split by character or dictionary).
const SIMPLE_WORD = /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*$/u;
const ALPHABETIC =
  /^[\p{sc=Latin}\p{sc=Cyrillic}\p{sc=Greek}\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Armenian}\p{sc=Georgian}\p{sc=Devanagari}\p{sc=Inherited}0-9]+$/u;

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}

/**
 * Builds the word segmenter ahead of use. Its first construction in a page costs 10–20 ms (ICU's break rules,
 * measured in Chromium), so callers on a page's main thread give it an idle period of its own.
 */
export function prepareTokenizer(): void {
  wordSegmenter();
}

/** True for a token made of one Chinese, Japanese or Thai character (they count as less than a word). */
export function isCharToken(form: string): boolean {
  return HAS_CHAR_SCRIPT.test(form);
}

function tokenizeNormalized(text: string, onToken: (start: number, end: number, newParagraph: boolean) => void): void {
  let newParagraph = false;
  const emit = (start: number, end: number) => {
    onToken(start, end, newParagraph);
    newParagraph = false;
  };
  const segmentRange = (start: number, end: number) => {
    if (end <= start) return;
    for (const seg of wordSegmenter().segment(text.slice(start, end))) {
      // isWordLike is not trusted alone: Firefox marks real words in some scripts as not word-like.
      if (seg.isWordLike || WORDISH.test(seg.segment)) emit(start + seg.index, start + seg.index + seg.segment.length);
    }
  };
  const chunk = (start: number, end: number) => {
    const piece = text.slice(start, end);
    if (!HAS_CHAR_SCRIPT.test(piece)) {
      segmentRange(start, end);
      return;
    }
    CHAR_UNITS.lastIndex = 0;
    let last = 0;
    for (let m = CHAR_UNITS.exec(piece); m !== null; m = CHAR_UNITS.exec(piece)) {
      segmentRange(start + last, start + m.index);
      emit(start + m.index, start + m.index + m[0].length);
      last = m.index + m[0].length;
    }
    segmentRange(start + last, end);
  };

  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let from = start;
    while (end - from > MAX_CHUNK) {
      const space = text.lastIndexOf(' ', from + MAX_CHUNK);
      const cut = space > from ? space : from + MAX_CHUNK;
      chunk(from, cut);
      from = cut;
    }
    chunk(from, end);
    newParagraph = true;
    start = end + 1;
  }
}

/** Tokens in the matcher's layout (see TokenStream). */
export function tokenizeStream(original: string): TokenStream {
  const { text, offsets } = normalizeWithOffsets(original);
  const stream: TokenStream = { forms: [], starts: [], ends: [], positions: [], normalizedStarts: [], offsets };
  let position = 0;
  tokenizeNormalized(text, (start, end, newParagraph) => {
    if (newParagraph && stream.forms.length > 0) position += PARAGRAPH_GAP;
    stream.forms.push(text.slice(start, end));
    stream.starts.push(offsets[start]);
    stream.ends.push(originalEnd(offsets, end));
    stream.positions.push(position++);
    stream.normalizedStarts.push(start);
  });
  return stream;
}

/** Normalized tokens with their start/end in the original string. */
export function tokenize(original: string): Token[] {
  const { forms, starts, ends } = tokenizeStream(original);
  return forms.map((text, i) => ({ text, start: starts[i], end: ends[i] }));
}

/** Normalized tokens of a query term, exactly as the same words would be tokenized in an article. */
export function tokenizeTerm(normalizedTerm: string): string[] {
  // Most terms are plain words separated by spaces, or Chinese/Japanese/Thai characters: skip the segmenter,
  // which would dominate compile time for a thousand topics and would cut such words nowhere else.
  if (isPlainWord(normalizedTerm)) return [normalizedTerm];
  const forms: string[] = [];
  for (const word of normalizedTerm.split(' ')) {
    if (word === '') continue;
    if (isPlainWord(word)) {
      forms.push(word);
      continue;
    }
    const units = word.match(CHAR_UNITS);
    if (units === null || units.join('') !== word) return segmentTerm(normalizedTerm);
    forms.push(...units);
  }
  return forms;
}

function isPlainWord(word: string): boolean {
  return SIMPLE_WORD.test(word) && ALPHABETIC.test(word);
}

function segmentTerm(normalizedTerm: string): string[] {
  const forms: string[] = [];
  tokenizeNormalized(normalizedTerm, (start, end) => forms.push(normalizedTerm.slice(start, end)));
  return forms;
}
