// @vitest-environment happy-dom
// The element-path check re-attaching reads for candidates, against the plain path comparison it replaces.
import { describe, expect, it } from 'vitest';
import { pathAgreement, pathAgreementOf, xpathOf } from '../../../lib/anchor/structure';
import { el, mount } from './dom';

describe('pathAgreementOf', () => {
  it('says what pathAgreement says of the element’s own path, for every pair of elements of a page', () => {
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
        const agreement = pathAgreementOf(stored, element);
        expect([stored, xpathOf(element), agreement]).toEqual([
          stored,
          xpathOf(element),
          pathAgreement(stored, xpathOf(element)),
        ]);
        seen.add(agreement);
      }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});
