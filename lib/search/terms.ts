// The words search reads in a text and in a query, with Beatwatch's own normalization (lib/text): case, accents,
// Arabic letter variants and diacritics, CJK and Thai by character. A text's word is also indexed under the forms
// it stands for without Arabic clitics or a Latin elision, as topic matching reads them, so أوكرانيا finds
// وأوكرانيا and لأوكرانيا; a query's words are looked up as written, as in topic queries.
import { tokenizeStream } from '../text/tokenize';
import { wordVariants, type WordVariants } from '../text/word-variants';

/** Each word of the text once, with its clitic-free forms: what an index stores for it. */
export function indexTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const variants: WordVariants = { forms: [], skips: [] };
  for (const form of tokenizeStream(text).forms) {
    terms.add(form);
    variants.forms.length = 0;
    variants.skips.length = 0;
    wordVariants(form, variants);
    for (const variant of variants.forms) terms.add(variant);
  }
  return terms;
}

/** The text's normalized words in order (no variants): for a tokenizer that must see every occurrence. */
export function textWords(text: string): string[] {
  return tokenizeStream(text).forms;
}
