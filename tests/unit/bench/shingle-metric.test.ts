import { describe, expect, it } from 'vitest';
import {
  corpusShingleScore,
  pagePrecision,
  pageRecall,
  scoreShingles,
  shingleTokens,
  shingles,
} from '../../bench/metrics/shingle-metric';

describe('shingle metric (scrapinghub evaluate.py)', () => {
  it('tokenizes as Python re.findall(r"\\w+") does: letters, numbers, underscore, case kept', () => {
    expect(shingleTokens("Hello, world! It's_ok 42 Café")).toEqual(['Hello', 'world', 'It', 's_ok', '42', 'Café']);
    // A combining mark is not a word character in Python: it splits the word.
    expect(shingleTokens('cafe\u0301 noir')).toEqual(['cafe', 'noir']);
    expect(shingleTokens('كَتَبَ')).toEqual(['ك', 'ت', 'ب']);
    expect(shingleTokens('東京タワー ٢٠٢٤')).toEqual(['東京タワー', '٢٠٢٤']);
    expect(shingleTokens(' — … ')).toEqual([]);
  });

  it('makes 4-token shingles, one shorter shingle for 1–3 tokens, none without tokens', () => {
    expect([...shingles('a b c d e')]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect([...shingles('a b c')]).toEqual([['a b c', 1]]);
    expect([...shingles('a')]).toEqual([['a', 1]]);
    expect(shingles('').size).toBe(0);
    expect(shingles('x y z w x y z w').get('x y z w')).toBe(2);
  });

  it('counts shared, extra and missing shingles per page, normalised to sum to 1', () => {
    // truth: abcd, bcde; prediction: abcd
    expect(scoreShingles('a b c d e', 'a b c d')).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
    // truth: abcd; prediction: abcd, bcde, cdef → one shared, two extra
    const extra = scoreShingles('a b c d', 'a b c d e f');
    expect(extra.tp).toBeCloseTo(1 / 3, 12);
    expect(extra.fp).toBeCloseTo(2 / 3, 12);
    expect(extra.fn).toBe(0);
    // a repeated shingle is matched only as often as the truth has it
    expect(scoreShingles('p q r s', 'p q r s p q r s')).toEqual({ tp: 1 / 5, fp: 4 / 5, fn: 0 });
    expect(scoreShingles('a b c d', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scoreShingles('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
    // case matters
    expect(scoreShingles('Berlin', 'berlin')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('scores a page 1 when nothing is extra or missing, and 0 where nothing matched', () => {
    expect(pagePrecision({ tp: 1, fp: 0, fn: 0 })).toBe(1);
    expect(pageRecall({ tp: 1, fp: 0, fn: 0 })).toBe(1);
    expect(pagePrecision({ tp: 0.25, fp: 0.75, fn: 0 })).toBe(0.25);
    expect(pageRecall({ tp: 0.25, fp: 0, fn: 0.75 })).toBe(0.25);
    expect(pageRecall({ tp: 0, fp: 1, fn: 0 })).toBe(0);
  });

  it('averages page precision and recall over the pages that have them, then takes F1 of the two means', () => {
    const a = scoreShingles('a b c d e', 'a b c d'); // P 1, R 0.5
    const b = scoreShingles('a b c d', 'a b c d e'); // P 0.5, R 1
    const score = corpusShingleScore([a, b]);
    expect(score.precision).toBe(0.75);
    expect(score.recall).toBe(0.75);
    // the mean of the per-page F1s would be 2/3
    expect(score.f1).toBeCloseTo(0.75, 12);

    // A page with no output counts in recall (as 0) but not in precision; a page whose truth and output are both
    // empty counts in neither.
    const withEmpty = corpusShingleScore([a, scoreShingles('a b c d', ''), scoreShingles('', '')]);
    expect(withEmpty.precision).toBe(1);
    expect(withEmpty.recall).toBe(0.25);
    expect(withEmpty.f1).toBeCloseTo((2 * 1 * 0.25) / 1.25, 12);
  });

  it('gives zeros, not NaN, for a corpus with nothing to average', () => {
    expect(corpusShingleScore([])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
