import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNEXPECTED_ERROR, parseQuery } from '@/lib/topics/query';
import { compileTopics } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';
import { tokenize } from '@/lib/text/tokenize';

/** Pieces of the query language, so generated input reaches deep into the parser, not just the lexer. */
const PIECES = [
  'ukraine',
  'Україна',
  'أوكرانيا',
  '乌克兰',
  'ukrain*',
  'u*',
  '*',
  '**',
  'a*b',
  '"',
  '"new york"',
  '“',
  '”',
  '«',
  '»',
  '(',
  ')',
  '((',
  '))',
  ' ',
  '  ',
  '\t',
  '\n',
  'OR',
  'or',
  '|',
  'AND',
  'NOT',
  '-',
  '-x',
  '--',
  'NEAR',
  'NEAR/3',
  'NEAR/0',
  'NEAR/999',
  'NEAR/',
  'site:',
  'site:bbc.com',
  'site:a/b',
  'site:%',
  'lang:',
  'lang:ar',
  'lang:x_1',
  ':',
  '\\',
  "'",
  'é',
  '\u0301',
  'ـ',
  '\u200d',
  '\ud800',
  '😀',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }));
const queryish = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  queryish,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);

describe('parseQuery (property)', () => {
  it('never throws, and explains every error at a position inside the query', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const result = parseQuery(source);
        if (result.ok) {
          expect(JSON.parse(JSON.stringify(result.ast))).toEqual(result.ast);
          return;
        }
        const { message, position, length = 0 } = result.error;
        expect(message).not.toBe(UNEXPECTED_ERROR);
        expect(message.length).toBeGreaterThan(10);
        expect(position).toBeGreaterThanOrEqual(0);
        expect(position + length).toBeLessThanOrEqual(source.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('matchTopics (property)', () => {
  const words = fc.constantFrom(
    'Ukraine',
    'grain',
    'Київ',
    'وأوكرانيا',
    'بغزة',
    'Élysée',
    '伊斯坦布尔',
    'l’Ukraine',
    'NEW',
    'york',
  );
  const separators = fc.constantFrom(' ', ', ', '. ', '\n\n', ' — ', '«', '»', ' (', ') ');
  const article = fc
    .array(fc.tuple(words, separators), { minLength: 1, maxLength: 60 })
    .map((pairs) => pairs.map(([word, separator]) => word + separator).join(''));

  it('finds any word of an article quoted as a query, with hits inside the original text', () => {
    fc.assert(
      fc.property(article, fc.nat(), (text, pick) => {
        const tokens = tokenize(text);
        const token = tokens[pick % tokens.length];
        const compiled = compileTopics([{ id: 't', query: `"${token.text}"`, minMentions: 1 }]);
        const [match] = matchTopics({ title: '', text }, compiled);
        expect(match).toBeDefined();
        for (const hit of match.hits) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeGreaterThan(hit.start);
          expect(hit.end).toBeLessThanOrEqual(text.length);
        }
        expect(match.hits.some((hit) => hit.start === token.start && hit.end === token.end)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
