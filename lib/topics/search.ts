// Finds where every compiled pattern occurs in an article in one pass over its words: each word (and each of its
// clitic and elision variants) is looked up once in the compiled indexes, whatever the number of topics.
import type { TokenStream } from '../text/tokenize';
import {
  endingGroup,
  inflectionStem,
  latinEndingGroup,
  isCompoundOf,
  isDerivedForm,
  isPolishAlternated,
  isStemAndEnding,
  MIN_STEM,
  type EndingGroup,
} from '../text/word-forms';
import { wordVariants, type WordVariants } from '../text/word-variants';
import {
  ENDING_GROUP_BITS,
  endKey,
  PREFIX_KEY,
  startKey,
  type CompiledTopics,
  type FormEntry,
  type FormKind,
  type Pattern,
} from './compile';

/** Occurrences kept per term and NEAR pairs per node: bounds the work on a pathological article. */
export const MAX_OCCURRENCES = 1000;

/** Where one pattern occurs: a token range in one field, with word positions for NEAR. */
export interface Occurrence {
  field: number;
  /** Normalized characters of the first token left out (a clitic or an elided article). */
  skip: number;
  first: number;
  last: number;
  from: number;
  to: number;
  form: FormKind;
}

/** Occurrences per pattern id (undefined: the pattern does not occur). */
export type Found = (Occurrence[] | undefined)[];

/** Records an occurrence unless it repeats the previous one (the same word reached through two of its variants). */
function record(
  found: Found,
  pattern: number,
  field: number,
  stream: TokenStream,
  first: number,
  last: number,
  skip: number,
  form: FormKind = 'exact',
) {
  let list = found[pattern];
  if (list === undefined) {
    list = [];
    found[pattern] = list;
  } else {
    const previous = list[list.length - 1];
    if ((previous.field === field && previous.first === first) || list.length >= MAX_OCCURRENCES) return;
  }
  list.push({ field, skip, first, last, from: stream.positions[first], to: stream.positions[last], form });
}

/**
 * Does `pattern` go on at token i + from (its earlier tokens already matched), within one paragraph? With an ending
 * group, each word may also carry a case ending of that group (Funduszu Odbudowy for "Fundusz Odbudowy").
 */
function continues(pattern: Pattern, stream: TokenStream, i: number, from: number, group?: EndingGroup): boolean {
  const { tokens, prefix } = pattern;
  const n = tokens.length;
  const { forms, positions } = stream;
  const last = i + n - 1;
  // Consecutive words of one paragraph (positions jump between paragraphs).
  if (last >= forms.length || positions[last] - positions[i] !== n - 1) return false;
  for (let k = from; k < n; k++) {
    const form = forms[i + k];
    const token = tokens[k];
    if (prefix && k === n - 1 ? form.startsWith(token) : form === token) continue;
    if (group === undefined || prefix) return false;
    if (inflectionStem(form, group) === inflectionStem(token, group)) continue;
    // A later word's Polish locative with its last consonant alternated (o Piotrze Müllerze for "Piotr Müller").
    if (group !== 'polish' || !isPolishAlternated(form, token)) return false;
  }
  return true;
}

/** Looks one form of token i up in the indexes; `skip` leading characters of the token were left out to get it. */
function lookUp(
  compiled: CompiledTopics,
  found: Found,
  field: number,
  stream: TokenStream,
  i: number,
  form: string,
  skip: number,
  context: SearchContext,
) {
  const exact = compiled.byFirstToken.get(form);
  if (exact !== undefined) {
    for (const pattern of exact) {
      if (continues(pattern, stream, i, 1))
        record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip);
    }
  }
  const { byStart, byShortPrefix, byCharPair } = compiled;
  if (byStart.size > 0 && form.length >= PREFIX_KEY) {
    const bucket = byStart.get(startKey(form, PREFIX_KEY));
    if (bucket !== undefined) {
      for (const pattern of bucket.prefixes)
        if (form.startsWith(pattern.tokens[0])) record(found, pattern.id, field, stream, i, i, skip);
      const forms = bucket.forms?.get(form.charCodeAt(3));
      if (forms !== undefined) lookUpForms(compiled, forms, found, field, stream, i, form, skip, context);
    }
  }
  if (context.german && form.length >= MIN_STEM) {
    const heads = compiled.byHeadEnd.get(endKey(form));
    if (heads !== undefined) {
      for (const entry of heads)
        if (isCompoundOf(form, entry.word) && form.endsWith(entry.word))
          record(found, entry.pattern.id, field, stream, i, i, skip, 'compound');
    }
  }
  if (byShortPrefix.size > 0 && form.length >= 2) {
    const short = byShortPrefix.get(startKey(form, 2));
    if (short !== undefined) for (const pattern of short) record(found, pattern.id, field, stream, i, i, skip);
  }
  if (byCharPair.size > 0 && form.length === 1 && i + 1 < stream.forms.length && stream.forms[i + 1].length === 1) {
    const paired = byCharPair.get(form.charCodeAt(0) * 0x10000 + stream.forms[i + 1].charCodeAt(0));
    if (paired !== undefined) {
      for (const pattern of paired) {
        if (continues(pattern, stream, i, 2))
          record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip);
      }
    }
  }
}

/** What the search knows about the article beyond its words. */
interface SearchContext {
  /** The ending list for Latin-script words, from the article's language. */
  latinGroup: EndingGroup | undefined;
  /** German article: compounds are looked up. */
  german: boolean;
}

/** Inflected, derived and compound forms of terms' first words (Германии, اليونانية, Bahngesellschaft). */
function lookUpForms(
  compiled: CompiledTopics,
  entries: FormEntry[],
  found: Found,
  field: number,
  stream: TokenStream,
  i: number,
  form: string,
  skip: number,
  context: SearchContext,
) {
  let group: EndingGroup | undefined | null = null;
  let stem: string | undefined;
  for (const entry of entries) {
    if (form === entry.word || !form.startsWith(entry.stem)) continue;
    const { pattern } = entry;
    if (entry.kind === 'derived') {
      const listed = compiled.signals.derivedMentions;
      if (
        isDerivedForm(form, entry.stem, entry.word, listed) &&
        !entry.longer?.some((other) => isDerivedForm(form, other.stem, other.word) || form === other.word)
      )
        record(found, pattern.id, field, stream, i, i, skip, 'derived');
    } else if (entry.kind === 'inflected') {
      if (group === null) group = endingGroup(form, context.latinGroup);
      if (group === undefined || (entry.groups & ENDING_GROUP_BITS[group]) === 0) continue;
      if (entry.ending !== undefined) {
        if (!isStemAndEnding(form, entry.stem, entry.ending)) continue;
      } else {
        stem ??= inflectionStem(form, group);
        if (stem !== entry.stem) continue;
      }
      if (pattern.tokens.length === 1 || continues(pattern, stream, i, 1, group))
        record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip, 'inflected');
    } else if (context.german && isCompoundOf(form, entry.word)) {
      record(found, pattern.id, field, stream, i, i, skip, 'compound');
    }
  }
}

/** A field to search (title, text). */
export interface SearchedField {
  field: number;
  stream: TokenStream;
}

export function findOccurrences(compiled: CompiledTopics, fields: SearchedField[], lang?: string): Found {
  const found: Found = new Array(compiled.patterns.length);
  const variants: WordVariants = { forms: [], skips: [] };
  const latinGroup = latinEndingGroup(lang);
  const context: SearchContext = { latinGroup, german: latinGroup === 'german' && compiled.byHeadEnd.size > 0 };
  for (const { field, stream } of fields) {
    const forms = stream.forms;
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      lookUp(compiled, found, field, stream, i, form, 0, context);
      if (variants.forms.length > 0) {
        variants.forms.length = 0;
        variants.skips.length = 0;
      }
      wordVariants(form, variants);
      for (let v = 0; v < variants.forms.length; v++) {
        lookUp(compiled, found, field, stream, i, variants.forms[v], variants.skips[v], context);
      }
    }
  }
  return found;
}
