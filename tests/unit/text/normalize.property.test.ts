import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTerm, normalizeWithOffsets } from '@/lib/text/normalize';
import { tokenize, tokenizeTerm } from '@/lib/text/tokenize';

/** Characters where normalization does something: marks, Arabic variants, expansions, invisibles, CJK, surrogates. */
const TRICKY = [
  'a',
  'E',
  ' ',
  '\n',
  '-',
  "'",
  '’',
  '\u0301',
  '\u0308',
  '\u0307',
  'é',
  'ß',
  'ẞ',
  'İ',
  'Σ',
  'ς',
  'Ё',
  'й',
  'ї',
  'ﬁ',
  '①',
  'Ａ',
  '\u00ad',
  '\u200c',
  '\u200d',
  '\u200f',
  '\ufeff',
  'أ',
  'إ',
  'آ',
  'ٱ',
  'ى',
  'ة',
  'ی',
  'ک',
  'ـ',
  '\u064e',
  '\u0651',
  '\u0670',
  '\u0654',
  '٣',
  '۴',
  'و',
  'ب',
  'ال',
  'ﷺ',
  'ﻻ',
  '中',
  '国',
  'ウ',
  'ー',
  'ยู',
  'เ',
  'हि',
  '\u05b8',
  '😀',
  '𝐀',
  '\ud800',
  '\udc00',
  '\u0000',
];
const unit = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 60 });

describe('normalizeWithOffsets (property)', () => {
  it('keeps its offset map inside the original text, in order', () => {
    fc.assert(
      fc.property(text, (original) => {
        const { text: normalized, offsets } = normalizeWithOffsets(original);
        expect(offsets.length).toBe(normalized.length + 1);
        expect(offsets[normalized.length]).toBe(original.length);
        for (let i = 0; i < normalized.length; i++) {
          expect(offsets[i]).toBeGreaterThanOrEqual(0);
          expect(offsets[i]).toBeLessThan(original.length);
          expect(offsets[i]).toBeLessThanOrEqual(offsets[i + 1]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same text as normalizeTerm', () => {
    fc.assert(
      fc.property(text, (original) => {
        expect(normalizeTerm(original)).toBe(normalizeWithOffsets(original).text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tokenize (property)', () => {
  it('gives tokens inside the original whose source normalizes to text containing the token', () => {
    fc.assert(
      fc.property(text, (original) => {
        let previousStart = 0;
        for (const token of tokenize(original)) {
          // One character can expand into several words (ﷺ), which then share its place.
          expect(token.start).toBeGreaterThanOrEqual(previousStart);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(original.length);
          // Containing, not equal, for the same reason (🄀 → "0.").
          expect(normalizeTerm(original.slice(token.start, token.end))).toContain(token.text);
          previousStart = token.start;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('tokenizes a term as the same words would be tokenized in an article', () => {
    fc.assert(
      fc.property(text, (original) => {
        const normalized = normalizeTerm(original);
        expect(tokenizeTerm(normalized)).toEqual(tokenize(original).map((t) => t.text));
      }),
      { numRuns: 1000 },
    );
  });
});
