// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildTextIndex,
  fromVisibleOffset,
  rangeFromTextOffsets,
  textOf,
  textOffsetsOfRange,
  visibleSlice,
} from '../../../lib/anchor/text-range';
import { el, mount, textNodes } from './dom';

function sample() {
  const script = el('script', 'var x = 1;');
  const root = mount(
    el('p', 'The ', el('b', 'quick'), ' brown ', el('a', 'fox'), script, ' jumps.'),
    el('style', 'p { color: red }'),
    el('noscript', 'enable JS'),
    el('p', 'Second ', el('i', 'para'), '.'),
  );
  return { root, script };
}

describe('buildTextIndex', () => {
  it('counts all text as textContent does and lists script, style and noscript text as hidden', () => {
    const { root } = sample();
    const index = buildTextIndex(root);
    expect(textOf(root)).toBe(root.textContent);
    expect(index.hidden).toEqual([19, 29, 36, 61]); // the script, then style and noscript merged
    expect(visibleSlice(index, 0, index.text.length)).toBe('The quick brown fox jumps.Second para.');
    expect(visibleSlice(index, 16, 34)).toBe('fox jump');
  });

  it('converts positions stored without hidden text (before v3) to today’s', () => {
    const index = buildTextIndex(sample().root);
    // "jumps" was at 20 in the visible text; "Second" at 26.
    expect(index.text.slice(fromVisibleOffset(index, 20), fromVisibleOffset(index, 25))).toBe('jumps');
    expect(index.text.slice(fromVisibleOffset(index, 26), fromVisibleOffset(index, 32))).toBe('Second');
  });
});

describe('textOffsetsOfRange', () => {
  it('maps text-node boundaries across inline elements', () => {
    const { root } = sample();
    const [the, quick] = textNodes(root);
    const range = document.createRange();
    range.setStart(the, 2);
    range.setEnd(quick, 3);
    expect(textOffsetsOfRange(root, range)).toEqual({ start: 2, end: 7 });
  });

  it('maps element boundaries and points inside script text', () => {
    const { root, script } = sample();
    const p = root.firstElementChild!;
    const range = document.createRange();
    range.setStart(p, 1); // before <b>
    range.setEnd(script.firstChild!, 3); // inside the script: counted, as the standard counts it
    expect(textOffsetsOfRange(root, range)).toEqual({ start: 4, end: 22 });
    range.setEnd(p, p.childNodes.length);
    expect(textOffsetsOfRange(root, range)).toEqual({ start: 4, end: 36 });
  });

  it('clamps ranges that stick out of the root and rejects ranges outside it', () => {
    const { root } = sample();
    const outside = el('p', 'elsewhere');
    document.body.append(outside);
    const range = document.createRange();
    range.setStart(document.body, 0);
    range.setEnd(textNodes(root)[1], 2);
    expect(textOffsetsOfRange(root, range)).toEqual({ start: 0, end: 6 });
    range.selectNodeContents(outside);
    expect(textOffsetsOfRange(root, range)).toBeNull();
  });
});

describe('rangeFromTextOffsets', () => {
  it('builds a range covering exactly the requested text', () => {
    const { root } = sample();
    const range = rangeFromTextOffsets(root, 4, 19)!;
    expect(range.toString()).toBe('quick brown fox');
    expect(range.startContainer.textContent).toBe('quick'); // not the end of "The "
    expect(range.endContainer.textContent).toBe('fox'); // not the start of the script
  });

  it('rejects offsets outside the text', () => {
    const { root } = sample();
    expect(rangeFromTextOffsets(root, -1, 2)).toBeNull();
    expect(rangeFromTextOffsets(root, 5, 4)).toBeNull();
    expect(rangeFromTextOffsets(root, 0, 1000)).toBeNull();
    expect(rangeFromTextOffsets(root, 38, 38)!.collapsed).toBe(true);
  });

  it('agrees with Range.toString on random trees and random boundary points', () => {
    // Offsets count script text too, so the oracle is Range.toString().
    type Tree = { tag: string; kids: (Tree | string)[] };
    const word = fc.array(fc.constantFrom('a', 'b', ' ', 'ع', 'ر', '\n'), { maxLength: 6 }).map((a) => a.join(''));
    const { tree } = fc.letrec<{ tree: Tree; kid: Tree | string }>((tie) => ({
      tree: fc.record({
        tag: fc.constantFrom('p', 'b', 'a', 'span', 'script'),
        kids: fc.array(tie('kid'), { maxLength: 4 }),
      }),
      kid: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, tie('tree')),
    }));
    const build = (t: Tree): HTMLElement => {
      // Script holds only text, as parsed HTML would.
      if (t.tag === 'script') return el('script', '7'.repeat(t.kids.length + 1));
      const node = el(t.tag);
      for (const k of t.kids) node.append(typeof k === 'string' ? k : build(k));
      return node;
    };
    fc.assert(
      fc.property(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (trees, a, b, c, d) => {
          const root = mount(...trees.map(build));
          const all: Node[] = [];
          const visit = (n: Node) => {
            all.push(n);
            n.childNodes.forEach(visit);
          };
          visit(root);
          const point = (i: number, j: number): [Node, number] => {
            const n = all[i % all.length];
            const max = n.nodeType === 3 ? (n as Text).length : n.childNodes.length;
            return [n, j % (max + 1)];
          };
          const range = document.createRange();
          range.setStart(...point(a, b));
          range.setEnd(...point(c, d)); // collapses onto the end if it lies before the start
          const before = document.createRange();
          before.setStart(root, 0);
          before.setEnd(range.startContainer, range.startOffset);
          const visible = (r: Range) => r.toString();
          const start = visible(before).length;
          const text = textOf(root);
          const offsets = textOffsetsOfRange(root, range);
          expect(offsets).toEqual({ start, end: start + visible(range).length });
          const back = rangeFromTextOffsets(root, offsets!.start, offsets!.end);
          if (text.length === 0) return;
          expect(visible(back!)).toBe(text.slice(offsets!.start, offsets!.end));
          expect(textOffsetsOfRange(root, back!)).toEqual(offsets);
        },
      ),
      { numRuns: 300 },
    );
  });
});
