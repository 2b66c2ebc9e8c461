// @vitest-environment happy-dom
// The copy handed to Readability stays within its budgets whatever the page: characters, elements, depth.
import { describe, expect, it } from 'vitest';
import { copyFor, ELEMENT_BUDGET, MAX_DEPTH, MAX_HEAD_SCRIPT_CHARS, TEXT_BUDGET } from '@/lib/extract/page-copy';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function depthOf(root: Element): number {
  let deepest = 0;
  const work: [Element, number][] = [[root, 0]];
  while (work.length) {
    const [el, d] = work.pop()!;
    deepest = Math.max(deepest, d);
    for (const child of el.children) work.push([child, d + 1]);
  }
  return deepest;
}

describe('copyFor', () => {
  it('cuts a single text node larger than the budget instead of copying it whole', () => {
    const doc = parse('<html><body><article><h1>Title</h1><p id="big"></p></article></body></html>');
    doc.getElementById('big')!.textContent = 'x'.repeat(2_000_000);
    const copy = copyFor(doc, null, []);
    const text = copy.body.textContent ?? '';
    expect(text.length).toBe(TEXT_BUDGET);
    expect(text.startsWith('Titlexxx')).toBe(true);
    // The page itself is untouched.
    expect(doc.getElementById('big')!.textContent.length).toBe(2_000_000);
  });

  it('walks 10,000 nested elements without recursion and flattens them past MAX_DEPTH, text in order', () => {
    const doc = parse('<html><body><div id="deep"></div></body></html>');
    let at: Element = doc.getElementById('deep')!;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement('div');
      div.append(`L${i} `);
      at.appendChild(div);
      at = div;
    }
    const copy = copyFor(doc, null, []);
    expect(depthOf(copy.body)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    const text = copy.body.textContent ?? '';
    expect(text.startsWith('L0 L1 L2 ')).toBe(true);
    expect(text).toContain(' L100 L101 ');
    expect(copy.body.querySelectorAll('*').length).toBeLessThanOrEqual(ELEMENT_BUDGET);
  });

  it('stops at the element budget on 12,000 short paragraphs, keeping the first ones', () => {
    const doc = parse(
      `<html><body><article><h1>Log</h1>${Array.from({ length: 12_000 }, (_, i) => `<p>${i}</p>`).join('')}</article></body></html>`,
    );
    const copy = copyFor(doc, null, []);
    const ps = copy.body.querySelectorAll('p');
    expect(copy.body.querySelectorAll('*').length).toBe(ELEMENT_BUDGET);
    expect(ps[0].textContent).toBe('0');
    expect(ps.length).toBeGreaterThan(ELEMENT_BUDGET - 5);
  });

  it('copies a container alone, and leaves excluded elements out of the whole page', () => {
    const doc = parse(
      '<html><body><nav>Menu</nav><article id="a"><h1>A</h1><p>One</p></article><article id="b"><h1>B</h1><p>Two</p></article></body></html>',
    );
    expect(copyFor(doc, doc.getElementById('b'), []).body.textContent).toBe('BTwo');
    expect(copyFor(doc, null, [doc.getElementById('b')!]).body.textContent).toBe('MenuAOne');
  });

  it('moves content a parse left outside <body> into the one body', () => {
    const doc = parse('<html><body><p>Inside</p></body></html>');
    doc.documentElement.appendChild(doc.createElement('p')).textContent = 'After';
    const copy = copyFor(doc, null, []);
    expect(copy.querySelectorAll('body')).toHaveLength(1);
    expect(copy.body.textContent).toBe('InsideAfter');
  });

  it('keeps the head metadata but not an oversized JSON-LD block, styles or code', () => {
    const big = JSON.stringify({ '@type': 'NewsArticle', articleBody: 'y'.repeat(MAX_HEAD_SCRIPT_CHARS) });
    const doc = parse(
      `<html><head><title>T</title><meta property="og:title" content="OG"><style>p{}</style><script>var x = 1;</script><script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script><script type="application/ld+json">${big}</script></head><body><p>Text</p></body></html>`,
    );
    const head = copyFor(doc, null, []).head;
    expect(head.querySelector('title')?.textContent).toBe('T');
    expect(head.querySelector('meta[property="og:title"]')).not.toBeNull();
    expect(head.querySelectorAll('script')).toHaveLength(1);
    expect(head.querySelector('style')).toBeNull();
  });

  it('skips script and style text in the body without spending the budget on it', () => {
    const doc = parse(
      `<html><body><script>${'z'.repeat(TEXT_BUDGET * 2)}</script><article><h1>T</h1><p>Body</p></article></body></html>`,
    );
    expect(copyFor(doc, null, []).body.textContent).toBe('TBody');
  });
});
