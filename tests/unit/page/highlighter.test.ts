// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorItem } from '@/lib/anchor/anchor';
import type { Selectors } from '@/lib/anchor/types';
import { createHighlighter, cssHighlightPainter } from '@/lib/page/highlighter';
import { FACT_NAME, HIGHLIGHT_NAME } from '@/lib/page/highlight-styles';
import { XrayLikeHighlight, XrayLikeHighlightRegistry } from '../firefox-content-world';

const ARTICLE = `<article data-article-url="https://n.example/appended"><h2>عنوان</h2>
  <p>وقال رئيس الوفد إن بلاده وروسيا وافقتا على تبادل جثث 6 آلاف جندي من كل جانب.</p>
  <p>Turkey hosted the talks in Istanbul for a second round.</p></article>`;

function setup(stored: AnchorItem[] = []) {
  document.body.replaceChildren(...new DOMParser().parseFromString(ARTICLE, 'text/html').body.childNodes);
  const painted = new Map<string, number>();
  const added: { articleUrl: string; selectors: Selectors }[] = [];
  const placement = vi.fn(async () => {});
  const highlighter = createHighlighter({
    doc: document,
    pageUrl: () => 'https://n.example/page?utm_source=x',
    painter: { paint: (name, ranges) => painted.set(name, ranges.length) },
    add: async (payload) => {
      added.push(payload);
      return { id: `h-${String(added.length).padStart(8, '0')}` };
    },
    forPage: async () => stored,
    reportPlacement: placement,
    factsFor: async () => ['Turkey hosted the talks in Istanbul for a second round.'],
  });
  return { highlighter, painted, added, placement };
}

function select(text: string) {
  const p = [...document.querySelectorAll('p')].find((el) => el.textContent.includes(text))!;
  const node = p.firstChild!;
  const at = node.nodeValue!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

beforeEach(() => getSelection()?.removeAllRanges());

describe('createHighlighter', () => {
  it('turns the selection into selectors for the article it sits in, and paints it', async () => {
    const { highlighter, painted, added } = setup();
    // A full article (a headline and prose), as the extractor stores one, under the address it declares.
    const more = document.createElement('p');
    more.textContent = 'The delegations met for three hours and agreed to meet again next month. '.repeat(6);
    document.querySelector('article')!.append(more);
    select('تبادل جثث 6 آلاف جندي');
    expect(await highlighter.highlightSelection()).toEqual({ added: true });
    expect(added[0].articleUrl).toBe('https://n.example/appended');
    expect(added[0].selectors[0].exact).toBe('تبادل جثث 6 آلاف جندي');
    expect(painted.get(HIGHLIGHT_NAME)).toBe(1);
    expect(await highlighter.highlightSelection()).toEqual({ added: false });
  });

  it('re-attaches stored highlights and reports the ones it cannot place', async () => {
    const first = setup();
    select('hosted the talks');
    await first.highlighter.highlightSelection();
    const selectors = first.added[0].selectors;
    const gone: Selectors = [{ ...selectors[0], exact: 'a sentence that is not there any more' }, selectors[1]];
    const { highlighter, painted, placement } = setup([
      { id: 'h-placed00', selectors },
      { id: 'h-gone0000', selectors: gone },
    ]);
    const report = { placed: [{ id: 'h-placed00' }], unplaced: [{ id: 'h-gone0000' }] };
    expect(await highlighter.attach()).toEqual(report);
    expect(placement).toHaveBeenCalledWith(report);
    expect(painted.get(HIGHLIGHT_NAME)).toBe(1);
    expect(highlighter.hasPending()).toBe(true);
  });

  it('on a machine too busy for the first budget, searches again in later tasks instead of losing the highlight', async () => {
    const first = setup();
    select('hosted the talks');
    await first.highlighter.highlightSelection();
    const selectors = first.added[0].selectors;
    const { highlighter, painted, placement } = setup([{ id: 'h-moved000', selectors }]);
    // The passage moved, so its quote must be searched; and every clock reading is 30 ms later.
    document.querySelector('article')!.prepend(document.createElement('p'), 'A new first paragraph. ');
    let clock = 0;
    const slow = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 30));
    try {
      const report = await highlighter.attach();
      expect(report).toEqual({ placed: [{ id: 'h-moved000' }], unplaced: [] });
      expect(placement).toHaveBeenCalledTimes(1);
      expect(painted.get(HIGHLIGHT_NAME)).toBe(1);
    } finally {
      slow.mockRestore();
    }
  });

  it('places a highlight whose text arrives late, once the page fills in', async () => {
    const first = setup();
    select('hosted the talks');
    await first.highlighter.highlightSelection();
    const selectors = first.added[0].selectors;
    const { highlighter, placement } = setup([{ id: 'h-late0000', selectors }]);
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes('hosted the talks'))!;
    paragraph.remove();
    expect(await highlighter.attach()).toEqual({ placed: [], unplaced: [{ id: 'h-late0000' }] });
    document.querySelector('article')!.append(paragraph);
    expect(await highlighter.retry()).toEqual(['h-late0000']);
    expect(placement).toHaveBeenLastCalledWith({ placed: [{ id: 'h-late0000' }], unplaced: [] });
    expect(highlighter.hasPending()).toBe(false);
  });

  it('reports text that changed since it was highlighted, and upgrades positions stored before v3', async () => {
    const first = setup();
    select('hosted the talks');
    await first.highlighter.highlightSelection();
    const selectors = first.added[0].selectors;
    const { highlighter, placement } = setup([
      { id: 'h-legacy00', selectors, legacyPositions: true },
      { id: 'h-edited00', selectors: [{ ...selectors[0], exact: 'hostet the talks' }, selectors[1]] },
    ]);
    const start = document.body.textContent.indexOf('hosted the talks');
    const report = await highlighter.attach();
    expect(report.placed).toEqual([
      { id: 'h-legacy00', position: { type: 'TextPositionSelector', start, end: start + 16 } },
      { id: 'h-edited00', changedTo: 'hosted the talks' },
    ]);
    expect(placement).toHaveBeenCalledWith(report);
  });

  it('marks and unmarks the stored key facts', async () => {
    const { highlighter, painted } = setup();
    expect(await highlighter.markFacts(true)).toBe(1);
    expect(painted.get(FACT_NAME)).toBe(1);
    expect(await highlighter.markFacts(false)).toBe(0);
    expect(painted.get(FACT_NAME)).toBe(0);
  });
});

describe('cssHighlightPainter in a Firefox content script', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('paints and clears through the registry without iterating it or a Highlight, which Xray wrappers refuse', () => {
    const registry = new XrayLikeHighlightRegistry();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', XrayLikeHighlight);
    const ranges = ['one', 'two'].map((text) => {
      const p = document.body.appendChild(document.createElement('p'));
      p.textContent = text;
      const range = document.createRange();
      range.selectNodeContents(p);
      return range;
    });
    const painter = cssHighlightPainter();

    painter.paint(HIGHLIGHT_NAME, ranges);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(2);
    expect(() => [...registry.get(HIGHLIGHT_NAME)!]).toThrow(/Xray/);
    painter.paint(HIGHLIGHT_NAME, ranges.slice(1));
    expect(registry.get(HIGHLIGHT_NAME)?.has(ranges[1])).toBe(true);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(1);
    painter.paint(HIGHLIGHT_NAME, []);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });
});
