import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignAnchored, compilePattern, searchApprox } from '../../../lib/anchor/approx';
import { alphabet } from './strings';

// Plain O(n·m) dynamic programme: the reference the bit-parallel code must agree with.
function bruteSearch(text: string, pattern: string, k: number): Map<number, number> {
  const m = pattern.length;
  let col = Array.from({ length: m + 1 }, (_, i) => i);
  const out = new Map<number, number>();
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next[i] = Math.min(col[i - 1] + cost, col[i] + 1, next[i - 1] + 1);
    }
    col = next;
    if (col[m] <= k) out.set(j, col[m]);
  }
  return out;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    }
    prev = cur;
  }
  return prev[b.length];
}

describe('searchApprox', () => {
  it('agrees with the plain dynamic programme (patterns spanning several 32-row blocks)', () => {
    fc.assert(
      fc.property(alphabet('abc', 0, 300), alphabet('abc', 1, 110), fc.nat(40), (text, pattern, k0) => {
        const k = Math.min(k0, pattern.length - 1);
        const got = new Map<number, number>();
        expect(searchApprox(text, compilePattern(pattern), k, (e, d) => got.set(e, d))).toBe(true);
        expect(got).toEqual(bruteSearch(text, pattern, k));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on text built from copies of the pattern with edits', () => {
    fc.assert(
      fc.property(alphabet('ab', 33, 100), fc.array(fc.nat(), { maxLength: 12 }), fc.nat(20), (pattern, edits, k) => {
        let text = 'xx' + pattern + 'yy' + pattern + 'zz';
        for (const e of edits) {
          const at = e % text.length;
          text = text.slice(0, at) + 'abq'[e % 3] + text.slice(at + (e % 2));
        }
        const got = new Map<number, number>();
        searchApprox(text, compilePattern(pattern), k, (end, d) => got.set(end, d));
        expect(got).toEqual(bruteSearch(text, pattern, k));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up when the deadline has passed', () => {
    const text = 'lorem ipsum '.repeat(10_000);
    expect(searchApprox(text, compilePattern('ipsum lorem'), 2, () => undefined, performance.now() - 1)).toBe(false);
  });
});

describe('alignAnchored', () => {
  it('finds the least distance of the pattern to runs pinned at one end', () => {
    fc.assert(
      fc.property(
        alphabet('abc', 0, 80),
        alphabet('abc', 1, 70),
        fc.nat(80),
        fc.nat(100),
        (text, pattern, f, maxLen) => {
          const from = f % (text.length + 1);
          let fwd = Infinity;
          let back = Infinity;
          for (let len = 0; len <= maxLen; len++) {
            if (from + len <= text.length) fwd = Math.min(fwd, editDistance(pattern, text.slice(from, from + len)));
            if (from - len >= 0) back = Math.min(back, editDistance(pattern, text.slice(from - len, from)));
          }
          const f1 = alignAnchored(text, from, 1, compilePattern(pattern), maxLen);
          const b1 = alignAnchored(text, from, -1, compilePattern(pattern, true), maxLen);
          expect(f1.distance).toBe(fwd);
          expect(b1.distance).toBe(back);
          expect(editDistance(pattern, text.slice(from, from + f1.length))).toBe(fwd);
          expect(editDistance(pattern, text.slice(from - b1.length, from))).toBe(back);
        },
      ),
      { numRuns: 300 },
    );
  });
});
