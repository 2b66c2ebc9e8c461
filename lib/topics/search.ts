// Finds where every compiled pattern occurs in an article in one pass over its words: each word (and each of its
// clitic and elision variants) is looked up once in the compiled indexes, whatever the number of topics.
import type { TokenStream } from '../text/tokenize';
import { wordVariants, type WordVariants } from '../text/word-variants';
import { RELATED_MIN_STEM } from './capture-rule';
import { PREFIX_KEY, startKey, type CompiledTopics, type Pattern } from './compile';

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
) {
  let list = found[pattern];
  if (list === undefined) {
    list = [];
    found[pattern] = list;
  } else {
    const previous = list[list.length - 1];
    if ((previous.field === field && previous.first === first) || list.length >= MAX_OCCURRENCES) return;
  }
  list.push({ field, skip, first, last, from: stream.positions[first], to: stream.positions[last] });
}

/** Does `pattern` go on at token i + from (its earlier tokens already matched), within one paragraph? */
function continues(pattern: Pattern, stream: TokenStream, i: number, from: number): boolean {
  const { tokens, prefix } = pattern;
  const n = tokens.length;
  const { forms, positions } = stream;
  const last = i + n - 1;
  // Consecutive words of one paragraph (positions jump between paragraphs).
  if (last >= forms.length || positions[last] - positions[i] !== n - 1) return false;
  for (let k = from; k < n; k++) {
    if (prefix && k === n - 1 ? !forms[i + k].startsWith(tokens[k]) : forms[i + k] !== tokens[k]) return false;
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
) {
  const exact = compiled.byFirstToken.get(form);
  if (exact !== undefined) {
    for (const pattern of exact) {
      if (continues(pattern, stream, i, 1))
        record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip);
    }
  }
  const { byPrefixStart, byShortPrefix, byCharPair } = compiled;
  if (byPrefixStart.size > 0 && form.length >= PREFIX_KEY) {
    const prefixed = byPrefixStart.get(startKey(form, PREFIX_KEY));
    if (prefixed !== undefined) {
      for (const pattern of prefixed)
        if (form.startsWith(pattern.tokens[0])) record(found, pattern.id, field, stream, i, i, skip);
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

/** Words built on a term's stem (اوكراني, ukrainian; the term itself is found too, which changes nothing). */
function lookUpRelated(
  compiled: CompiledTopics,
  found: Found,
  field: number,
  stream: TokenStream,
  i: number,
  form: string,
  skip: number,
) {
  if (form.length < RELATED_MIN_STEM) return;
  const related = compiled.byRelatedStart.get(startKey(form, PREFIX_KEY));
  if (related === undefined) return;
  for (const pattern of related)
    if (form.startsWith(pattern.tokens[0])) record(found, pattern.id, field, stream, i, i, skip);
}

/** A field to search, and how many of its tokens (from the start) to search for words built on terms. */
export interface SearchedField {
  field: number;
  stream: TokenStream;
  relatedUpTo: number;
}

export function findOccurrences(compiled: CompiledTopics, fields: SearchedField[]): Found {
  const found: Found = new Array(compiled.patterns.length);
  const variants: WordVariants = { forms: [], skips: [] };
  const withRelated = compiled.byRelatedStart.size > 0;
  for (const { field, stream, relatedUpTo } of fields) {
    const forms = stream.forms;
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      const related = withRelated && i < relatedUpTo;
      lookUp(compiled, found, field, stream, i, form, 0);
      if (related) lookUpRelated(compiled, found, field, stream, i, form, 0);
      if (variants.forms.length > 0) {
        variants.forms.length = 0;
        variants.skips.length = 0;
      }
      wordVariants(form, variants);
      for (let v = 0; v < variants.forms.length; v++) {
        lookUp(compiled, found, field, stream, i, variants.forms[v], variants.skips[v]);
        if (related) lookUpRelated(compiled, found, field, stream, i, variants.forms[v], variants.skips[v]);
      }
    }
  }
  return found;
}
