import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { myersSearch, occurs } from '../../../lib/anchor/search';
import { alphabet } from './strings';

describe('occurs', () => {
  it('says what a search of the whole text says (pieces of the pattern found exactly, only around them searched)', () => {
    fc.assert(
      fc.property(alphabet('abc ', 0, 400), alphabet('abc ', 1, 70), fc.nat(20), (text, pattern, k) => {
        expect(occurs(myersSearch, text, pattern, k, Infinity)).toBe(!!myersSearch(text, pattern, k, Infinity)?.length);
      }),
      { numRuns: 500 },
    );
  });

  it('finds an edited copy of the pattern inside unrelated text, and no copy where there is none', () => {
    fc.assert(
      fc.property(
        alphabet('abcdefgh', 8, 64),
        fc.array(fc.nat(), { maxLength: 6 }),
        alphabet('xyz', 0, 300),
        alphabet('xyz', 0, 300),
        (pattern, edits, before, after) => {
          let copy = pattern;
          for (const e of edits) {
            const at = e % (copy.length + 1);
            copy = copy.slice(0, at) + 'abq'[e % 3] + copy.slice(at + (e % 2));
          }
          const text = before + copy + after;
          for (const k of [0, 1, edits.length, 2 * edits.length + 1])
            expect(occurs(myersSearch, text, pattern, k, Infinity)).toBe(
              !!myersSearch(text, pattern, k, Infinity)?.length,
            );
          expect(occurs(myersSearch, before + after, pattern, 2, Infinity)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is false once the deadline has passed', () => {
    const text = 'lorem ipsum dolor '.repeat(2_000);
    expect(occurs(myersSearch, text, 'ipsum dolor lorem', 2, performance.now() - 1)).toBe(false);
  });
});
