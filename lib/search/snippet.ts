// Where a search term occurs in a text, with Beatwatch's normalization and its offset map back to the original:
// the match in context for a result, and the check that a phrase's words really are consecutive there.
import { normalizeText, normalizeWithOffsets, originalEnd } from '../text/normalize';
import { tokenizeStream } from '../text/tokenize';
import { wordVariants, type WordVariants } from '../text/word-variants';
import type { SearchTerm } from './query';

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const CONTEXT_CHARS = 70;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Letters that may stand before an Arabic word as clitics (و ف ب ل ك, ال and لل).
const ARABIC_CLITIC_LETTERS = 'وفبلكا';
const CHAR_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** Where in the normalized text `token` starts a word (or follows Arabic clitics), from `from` on; -1 if nowhere. */
function findWordStart(text: string, token: string, prefix: boolean, from = 0): number {
  const charToken = CHAR_SCRIPT.test(token);
  for (let at = text.indexOf(token, from); at >= 0; at = text.indexOf(token, at + 1)) {
    if (charToken) return at;
    if (!prefix && isWordChar(text[at + token.length])) continue;
    let start = at;
    while (start > 0 && isWordChar(text[start - 1])) start--;
    const lead = text.slice(start, at);
    if (lead === '' || (lead.length <= 3 && [...lead].every((ch) => ARABIC_CLITIC_LETTERS.includes(ch)))) return at;
  }
  return -1;
}

/** The first place one of the terms occurs in `text`, with some context on each side; null when none does. */
export function snippetFor(text: string, terms: SearchTerm[], context = CONTEXT_CHARS): Snippet | null {
  if (!text) return null;
  const normalized = normalizeWithOffsets(text);
  let best: { start: number; end: number } | null = null;
  for (const term of terms) {
    const first = term.tokens[0];
    if (CHAR_SCRIPT.test(first)) {
      // Chinese, Japanese, Thai: a term is its characters in a row, inside longer words.
      const needle = term.tokens.join('');
      const at = normalized.text.indexOf(needle);
      if (at < 0) continue;
      const start = normalized.offsets[at];
      if (!best || start < best.start) best = { start, end: originalEnd(normalized.offsets, at + needle.length) };
      continue;
    }
    const prefix = term.prefix && term.tokens.length === 1;
    const at = findWordStart(normalized.text, first, prefix);
    if (at < 0) continue;
    let start = normalized.offsets[at];
    // The whole word is marked, clitics included (لأوكرانيا, not just أوكرانيا).
    while (start > 0 && isWordChar(text[start - 1])) start--;
    let end = originalEnd(normalized.offsets, at + first.length);
    // A prefix or a phrase shows whole words: up to the end of the phrase's last word.
    const words = term.tokens.length;
    for (let w = 0; w < words; w++) {
      if (w > 0) while (end < text.length && !isWordChar(text[end])) end++;
      while (end < text.length && isWordChar(text[end])) end++;
    }
    if (!best || start < best.start) best = { start, end };
  }
  if (!best) return null;
  return {
    before: cutBefore(text, best.start, context),
    match: text.slice(best.start, best.end),
    after: cutAfter(text, best.end, context),
  };
}

function cutBefore(text: string, start: number, context: number): string {
  const from = Math.max(0, start - context);
  const space = from > 0 ? text.indexOf(' ', from) : from;
  const begin = space >= 0 && space < start ? space + 1 : from;
  return `${begin > 0 ? '…' : ''}${text.slice(begin, start).replace(/\s+/g, ' ')}`;
}

function cutAfter(text: string, end: number, context: number): string {
  const to = Math.min(text.length, end + context);
  const space = to < text.length ? text.lastIndexOf(' ', to) : to;
  const finish = space > end ? space : to;
  return `${text.slice(end, finish).replace(/\s+/g, ' ')}${finish < text.length ? '…' : ''}`;
}

// Characters that may stand between two words of a phrase once tokenized: anything but letters and digits (every
// segment holding one is a word).
const GAP = '[^\\p{L}\\p{N}]*';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrasePatterns = new WeakMap<SearchTerm, RegExp>();

/**
 * What a normalized text must hold for containsPhrase to find the phrase in it: the end of the first word (from its
 * second letter: a clitic may take the first, للحكومة for الحكومة), maybe a possessive ('s), then the other words
 * with only non-letters between them. Tested before the text is split into words (the costly part), it rules out
 * most candidates of a phrase being typed, none of those that hold it.
 */
function phrasePattern(term: SearchTerm): RegExp {
  let pattern = phrasePatterns.get(term);
  if (!pattern) {
    const [first, ...rest] = term.tokens;
    const source = `${escapeRegExp(first.slice(1))}${GAP}(?:s${GAP})?${rest.map(escapeRegExp).join(GAP)}`;
    phrasePatterns.set(term, (pattern = new RegExp(source, 'u')));
  }
  return pattern;
}

/** Whether the phrase's tokens follow each other in the text (the first may carry clitics, the last be a prefix). */
export function containsPhrase(text: string, term: SearchTerm): boolean {
  const { tokens, prefix } = term;
  if (tokens.length < 2) return true;
  if (!phrasePattern(term).test(normalizeText(text))) return false;
  const forms = tokenizeStream(text).forms;
  const variants: WordVariants = { forms: [], skips: [] };
  const last = tokens.length - 1;
  for (let i = 0; i + last < forms.length; i++) {
    const form = forms[i];
    if (form !== tokens[0]) {
      variants.forms.length = 0;
      variants.skips.length = 0;
      wordVariants(form, variants);
      if (!variants.forms.includes(tokens[0])) continue;
    }
    let k = 1;
    for (; k <= last; k++) {
      const word = forms[i + k];
      if (word === tokens[k] || (k === last && prefix && word.startsWith(tokens[k]))) continue;
      break;
    }
    if (k > last) return true;
  }
  return false;
}
