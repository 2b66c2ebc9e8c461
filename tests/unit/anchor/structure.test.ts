// @vitest-environment happy-dom
// The element-path check re-attaching reads for candidates, against the plain comparison of two whole paths.
import { describe, expect, it } from 'vitest';
import { pathAgreement, xpathOf } from '../../../lib/anchor/structure';
import { el, mount } from './dom';

/** The plain comparison: 2 the same path, 1 the same element names, 0 neither. */
function pathsAgreement(stored: string, found: string): number {
  const withoutIndices = (path: string) => path.replace(/\[\d+\]/g, '');
  if (stored === found) return 2;
  return withoutIndices(stored) === withoutIndices(found) ? 1 : 0;
}

describe('pathAgreement', () => {
  it('says what comparing the element’s own whole path says, for every pair of elements of a page', () => {
    const root = mount(
      el('h1', 'Title'),
      el('div', el('p', 'a'), el('p', 'b'), el('blockquote', el('p', 'c')), el('p', 'd')),
      el('div', el('p', 'e'), el('aside', el('p', 'f'), el('p', 'g')), el('p', 'h')),
      el('section', el('div', el('p', 'i')), el('p', 'j')),
    );
    const elements = [root, ...root.querySelectorAll('*')];
    const paths = [...elements.map(xpathOf), '/html[1]/body[1]', '/html[1]/body[1]/article[1]/div[9]/p[1]', '/p[1]'];
    const seen = new Set<number>();
    for (const stored of paths)
      for (const element of elements) {
        const agreement = pathAgreement(stored, element);
        expect([stored, xpathOf(element), agreement]).toEqual([
          stored,
          xpathOf(element),
          pathsAgreement(stored, xpathOf(element)),
        ]);
        seen.add(agreement);
      }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});
