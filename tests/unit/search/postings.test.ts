import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendDocs,
  decodeDocs,
  encodeDocs,
  intersectSorted,
  subtractSorted,
  unionSorted,
  uniqueSorted,
} from '@/lib/search/postings';

const ascending = fc
  .uniqueArray(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 })
  .map((xs) => xs.sort((a, b) => a - b));

describe('postings', () => {
  it('decodes what it encodes, in a byte or two per close document number', () => {
    fc.assert(
      fc.property(ascending, (docs) => {
        expect(decodeDocs(encodeDocs(docs).docs)).toEqual(docs);
      }),
    );
    const dense = Array.from({ length: 1000 }, (_, i) => 20_000 + i * 3);
    expect(encodeDocs(dense).docs.length).toBeLessThan(1010);
  });

  it('appends to a block without repeating a document already in it', () => {
    fc.assert(
      fc.property(ascending, ascending, (a, b) => {
        const block = appendDocs(encodeDocs(a), b);
        const last = a.length ? a[a.length - 1] : -1;
        expect(decodeDocs(block.docs)).toEqual([...a, ...b.filter((x) => x > last)]);
        expect(block.last).toBe(Math.max(last, ...b, 0));
      }),
    );
    expect(decodeDocs(appendDocs(undefined, [0, 5]).docs)).toEqual([0, 5]);
  });

  it('refuses numbers out of order', () => {
    expect(() => encodeDocs([3, 2])).toThrow(/ascending/);
  });

  it('intersects, unites and subtracts sorted lists as sets do', () => {
    fc.assert(
      fc.property(ascending, ascending, (a, b) => {
        const inB = new Set(b);
        expect(intersectSorted(a, b)).toEqual(a.filter((x) => inB.has(x)));
        expect(subtractSorted(a, b)).toEqual(a.filter((x) => !inB.has(x)));
        expect(unionSorted(a, b)).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
    );
  });

  it('sorts the numbers of many lists, each once, as a set would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 2000 }), (numbers) => {
        expect(uniqueSorted(numbers)).toEqual([...new Set(numbers)].sort((x, y) => x - y));
      }),
    );
    expect(uniqueSorted([])).toEqual([]);
    expect(uniqueSorted([7, 0, 7, 8, 0])).toEqual([0, 7, 8]);
  });
});
