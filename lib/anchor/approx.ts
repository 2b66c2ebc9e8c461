// Bit-parallel edit-distance search (Myers 1999, 32-row blocks, Ukkonen cut-off): O(n·⌈m/32⌉)
// worst case and no backtracking, so a long or hostile page cannot make anchoring hang.

const W = 32;
const TOP = 1 << 31;
const LOW = 0x800;

export interface CompiledPattern {
  readonly length: number;
  readonly blocks: number;
  /** True when rows run from the pattern's last character to its first (for leftward scans). */
  readonly reversed: boolean;
  /**
   * Rows (bits) where each pattern character occurs: slot s's block b is eq[s * blocks + b].
   * Slot 0 is all zeros, for characters absent from the pattern.
   */
  readonly eq: Int32Array;
  /** Slot of each code unit below 0x800 (Latin, Greek, Cyrillic, Hebrew, Arabic): a flat lookup. */
  readonly lowSlot: Uint16Array;
  readonly highSlot: Map<number, number>;
  /** Bit of the bottom row in the last block. */
  readonly lastHigh: number;
}

export function compilePattern(pattern: string, reversed = false): CompiledPattern {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / W));
  const lowSlot = new Uint16Array(LOW);
  const highSlot = new Map<number, number>();
  const rows: number[] = []; // [slot, row] pairs, resolved once the slot count is known
  let slots = 1;
  for (let row = 0; row < m; row++) {
    const c = pattern.charCodeAt(reversed ? m - 1 - row : row);
    let slot = c < LOW ? lowSlot[c] : (highSlot.get(c) ?? 0);
    if (slot === 0) {
      slot = slots++;
      if (c < LOW) lowSlot[c] = slot;
      else highSlot.set(c, slot);
    }
    rows.push(slot, row);
  }
  const eq = new Int32Array(slots * blocks);
  for (let i = 0; i < rows.length; i += 2) {
    const row = rows[i + 1];
    eq[rows[i] * blocks + ((row / W) | 0)] |= 1 << (row % W);
  }
  return { length: m, blocks, reversed, eq, lowSlot, highSlot, lastHigh: 1 << ((m - 1) % W) };
}

/** Offset into pat.eq of the bit rows for character code c. */
function eqBase(pat: CompiledPattern, c: number): number {
  return (c < LOW ? pat.lowSlot[c] : (pat.highSlot.get(c) ?? 0)) * pat.blocks;
}

/**
 * Advances one block of the DP column by one text character. `hin` is the horizontal delta
 * entering the block's top row; returns the delta leaving its bottom row. Mutates pv/mv.
 */
function advanceBlock(pv: Int32Array, mv: Int32Array, b: number, eqIn: number, hin: number, high: number): number {
  const p = pv[b];
  const n = mv[b];
  let eq = eqIn;
  const xv = eq | n;
  // A -1 arriving from above behaves like a match in row 0 of this block.
  if (hin < 0) eq |= 1;
  const xh = (((eq & p) + p) ^ p) | eq;
  let ph = n | ~(xh | p);
  let mh = p & xh;
  const hout = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return hout;
}

const now = (): number => performance.now();

/**
 * Reports every end offset `e` where some substring text[s, e) is within `maxErrors` edits of the
 * pattern (free start), with the least such distance. Returns false if `deadline` passed first.
 */
export function searchApprox(
  text: string,
  pat: CompiledPattern,
  maxErrors: number,
  onMatch: (end: number, errors: number) => void,
  deadline = Infinity,
): boolean {
  const m = pat.length;
  if (pat.reversed) throw new Error('searchApprox scans forwards; compile the pattern unreversed');
  const k = Math.min(maxErrors, m);
  const last = pat.blocks - 1;
  const pv = new Int32Array(pat.blocks).fill(-1);
  const mv = new Int32Array(pat.blocks);
  const score = new Int32Array(pat.blocks);
  // Before any text, row i holds i: only the blocks containing rows ≤ k can be ≤ k.
  let y = Math.min(last, Math.max(0, Math.ceil(k / W) - 1));
  for (let b = 0; b <= y; b++) score[b] = b === last ? m : (b + 1) * W;

  for (let j = 0; j < text.length; j++) {
    if ((j & 1023) === 0 && deadline !== Infinity && now() > deadline) return false;
    const base = eqBase(pat, text.charCodeAt(j));
    let carry = 0; // row 0 is 0 in every column: a match may start anywhere
    for (let b = 0; b <= y; b++) {
      carry = advanceBlock(pv, mv, b, pat.eq[base + b], carry, b === last ? pat.lastHigh : TOP);
      score[b] += carry;
    }
    // Rows below block y are all > k. The first row of block y+1 can come within k only if
    // block y's bottom was exactly k in the previous column and either matches diagonally
    // or improves vertically; then start that block from an upper bound of its old column.
    if (y < last && score[y] - carry <= k && ((pat.eq[base + y + 1] & 1) !== 0 || carry < 0)) {
      y++;
      pv[y] = -1;
      mv[y] = 0;
      const rows = y === last ? m - y * W : W;
      const hout = advanceBlock(pv, mv, y, pat.eq[base + y], carry, y === last ? pat.lastHigh : TOP);
      score[y] = score[y - 1] - carry + rows + hout;
    } else {
      // A bottom ≥ k + 32 means every row of the block is > k: stop computing it.
      while (y > 0 && score[y] >= k + W) y--;
    }
    if (y === last && score[y] <= k) onMatch(j + 1, score[y]);
  }
  return true;
}

/**
 * Edit distance between the pattern and the text run that starts at `from` (direction 1: text[from,
 * from+len)) or ends there (direction -1: text[from-len, from)), minimised over len ≤ maxLen.
 * Among equal distances the length closest to the pattern's is preferred. Pattern must be compiled
 * reversed for direction -1. Cost O(maxLen·⌈m/32⌉).
 */
export function alignAnchored(
  text: string,
  from: number,
  direction: 1 | -1,
  pat: CompiledPattern,
  maxLen: number,
): { distance: number; length: number } {
  if (pat.reversed !== (direction === -1)) throw new Error('pattern orientation does not match direction');
  const m = pat.length;
  const last = pat.blocks - 1;
  let best = { distance: m, length: 0 };
  if (m === 0) return best;
  const pv = new Int32Array(pat.blocks).fill(-1);
  const mv = new Int32Array(pat.blocks);
  const limit = Math.min(maxLen, direction > 0 ? text.length - from : from);
  let bottom = m;
  for (let t = 1; t <= limit; t++) {
    const base = eqBase(pat, text.charCodeAt(direction > 0 ? from + t - 1 : from - t));
    let carry = 1; // row 0 grows by one per text character: the alignment is pinned at `from`
    for (let b = 0; b <= last; b++)
      carry = advanceBlock(pv, mv, b, pat.eq[base + b], carry, b === last ? pat.lastHigh : TOP);
    bottom += carry;
    if (bottom < best.distance || (bottom === best.distance && Math.abs(t - m) < Math.abs(best.length - m))) {
      best = { distance: bottom, length: t };
    }
  }
  return best;
}
