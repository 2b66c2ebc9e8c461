import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normEnd, normStart, prepareText, rawEnd, rawStart } from '../../../lib/anchor/normalize';

const invisible = /[\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const isInvisible = (c: string) =>
  /[\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(c);

/** Each normalized character's raw span, one character at a time: a collapsed space spans its whole run. */
function referenceSpans(raw: string, hidden: number[] = []): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let inSpace = false;
  const isHidden = (i: number) => hidden.some((h, k) => k % 2 === 0 && h <= i && i < hidden[k + 1]);
  for (let i = 0; i < raw.length; i++) {
    if (isInvisible(raw[i]) || isHidden(i)) continue;
    const space = /\s/.test(raw[i]);
    if (space && inSpace) ends[ends.length - 1] = i + 1;
    else {
      starts.push(i);
      ends.push(i + 1);
    }
    inSpace = space;
  }
  return { starts, ends };
}

const firstIndex = (xs: number[], ok: (x: number) => boolean) => {
  const i = xs.findIndex(ok);
  return i < 0 ? xs.length : i;
};

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
        const starts = Array.from(p.norm, (_, i) => rawStart(p, i));
        const ends = Array.from(p.norm, (_, i) => rawEnd(p, i));
        expect({ starts, ends }).toEqual(referenceSpans(raw));
        for (let i = 0; i < p.norm.length; i++) {
          expect(raw.slice(starts[i], ends[i]).replace(invisible, '').replace(/\s+/g, ' ')).toBe(p.norm[i]);
          if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(ends[i - 1]);
        }
        for (let r = 0; r <= raw.length; r++) {
          // normStart: the first character ending past r; normEnd: how many begin before r.
          expect(normStart(p, r)).toBe(firstIndex(ends, (e) => e > r));
          expect(normEnd(p, r)).toBe(firstIndex(starts, (s) => s >= r));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps around hidden text (script and style) as the characters it drops', () => {
    const chars = fc.constantFrom('a', ' ', ' ', '\n', '\t', '\u200F', '\uFEFF', 'ب');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 6 }), (arr, cuts) => {
        const raw = arr.join('');
        const bounds = [...new Set(cuts.map((c) => Math.min(c, raw.length)))].sort((a, b) => a - b);
        const hidden = bounds.slice(0, bounds.length - (bounds.length % 2));
        const p = prepareText(raw, hidden);
        const { starts, ends } = referenceSpans(raw, hidden);
        expect(p.norm).toBe(starts.map((s) => (/\s/.test(raw[s]) ? ' ' : raw[s])).join(''));
        expect(Array.from(p.norm, (_, i) => rawStart(p, i))).toEqual(starts);
        expect(Array.from(p.norm, (_, i) => rawEnd(p, i))).toEqual(ends);
        for (let r = 0; r <= raw.length; r++) {
          expect(normStart(p, r)).toBe(firstIndex(ends, (e) => e > r));
          expect(normEnd(p, r)).toBe(firstIndex(starts, (s) => s >= r));
        }
      }),
      { numRuns: 500 },
    );
  });
});
