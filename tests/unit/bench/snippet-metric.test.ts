import { describe, expect, it } from 'vitest';
import { corpusSnippetScore, normalizeSnippetText, scoreSnippets } from '../../bench/metrics/snippet-metric';

describe('snippet metric (trafilatura evaluate.py)', () => {
  it("normalizes whitespace as Python's re.sub(r'\\s+', ' ', s).strip(), and nothing else", () => {
    expect(normalizeSnippetText('  a\u00a0\t b\n\nc  ')).toBe('a b c');
    expect(normalizeSnippetText('a\u0085b\u001fc\u2029d\u3000e')).toBe('a b c d e');
    // U+FEFF and U+200B are not whitespace in Python
    expect(normalizeSnippetText('\ufeffa\u200bb')).toBe('\ufeffa\u200bb');
    expect(normalizeSnippetText('Straße, ÉTÉ!')).toBe('Straße, ÉTÉ!');
  });

  it('counts each with-snippet found as TP, else FN; each without-snippet found as FP, else TN', () => {
    const output = 'The mayor said on Monday\nthat the bridge would reopen.\n\nSubscribe now';
    const counts = scoreSnippets(output, {
      with: ['mayor said on Monday that the', 'would reopen.', 'The Mayor said'],
      without: ['Subscribe now', 'Cookie settings'],
    });
    expect(counts).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
  });

  it('scores a page with no output, or a throwing extractor, as every with-snippet missed', () => {
    const snippets = { with: ['a b', 'c'], without: ['d', 'e', 'f'] };
    expect(scoreSnippets(null, snippets)).toEqual({ tp: 0, fp: 0, fn: 2, tn: 3 });
    expect(scoreSnippets('', snippets)).toEqual({ tp: 0, fp: 0, fn: 2, tn: 3 });
  });

  it('sums counts over all snippets of all pages before taking ratios (micro-average)', () => {
    const big = { tp: 6, fp: 0, fn: 0, tn: 6 };
    const small = { tp: 0, fp: 2, fn: 2, tn: 0 };
    const score = corpusSnippetScore([big, small]);
    expect(score.precision).toBe(6 / 8);
    expect(score.recall).toBe(6 / 8);
    expect(score.accuracy).toBe(12 / 16);
    expect(score.f1).toBe(12 / 16);
    // a per-page (macro) mean would give precision 0.5
  });

  it('gives 0 for a ratio without a denominator', () => {
    expect(corpusSnippetScore([{ tp: 0, fp: 0, fn: 3, tn: 2 }])).toEqual({
      precision: 0,
      recall: 0,
      accuracy: 0.4,
      f1: 0,
    });
    expect(corpusSnippetScore([])).toEqual({ precision: 0, recall: 0, accuracy: 0, f1: 0 });
  });
});
