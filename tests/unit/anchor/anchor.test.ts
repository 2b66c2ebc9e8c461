// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { anchorMany, anchorSelectors } from '../../../lib/anchor/anchor';
import { describeRange } from '../../../lib/anchor/describe';
import { myersSearch } from '../../../lib/anchor/search';
import { rangeFromTextOffsets, textOf, textOffsetsOfRange } from '../../../lib/anchor/text-range';
import type { Selectors } from '../../../lib/anchor/types';
import { el, mount, selectBetween, textNodes } from './dom';

function english() {
  return mount(
    el('h1', 'Council approves budget'),
    el(
      'p',
      'The city council met on Tuesday. After a long debate the ',
      el('b', 'council approved'),
      ' the new budget for ',
      el('a', 'public transport'),
      ', which adds three bus lines.',
    ),
    el('p', 'Critics said the plan ', el('i', 'ignores'), ' cyclists.'),
  );
}

function arabic() {
  return mount(
    el('h1', 'المجلس يقر الميزانية'),
    el(
      'p',
      'اجتمع المجلس البلدي يوم الثلاثاء. وبعد نقاش طويل ',
      el('b', 'وافق المجلس'),
      ' على الميزانية الجديدة ',
      el('a', 'للنقل العام'),
      '، التي تضيف ثلاثة خطوط حافلات.',
    ),
    el('p', 'وقال المنتقدون إن الخطة ', el('i', 'تتجاهل'), ' راكبي الدراجات.'),
  );
}

/** Text of the anchored range, or null for an orphan. */
const anchoredText = (root: Element, s: Selectors) => anchorSelectors(root, s)?.toString() ?? null;

describe('describeRange → anchorSelectors on an unchanged page', () => {
  it.each([
    ['English', english, 'council approved', 'public transport'],
    ['Arabic', arabic, 'وافق المجلس', 'للنقل العام'],
  ])('%s, across bold and link elements', (_, build, from, to) => {
    const root = build();
    const range = selectBetween(root, from, to);
    const selectors = describeRange(root, range)!;
    const [quote, position] = selectors;
    expect(quote.exact).toBe(range.toString());
    expect(quote.prefix.length).toBe(32);
    expect(quote.suffix.length).toBe(32);
    expect(position).toEqual({ type: 'TextPositionSelector', ...textOffsetsOfRange(root, range) });
    const anchored = anchorSelectors(root, selectors)!;
    expect(anchored.toString()).toBe(range.toString());
    expect(textOffsetsOfRange(root, anchored)).toEqual(textOffsetsOfRange(root, range));
  });

  it('returns null for collapsed or whitespace-only selections', () => {
    const root = english();
    const range = document.createRange();
    range.setStart(textNodes(root)[1], 3);
    expect(describeRange(root, range)).toBeNull();
    const spaces = mount(el('p', 'a'), '   \n  ', el('p', 'b'));
    range.selectNodeContents(spaces.childNodes[1]);
    expect(describeRange(spaces, range)).toBeNull();
  });

  it('keeps a range that ends on an invisible mark just past an element where it was', () => {
    // Found by the property below: "a" + RLM spans the end of a <p> and the text after it, so its
    // block is the article while the bare "a" sits in the <p>; a copy of "a" in the article won.
    const root = mount('aaaaaaa', el('p', 'aaaaaaa'), '\u200Fتacaaaaaac aaaaacabaaaa');
    const selectors = describeRange(root, rangeFromTextOffsets(root, 13, 15)!)!;
    expect(textOffsetsOfRange(root, anchorSelectors(root, selectors)!)).toEqual({ start: 13, end: 15 });
  });

  it('returns the same offsets for random texts and random ranges', () => {
    const chars = fc.constantFrom('a', 'b', 'c', ' ', '\n', 'ب', 'ت', '\u200F');
    const piece = fc.record({
      text: fc.array(chars, { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
      tag: fc.constantFrom('', 'b', 'a', 'span', 'p'),
    });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const root = mount(...pieces.map(({ text, tag }) => (tag ? el(tag, text) : text)));
        const text = textOf(root);
        const start = x % text.length;
        const end = start + 1 + (y % (text.length - start));
        const selectors = describeRange(root, rangeFromTextOffsets(root, start, end)!);
        if (!selectors) {
          expect(text.slice(start, end).replace(/[\s\u200F]/g, '')).toBe(''); // nothing visible selected
          return;
        }
        // Text over three letters repeats itself: a highlight may be left unplaced, never misplaced.
        const anchored = anchorSelectors(root, selectors);
        if (anchored) expect(textOffsetsOfRange(root, anchored)).toEqual({ start, end });
        // Without the position, the quote and its context alone find the same text or nothing.
        const quoteOnly: Selectors = [selectors[0], { type: 'TextPositionSelector', start, end: start }];
        // Whitespace at its edges is not part of what the reader sees highlighted.
        const loose = (s: string) =>
          s
            .replace(/\u200F/g, '')
            .replace(/\s+/g, ' ')
            .trim();
        const found = anchorSelectors(root, quoteOnly);
        if (found) expect(loose(found.toString())).toBe(loose(text.slice(start, end)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('anchorSelectors after the page changed', () => {
  function describeIn(root: Element, from: string, to: string): Selectors {
    return describeRange(root, selectBetween(root, from, to))!;
  }

  it('resolves repeated text by its context', () => {
    const root = mount(
      el('p', 'Monday: the minister said the talks had ', el('b', 'failed completely'), ' and left.'),
      el('p', 'Friday: the minister said the talks had ', el('b', 'failed completely'), ' but would resume.'),
    );
    const second = root.children[1];
    const selectors = describeRange(root, selectBetween(second, 'the minister', 'completely'))!;
    // Shift every offset so the position selector no longer points at the text.
    root.prepend(el('p', 'Update: this story was corrected.'));
    const anchored = anchorSelectors(root, selectors)!;
    expect(anchored.toString()).toBe('the minister said the talks had failed completely');
    expect(second.contains(anchored.startContainer)).toBe(true);
  });

  it('still anchors when a word inside the highlight was edited', () => {
    const root = english();
    const selectors = describeIn(root, 'council approved', 'public transport');
    const node = textNodes(root).find((t) => t.data === ' the new budget for ')!;
    node.data = ' the big budget for ';
    expect(anchoredText(root, selectors)).toBe('council approved the big budget for public transport');
  });

  it('still anchors an edited Arabic highlight', () => {
    const root = arabic();
    const selectors = describeIn(root, 'وافق المجلس', 'للنقل العام');
    const node = textNodes(root).find((t) => t.data === ' على الميزانية الجديدة ')!;
    node.data = ' على الميزانية المعدلة ';
    expect(anchoredText(root, selectors)).toBe('وافق المجلس على الميزانية المعدلة للنقل العام');
  });

  it('still anchors when whitespace changed', () => {
    const root = english();
    const selectors = describeIn(root, 'After a long', 'bus lines');
    for (const t of textNodes(root)) t.data = t.data.replace(/ /g, ' \n    ');
    expect(anchoredText(root, selectors)?.replace(/\s+/g, ' ')).toBe(
      'After a long debate the council approved the new budget for public transport, which adds three bus lines',
    );
  });

  it('still anchors when a paragraph was inserted before', () => {
    const root = arabic();
    const selectors = describeIn(root, 'وقال المنتقدون', 'الدراجات');
    root.insertBefore(el('p', 'تحديث: أضيفت تفاصيل جديدة إلى هذا الخبر.'), root.children[1]);
    expect(anchoredText(root, selectors)).toBe('وقال المنتقدون إن الخطة تتجاهل راكبي الدراجات');
  });

  it('returns null (orphan) when the text was removed', () => {
    const root = english();
    const selectors = describeIn(root, 'Critics said', 'cyclists');
    root.children[2].remove();
    expect(anchorSelectors(root, selectors)).toBeNull();
  });

  it('does not accept the old position when other, identical text moved into it', () => {
    const root = mount(el('p', 'the cat sat. the dog ran.'));
    const selectors = describeRange(root, rangeFromTextOffsets(root, 13, 16)!)!; // the second "the"
    textNodes(root)[0].data = 'Story: today the cat sat. the dog ran.'; // a different "the" is now at 13
    expect(textOffsetsOfRange(root, anchorSelectors(root, selectors)!)).toEqual({ start: 26, end: 29 });
  });

  it('places an unchanged highlight by position even after the deadline, but gives up on fuzzy search', () => {
    const root = english();
    const selectors = describeIn(root, 'council approved', 'public transport');
    expect(anchorSelectors(root, selectors, { deadline: 0 })).not.toBeNull();
    textNodes(root).find((t) => t.data === ' the new budget for ')!.data = ' the big budget for ';
    expect(anchorSelectors(root, selectors, { deadline: 0 })).toBeNull();
    expect(anchorSelectors(root, selectors)).not.toBeNull();
  });

  it('treats malformed selectors as orphans', () => {
    const root = english();
    expect(anchorSelectors(root, [] as unknown as Selectors)).toBeNull();
    expect(anchorSelectors(root, [{ type: 'TextQuoteSelector' }, {}] as unknown as Selectors)).toBeNull();
  });
});

describe('anchorMany', () => {
  // Distinct sentences (a fixed pseudo-random walk over a vocabulary), so that a removed one has
  // no near-duplicate left for the fuzzy search to find.
  const vocabulary = (
    'river harbour council winter budget station ferry museum bridge school ' +
    'market tunnel garden library airport stadium clinic factory orchard canal'
  ).split(' ');
  const sentence = (i: number) => {
    let x = (i + 1) * 7919; // xorshift32
    const words = Array.from({ length: 10 }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return vocabulary[(x >>> 0) % vocabulary.length];
    });
    return `Item ${i}: ${words.slice(0, 5).join(' ')} and asked for changes to ${words.slice(5).join(' ')}.`;
  };

  it('places 100 highlights with one text walk and reports the removed ones', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) =>
      el('p', sentence(i).slice(0, 20), el('b', sentence(i).slice(20, 45)), sentence(i).slice(45)),
    );
    const root = mount(...paragraphs);
    const items = paragraphs.map((p, i) => ({
      id: `h${i}`,
      selectors: describeRange(root, selectBetween(p, 'Item', 'changes'))!,
    }));

    root.prepend(el('p', 'Editor’s note: this page was updated.'));
    const removed = new Set([3, 17, 29, 44, 58, 61, 72, 80, 95, 99]);
    for (const i of removed) paragraphs[i].remove();
    const edited = [5, 20, 40, 60, 77];
    for (const i of edited) {
      const last = paragraphs[i].lastChild as Text;
      last.data = last.data.replace('asked for changes', 'asked for chances');
    }
    // An unchanged quote inside another paragraph's leftover text must not be confused either.
    paragraphs[10].append(el('span', ' See also: report number 0.'));

    const walks = vi.spyOn(document, 'createTreeWalker');
    // A budget no machine exhausts: this test is about where they land, not how fast.
    const { placed, unplaced } = anchorMany(root, items, { budgetMs: 600_000 });
    expect(walks).toHaveBeenCalledTimes(1);

    expect(unplaced.map((u) => u.id)).toEqual([...removed].map((i) => `h${i}`));
    expect(placed.map((p) => p.id)).toEqual(items.map((it) => it.id).filter((_, i) => !removed.has(i)));
    for (const { id, range, changed, text: now } of placed) {
      const i = Number(id.slice(1));
      const expected = sentence(i).slice(0, sentence(i).indexOf('changes') + 7);
      const text = range.toString();
      expect(now).toBe(text);
      expect(changed).toBe(edited.includes(i));
      if (edited.includes(i)) expect(text).toBe(expected.replace('asked for changes', 'asked for chances'));
      else expect(text).toBe(expected);
      expect(paragraphs[i].contains(range.commonAncestorContainer)).toBe(true);
    }
  });

  it('a long page re-indented throughout: highlights far down are found by quote and context, without searching the whole page', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => el('p', sentence(i)));
    const root = mount(...paragraphs);
    const items = paragraphs
      .filter((_, i) => i % 10 === 5)
      .map((p, i) => ({ id: `h${i}`, selectors: describeRange(root, selectBetween(p, 'and asked', 'changes'))! }));
    // Each paragraph now starts on an indented line: every stored offset past the first few is thousands of characters off.
    for (const p of paragraphs) root.insertBefore(document.createTextNode(`\n${' '.repeat(40)}`), p);
    const search = vi.fn(myersSearch);
    const { placed, unplaced } = anchorMany(root, items, { budgetMs: 600_000, search });
    expect(unplaced).toEqual([]);
    expect(placed.map((p) => [p.id, p.changed, p.range.toString()])).toEqual(
      items.map((it) => [it.id, false, it.selectors[0].exact]),
    );
    expect(placed.map((p) => paragraphs.findIndex((el) => el.contains(p.range.startContainer)))).toEqual(
      items.map((_, i) => 10 * i + 5),
    );
    // Only short looks around old places (is the passage cut out there?), never a search of the whole page.
    const pageChars = root.textContent.length;
    expect(search.mock.calls.filter(([text]) => text.length > pageChars / 2)).toEqual([]);
  });

  it('follows where the highlights before it went, not a copy of its paragraphs inserted near its stale position', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => el('p', sentence(i)));
    const root = mount(...paragraphs);
    const items = [2, 30].map((i) => ({
      id: `h${i}`,
      selectors: describeRange(root, selectBetween(paragraphs[i], `Item ${i}:`, 'changes'))!,
    }));
    // Text inserted above everything: a teaser repeating paragraphs 29-31 lands about where paragraph 30 used
    // to be, and every passage moved by the whole insertion.
    const filler = (from: number, n: number) => Array.from({ length: n }, (_, k) => el('p', sentence(from + k)));
    root.prepend(...filler(100, 28), ...[29, 30, 31].map((i) => el('p', sentence(i))), ...filler(200, 30));
    const { placed, unplaced } = anchorMany(root, items, { budgetMs: 600_000 });
    expect(unplaced).toEqual([]);
    expect(placed.map((p) => paragraphs.findIndex((e) => e.contains(p.range.startContainer)))).toEqual([2, 30]);
  });

  it('defers items needing a quote search once the budget is spent, never calling them unplaced', () => {
    const root = english();
    const items = [
      { id: 'same', selectors: describeRange(root, selectBetween(root, 'Critics', 'plan'))! },
      { id: 'moved', selectors: describeRange(root, selectBetween(root, 'council approved', 'new budget'))! },
    ];
    root.prepend(el('p', 'New intro paragraph. '));
    root.children[3].append(' Added.'); // the last paragraph: its position shifts too, so both need the quote
    const done = anchorMany(root, items, { budgetMs: 1000 });
    expect([done.unplaced, done.deferred]).toEqual([[], []]);
    expect(anchorMany(root, items, { budgetMs: -1 })).toEqual({ placed: [], unplaced: [], deferred: items });
  });
});
