// What can be wrong with a topic query, by code: the parser reports a code and its details, the topic editor shows
// the UI language's words for it (public/_locales: `queryError` + the code, capitalised), and everything else (topic
// files, backups) uses the English below. tests/unit/topics/query-errors.test.ts keeps the two English texts equal.

/** The English text of each error; `$1`, `$2` are its details, in the order they are given. */
export const QUERY_ERROR_TEXTS = {
  notText: 'A query must be text.',
  tooLong: 'A query can be at most $1 characters long; this one has $2. Split it into several topics.',
  siteEmpty: 'site: needs a domain right after it, like site:example.com',
  sitePath: 'site: takes a domain only, like site:example.com (no page path)',
  siteInvalid: '"$1" is not a domain; write it like site:example.com',
  langEmpty: 'lang: needs a language code right after it, like lang:ar or lang:en',
  langInvalid: '"$1" is not a language code; use one like lang:ar, lang:en or lang:zh',
  quoteUnclosed: 'This quote is never closed: add a closing $1 after the phrase.',
  minusAlone: 'A minus sign must be followed directly by what to exclude, like -football or -"world cup".',
  minusWithoutOperand: 'A minus sign must be followed directly by what to exclude, like -football.',
  notWithoutOperand: 'NOT needs a word or "phrase" after it.',
  nearRange: 'NEAR takes a distance from 1 to $1 words, like NEAR/5.',
  nearDistance: 'NEAR takes a distance in words, like NEAR/5.',
  nearSides: 'NEAR needs a word or "phrase" on both sides.',
  nearOperands:
    'NEAR joins words or "phrases" (or alternatives in parentheses); keep exclusions and filters outside it.',
  starInside: '* can only end a word, to match every word that begins that way, like ukrain*.',
  phraseNoLetters: 'This phrase has no letters or digits to look for.',
  wordNoLetters: '"$1" has no letters or digits to look for.',
  prefixShort: 'Put at least $1 letters right before *, like ukrain*.',
  empty: 'Type at least one word or "phrase" to look for.',
  closeUnmatched: 'This ) has no matching (.',
  unanchored:
    'Add at least one word or "phrase" to look for: exclusions and site:/lang: filters only narrow a topic down.',
  andSides: 'AND needs a word or "phrase" on both sides.',
  orSides: 'OR needs a word or "phrase" on both sides.',
  phraseEmpty: 'This phrase is empty: put words between the quotes.',
  tooDeep: 'Parentheses can nest at most $1 deep.',
  parenthesesEmpty: 'Nothing inside these parentheses.',
  openUnclosed: 'This ( is never closed: add a ) after it.',
  closeExpected: 'Expected a ) here to close the ( before it.',
  unexpected: 'Unexpected here.',
  unreadable: 'This query could not be read.',
} as const;

export type QueryErrorCode = keyof typeof QUERY_ERROR_TEXTS;

/** The English text of an error with its details filled in. */
export function queryErrorText(code: QueryErrorCode, details: readonly string[] = []): string {
  return QUERY_ERROR_TEXTS[code].replace(/\$(\d)/g, (whole, n: string) => details[Number(n) - 1] ?? whole);
}

/** The UI message that says the same in the reader's language: `queryError` + the code, capitalised. */
export function queryErrorMessageKey(code: QueryErrorCode): `queryError${Capitalize<QueryErrorCode>}` {
  return `queryError${code[0].toUpperCase()}${code.slice(1)}` as `queryError${Capitalize<QueryErrorCode>}`;
}
