// Where a mention stands in an article, read from its words and the punctuation between them: its paragraph and
// sentence, and whether it is a dateline, an agency credit or an attribution ("told Reuters", «واس - الرياض»,
// «حسب صحيفة …») rather than something the article talks about. Computed only for articles with a candidate topic.
import type { TokenStream } from '../text/tokenize';

/** Words that, just before a name, make it the source of what is said rather than its subject. */
const CREDIT_BEFORE = new Set([
  // English
  'according',
  'told',
  'via',
  'courtesy',
  'credit',
  'reports',
  'reported',
  'citing',
  'quoting',
  'researchers',
  'scientists',
  // French, Spanish, Portuguese, Italian
  'selon',
  'segun',
  'fuente',
  'segundo',
  'secondo',
  // German, Polish
  'laut',
  'gegenuber',
  'wedlug',
  'zrodlo',
  'zrodla',
  'podaje',
  'podala',
  'podal',
  // Arabic (normalized): according to, citing, published by, reported, a newspaper / agency / website named
  'حسب',
  'بحسب',
  'وحسب',
  'وفق',
  'وفقا',
  'نقلا',
  'نقلته',
  'نشرته',
  'ذكرته',
  'اوردته',
  'لصحيفه',
  'لوكاله',
  'لموقع',
  'لقناه',
  'صحيفه',
  'وكاله',
  'باحثون',
  'باحثين',
]);

/**
 * Words that make a place name part of another name: Inner Mongolia, New Mexico, the Niger Delta, Christian County,
 * دلتا النيجر. Only capitalised in Latin script, so "the new Jordan policy" is still Jordan.
 */
const NAME_BEFORE = new Set(['inner', 'outer', 'new', 'دلتا']);
/**
 * Words that, in any case, make the name after them a school's, a street's or a tournament's: lycée Angela Davis,
 * rue de Rivoli's kin (rue Victor Hugo), calle Colón, شارع الملك فهد, دورة واشنطن (the Washington tournament).
 */
const NAMED_AFTER = new Set([
  'lycee',
  'rue',
  'boulevard',
  'calle',
  'avenida',
  'colegio',
  'escuela',
  'liceo',
  'شارع',
  'دوره',
]);
const NAME_AFTER = new Set(['delta', 'county', 'river', 'street', 'avenue', 'road', 'square', 'basin']);

/** Words that, just after a name, make it the source: "Reuters reported", «ذكرت رويترز» reads the other way. */
const CREDIT_AFTER = new Set(['reported', 'reports', 'reporte', 'berichtete', 'berichtet', 'informo', 'podaje']);

const SENTENCE_END = /[.!?؟。！？]/;
/**
 * A dateline ends at a dash or a colon within its first words: "MADRID —", «واس - الرياض:», "Beirut (Reuters) -"
 * (a hyphen only beside a space: "1-1" is a score).
 */
const DATELINE_END = /[—–:]|\s-|-\s/;
const DATELINE_WORDS = 5;
/** A first paragraph this short with a figure in it is a dateline line («بيروت 26 شوال 1436 هـ … واس»). */
const DATELINE_PARAGRAPH_WORDS = 16;

/** A paragraph of fewer words is a caption, a byline or a date line, not a part of what the article says. */
export const MIN_PARAGRAPH_WORDS = 5;

export interface ArticleLayout {
  /** Paragraph index of every token. */
  paragraph: Int32Array;
  /** Sentence index of every token (sentences never span paragraphs). */
  sentence: Int32Array;
  paragraphs: number;
  /** Paragraphs of MIN_PARAGRAPH_WORDS words or more: not a "Photo" or "Video" line, a byline or a date line. */
  fullParagraphs: number;
  /** Tokens [0, datelineEnd) are the dateline (0 when there is none). */
  datelineEnd: number;
}

/** Paragraphs, sentences and the dateline of a text, from its tokens and the characters between them. */
export function layoutOf(text: string, stream: TokenStream): ArticleLayout {
  const n = stream.forms.length;
  const paragraph = new Int32Array(n);
  const sentence = new Int32Array(n);
  let p = 0;
  let s = 0;
  for (let i = 1; i < n; i++) {
    if (stream.positions[i] - stream.positions[i - 1] > 1) {
      p++;
      s++;
    } else if (SENTENCE_END.test(text.slice(stream.ends[i - 1], stream.starts[i]))) s++;
    paragraph[i] = p;
    sentence[i] = s;
  }
  let fullParagraphs = 0;
  for (let i = 0, start = 0; i <= n; i++) {
    if (i < n && paragraph[i] === paragraph[start]) continue;
    if (i - start >= MIN_PARAGRAPH_WORDS) fullParagraphs++;
    start = i;
  }
  return {
    paragraph,
    sentence,
    paragraphs: n === 0 ? 0 : p + 1,
    fullParagraphs,
    datelineEnd: datelineEnd(text, stream, paragraph),
  };
}

function datelineEnd(text: string, stream: TokenStream, paragraph: Int32Array): number {
  const n = stream.forms.length;
  // The last separator of the window: «واس - الرياض:» is all dateline.
  let end = 0;
  for (let i = 0; i < Math.min(n - 1, DATELINE_WORDS); i++) {
    if (paragraph[i + 1] !== 0) break;
    if (DATELINE_END.test(text.slice(stream.ends[i], stream.starts[i + 1]))) end = i + 1;
  }
  if (end > 0) return end;
  let firstParagraphEnd = 0;
  while (firstParagraphEnd < n && paragraph[firstParagraphEnd] === 0) firstParagraphEnd++;
  if (firstParagraphEnd < n && firstParagraphEnd <= DATELINE_PARAGRAPH_WORDS) {
    for (let i = 0; i < firstParagraphEnd; i++) if (/\d/.test(stream.forms[i])) return firstParagraphEnd;
  }
  return 0;
}

/**
 * Whether the words around tokens [first, last] make them part of a longer, different name: a one-word name
 * (Niger Delta, Inner Mongolia), or any name a school, street or tournament is named after (lycée Angela Davis).
 */
export function isPartOfOtherName(text: string, stream: TokenStream, first: number, last: number): boolean {
  const { forms, starts, positions } = stream;
  const capitalised = (k: number) => {
    const c = text.charCodeAt(starts[k]);
    return c >= 0x0600 || text[starts[k]] !== text[starts[k]].toLowerCase();
  };
  if (first > 0 && positions[first] - positions[first - 1] === 1) {
    if (NAMED_AFTER.has(forms[first - 1])) return true;
    if (first === last && NAME_BEFORE.has(forms[first - 1])) return capitalised(first - 1);
  }
  if (first !== last) return false;
  if (last + 1 < forms.length && positions[last + 1] - positions[last] === 1 && NAME_AFTER.has(forms[last + 1]))
    return capitalised(last + 1);
  return false;
}

/** Why a mention does not say what an article is about, if it does not. */
export type Aside = 'dateline' | 'credit' | 'other-name';

/** Whether the mention of tokens [first, last] is in the dateline, or a credit or an attribution, not a subject. */
export function creditOf(
  text: string,
  stream: TokenStream,
  layout: ArticleLayout,
  first: number,
  last: number,
): 'dateline' | 'credit' | undefined {
  if (first < layout.datelineEnd) return 'dateline';
  const { forms, starts, ends, positions } = stream;
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if (positions[k + 1] - positions[k] > 1) break;
    if (CREDIT_BEFORE.has(forms[k])) return 'credit';
  }
  for (let k = last + 1; k <= Math.min(forms.length - 1, last + 2); k++) {
    if (positions[k] - positions[k - 1] > 1) break;
    if (CREDIT_AFTER.has(forms[k])) return 'credit';
  }
  // A name alone in parentheses: an agency's «(رويترز)», "(AFP)".
  const before = first > 0 ? text.slice(ends[first - 1], starts[first]) : text.slice(0, starts[first]);
  const after = last + 1 < forms.length ? text.slice(ends[last], starts[last + 1]) : text.slice(ends[last]);
  return layout.sentence[first] === 0 && /\(\s*$/.test(before) && /^\s*\)/.test(after) ? 'credit' : undefined;
}
