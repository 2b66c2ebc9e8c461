// Key facts' words and their light stems, so extraction, redundancy checks and merging agree on what a word is.
// Words are folded with normalizeTerm, the same rules topic matching uses; their Arabic clitics are peeled by
// lib/text/word-variants.ts. (Topic matching has its own tokens, with offsets: lib/text/tokenize.ts.)
import { normalizeTerm } from '../text/normalize';
import { isArabic, peeledArabicForms } from '../text/word-variants';

export interface Word {
  /** As written in the text. */
  raw: string;
  /** normalizeTerm(raw): NFKC, lower case, Arabic letter variants unified, Latin diacritics and tashkeel removed, ASCII digits. */
  norm: string;
  /** `norm`, then `norm` with Arabic clitics peeled step by step (see peeledArabicForms), for lexicon lookups. */
  forms: readonly string[];
  /** Offsets into the string that was tokenized. */
  start: number;
  end: number;
  isDigits: boolean;
}

// Digit runs and letter runs are separate tokens, so "و30" (and 30) and "60-hour" split where a reader would split them.
const WORD = /\p{Nd}+|[\p{L}\p{M}]+/gu;
const DIGIT = /^\p{Nd}/u;

/** The words of `text`: runs of letters (with their marks) and runs of digits. */
export function splitWords(text: string): Word[] {
  const tokens: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    const norm = normalizeTerm(raw);
    const first = raw.charCodeAt(0);
    const isDigits = first < 0x80 ? first >= 0x30 && first <= 0x39 : DIGIT.test(raw);
    tokens.push({ raw, norm, forms: peeledArabicForms(norm), start, end: start + raw.length, isDigits });
  }
  return tokens;
}

/** The first of a token's forms (as written, then with Arabic clitics peeled) found in `words`. */
export function findForm(words: ReadonlySet<string>, forms: readonly string[]): string | undefined {
  for (const form of forms) if (words.has(form)) return form;
  return undefined;
}

// Light10-style Arabic stemming (Larkey et al.): one article/conjunction prefix, one common suffix. Only used to compare
// sentences with each other, never to match topic terms, so over-stripping a name costs little.
const AR_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const AR_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

// A word with the article, after at most a conjunction (و/ف) and a preposition (ب/ك): والمدينه, فبالمدينه, المدينه.
// The article is what is peeled without a lexicon: a word that starts so is almost never one that merely begins with
// those letters.
const WITH_ARTICLE = /^[وف]?[بك]?ال(.{2,})$/u;
// The preposition ل before the article, which loses its alef (للمدينه = ل + المدينه), after at most a conjunction; the
// article's ل is also lost before a word that starts with ل (للجنه = ل + اللجنه, not ل + الجنه).
const CONTRACTED = /^[وف]?لل(.{2,})$/u;
const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';
// The shortest word left when a one-letter proclitic is peeled (مكه, غزه, جده).
const MIN_PEELED = 3;

/**
 * The Arabic words of a text as written and, for those written with the article (الحكومه, بالحكومه, والحكومه), as
 * they are without it: the vocabulary that tells whether a one-letter proclitic (و ف ب ل ك) is one (بمكه when مكه is
 * written too) or the word's own first letter (بلديه: no لديه is written). Pass it to contentStems.
 */
export function arabicLexicon(tokens: readonly Word[], into: Set<string> = new Set()): Set<string> {
  for (const t of tokens) {
    if (t.isDigits || !isArabic(t.norm)) continue;
    into.add(t.norm);
    const article = WITH_ARTICLE.exec(t.norm);
    if (article) into.add(article[1]);
  }
  return into;
}

/**
 * A word without its proclitics, peeled only where the rest is a word of `lexicon`: the article always (and the
 * conjunction and preposition before it); a one-letter conjunction or preposition (بمكه, ومكه, فبمكه) only when the
 * rest is written in the text too, so بلديه, وزير and فلسطين keep their first letter; للX is ل + الX, or ل + اللX when
 * the text writes لX (اللجنه: للجنه is لجنه, as اللجنه is).
 */
function peelArabic(word: string, lexicon: ReadonlySet<string>): string {
  const article = WITH_ARTICLE.exec(word);
  if (article) return article[1];
  const contracted = CONTRACTED.exec(word);
  if (contracted) {
    const withL = `ل${contracted[1]}`;
    return lexicon.has(withL) ? withL : contracted[1];
  }
  let rest = word;
  if (CONJUNCTIONS.includes(rest[0]) && rest.length - 1 >= MIN_PEELED) {
    const afterBoth = rest.slice(2);
    if (PREPOSITIONS.includes(rest[1]) && afterBoth.length >= MIN_PEELED && lexicon.has(afterBoth)) return afterBoth;
    if (lexicon.has(rest.slice(1))) return rest.slice(1);
    return word;
  }
  if (PREPOSITIONS.includes(rest[0]) && rest.length - 1 >= MIN_PEELED) {
    rest = rest.slice(1);
    if (lexicon.has(rest)) return rest;
  }
  return word;
}

function stemArabic(word: string, lexicon?: ReadonlySet<string>): string {
  let w: string;
  if (lexicon) w = peelArabic(word, lexicon);
  else {
    w = word.length > 3 && word[0] === 'و' ? word.slice(1) : word;
    for (const p of AR_PREFIXES) {
      if (w.startsWith(p) && w.length - p.length >= 2) {
        w = w.slice(p.length);
        break;
      }
    }
  }
  for (const s of AR_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 2) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

/**
 * A stem good enough to tell whether two sentences talk about the same things: Arabic light stemming, English/French
 * plural -s then truncation to six letters, Cyrillic truncation to five (truncation is a known strong baseline for
 * inflected European languages), anything else unchanged.
 */
function stem(norm: string, lexicon?: ReadonlySet<string>): string {
  const first = norm.charCodeAt(0);
  if (isArabic(norm)) return stemArabic(norm, lexicon);
  if (first >= 0x61 && first <= 0x7a) {
    const singular = norm.length > 3 && norm.endsWith('s') && !norm.endsWith('ss') ? norm.slice(0, -1) : norm;
    return singular.slice(0, 6);
  }
  if (first >= 0x0430 && first <= 0x044f) return norm.slice(0, 5);
  return norm;
}

// Function words in folded form. Small on purpose: they only keep similarity from being driven by grammar.
const STOPWORDS = new Set(
  (
    'the a an and or but of to in on at by for from with as is are was were be been being has have had it its this that these those ' +
    'he she they we you i his her their our them who which what when where will would can could may might not no than then there ' +
    'also after before about over into more most some such only other very just up out so if while during since per said ' +
    'و في من على الى إلى عن ان أن إن مع هذا هذه ذلك تلك التي الذي الذين كان كانت قد لم لن ما لا او أو ثم كما بين بعد قبل عند ' +
    'حتى خلال منذ كل غير هو هي هم نحن انه أنه انها أنها ايضا أيضاً اليوم وقال قال وفي ومن به بها له لها فيه فيها عليه ' +
    'le la les un une des du de d l et ou mais en dans sur par pour avec est sont a au aux ce cette ces qui que qu il elle ils se sa son ses ne pas plus ' +
    'и в во не что он она они на с со как а то все по но из у к до от о об для за же это был была были бы ли уже так'
  )
    .split(' ')
    .map(normalizeTerm),
);

/**
 * Stems of the content words of a token list (numbers included: shared figures are strong evidence of a shared
 * subject). With an Arabic lexicon (arabicLexicon), a one-letter proclitic is peeled only where the rest is written in
 * it, so one word has one stem however it is prefixed; without one, Light10's blind rules apply.
 */
export function contentStems(tokens: readonly Word[], lexicon?: ReadonlySet<string>): string[] {
  const stems: string[] = [];
  for (const t of tokens) {
    if (t.isDigits) stems.push(t.norm);
    else if (t.norm.length >= 2 && !STOPWORDS.has(t.norm)) stems.push(stem(t.norm, lexicon));
  }
  return stems;
}
