import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normEnd, normStart, prepareText } from '../../../lib/anchor/normalize';

const invisible = /[\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

describe('prepareText', () => {
  it('collapses whitespace, drops invisibles and maps every character back to its raw span', () => {
    const chars = fc.constantFrom(
      'a',
      'ب',
      ' ',
      ' ',
      '\n',
      '\t',
      '\u00A0',
      '\u200F',
      '\u0640',
      '\uFEFF',
      '\u3000',
      'é',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (arr) => {
        const raw = arr.join('');
        const p = prepareText(raw);
        expect(p.norm).toBe(raw.replace(invisible, '').replace(/\s+/g, ' '));
        for (let i = 0; i < p.norm.length; i++) {
          expect(raw.slice(p.starts[i], p.ends[i]).replace(invisible, '').replace(/\s+/g, ' ')).toBe(p.norm[i]);
          if (i > 0) expect(p.starts[i]).toBeGreaterThanOrEqual(p.ends[i - 1]);
        }
        for (let r = 0; r <= raw.length; r++) {
          // Everything before normStart/normEnd lies before or overlaps raw offset r.
          expect(p.norm.length === 0 || normStart(p, r) === p.norm.length || p.ends[normStart(p, r)] > r).toBe(true);
          expect(normEnd(p, r) === 0 || p.starts[normEnd(p, r) - 1] < r).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
