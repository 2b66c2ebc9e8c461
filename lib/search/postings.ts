// Which documents hold a word: ascending document numbers stored as delta-coded varints, so a word found in
// 8,000 articles costs about 8 KB and a new article appends a few bytes to the last block of each of its words.

/** Documents per block: a new document rewrites only the last block of each of its words. */
export const BLOCK_DOCS = 1024;

export interface PostingsBlock {
  /** Delta-coded varints of ascending document numbers. */
  docs: Uint8Array;
  /** The last document number in `docs`, the base of the next delta. */
  last: number;
}

export const blockOf = (doc: number): number => Math.floor(doc / BLOCK_DOCS);

function pushVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Encodes ascending document numbers. */
export function encodeDocs(docs: readonly number[]): PostingsBlock {
  const bytes: number[] = [];
  let last = 0;
  for (const doc of docs) {
    if (doc < last) throw new Error('postings must be ascending');
    pushVarint(bytes, doc - last);
    last = doc;
  }
  return { docs: Uint8Array.from(bytes), last };
}

/** Appends ascending document numbers, all above the block's last, to a block (a new block when there is none). */
export function appendDocs(block: PostingsBlock | undefined, docs: readonly number[]): PostingsBlock {
  if (!block) return encodeDocs(docs);
  const bytes: number[] = [];
  let last = block.last;
  for (const doc of docs) {
    if (doc <= last && block.docs.length > 0) continue;
    pushVarint(bytes, doc - last);
    last = doc;
  }
  const merged = new Uint8Array(block.docs.length + bytes.length);
  merged.set(block.docs);
  merged.set(bytes, block.docs.length);
  return { docs: merged, last };
}

/** Decodes a block back to its ascending document numbers, appended to `out`. */
export function decodeDocs(docs: Uint8Array, out: number[] = []): number[] {
  let value = 0;
  let scale = 1;
  let last = 0;
  for (let i = 0; i < docs.length; i++) {
    const byte = docs[i];
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
    } else {
      last += value;
      out.push(last);
      value = 0;
      scale = 1;
    }
  }
  return out;
}

/** Ascending numbers in both. */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

/** Ascending numbers in either, once. */
export function unionSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i] : Infinity;
    const y = j < b.length ? b[j] : Infinity;
    const next = Math.min(x, y);
    out.push(next);
    if (x === next) i++;
    if (y === next) j++;
  }
  return out;
}

/** Ascending numbers in `a` but not in `b`. */
export function subtractSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] < x) j++;
    if (j >= b.length || b[j] !== x) out.push(x);
  }
  return out;
}

/**
 * The numbers, ascending and once each (document numbers: small, non-negative integers). Through a bitmap, not a sort:
 * a prefix typed in Arabic (ال…) unites hundreds of words' lists, tens of thousands of numbers.
 */
export function uniqueSorted(numbers: readonly number[]): number[] {
  let max = -1;
  for (const n of numbers) if (n > max) max = n;
  const bits = new Uint8Array((max >> 3) + 1);
  for (const n of numbers) bits[n >> 3] |= 1 << (n & 7);
  const out: number[] = [];
  for (let byte = 0; byte < bits.length; byte++) {
    const value = bits[byte];
    if (value === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) out.push((byte << 3) + bit);
  }
  return out;
}
