// Every way a topic query can be wrong has a code, English words in lib/topics/query-errors.ts and the same words in
// the UI's English messages (the Arabic ones are checked by tests/unit/i18n/locales.test.ts), so the topic editor can
// say it in the reader's language.
import { describe, expect, it } from 'vitest';
import { queryErrorWords } from '@/lib/i18n/messages';
import { MAX_QUERY_CHARS } from '@/lib/limits';
import { parseQuery, type QueryError } from '@/lib/topics/query';
import {
  QUERY_ERROR_TEXTS,
  queryErrorMessageKey,
  queryErrorText,
  type QueryErrorCode,
} from '@/lib/topics/query-errors';
import english from '../../../public/_locales/en/messages.json';

const messages: Record<string, { message: string }> = english;

/** A query that is wrong in each way a reader can type (`unreadable` is the parser's unreachable safety net). */
const WRONG: [QueryErrorCode, unknown][] = [
  ['notText', 42],
  ['tooLong', 'a'.repeat(MAX_QUERY_CHARS + 1)],
  ['siteEmpty', 'ukraine site:'],
  ['sitePath', 'ukraine site:bbc.com/news'],
  ['siteInvalid', 'ukraine site:bbc_news'],
  ['langEmpty', 'ukraine lang:'],
  ['langInvalid', 'ukraine lang:arabic1'],
  ['quoteUnclosed', '«أوكرانيا'],
  ['minusAlone', 'ukraine - russia'],
  ['minusWithoutOperand', 'ukraine -(russia)x -OR'],
  ['notWithoutOperand', 'ukraine NOT OR kyiv'],
  ['nearRange', 'ukraine NEAR/99 talks'],
  ['nearDistance', 'ukraine NEAR/x talks'],
  ['nearSides', 'ukraine NEAR/3'],
  ['nearOperands', 'ukraine NEAR/3 site:bbc.com'],
  ['starInside', 'uk*raine'],
  ['phraseNoLetters', '"!!"'],
  ['wordNoLetters', '!!'],
  ['prefixShort', 'u*'],
  ['empty', '   '],
  ['closeUnmatched', 'ukraine )'],
  ['unanchored', '-russia'],
  ['andSides', 'AND ukraine'],
  ['orSides', 'ukraine OR'],
  ['phraseEmpty', 'ukraine ""'],
  ['tooDeep', '('.repeat(11) + 'a' + ')'.repeat(11)],
  ['parenthesesEmpty', 'ukraine ()'],
  ['openUnclosed', '(ukraine'],
];

function errorOf(source: unknown): QueryError {
  const result = parseQuery(source as string);
  if (result.ok) throw new Error(`${String(source).slice(0, 40)} parsed`);
  return result.error;
}

describe('topic query errors', () => {
  it.each(WRONG)('%s: reported with its code and its English words', (code, source) => {
    const error = errorOf(source);
    expect(error.code).toBe(code);
    expect(error.message).toBe(queryErrorText(code, error.details));
    expect(error.message).not.toMatch(/\$\d/);
  });

  it('has a reachable example for every code but the safety nets (no typed query reaches them: property-tested in query.property.test.ts)', () => {
    const covered = new Set(WRONG.map(([code]) => code));
    const untested = Object.keys(QUERY_ERROR_TEXTS).filter((code) => !covered.has(code as QueryErrorCode));
    expect(untested).toEqual(['closeExpected', 'unexpected', 'unreadable']);
  });

  it('has the same English words in the UI messages, details filled the same way', () => {
    for (const [code, text] of Object.entries(QUERY_ERROR_TEXTS)) {
      expect(messages[queryErrorMessageKey(code as QueryErrorCode)]?.message, code).toBe(text);
    }
    for (const [, source] of WRONG) {
      const error = errorOf(source);
      expect(queryErrorWords(error)).toBe(error.message);
    }
  });

  it('fills details in order and keeps the words whole', () => {
    expect(queryErrorText('tooLong', ['2000', '2001'])).toBe(
      'A query can be at most 2000 characters long; this one has 2001. Split it into several topics.',
    );
    expect(errorOf('ukraine site:bbc_news').details).toEqual(['bbc_news']);
    expect(errorOf('«أوكرانيا').details).toEqual(['»']);
  });
});
