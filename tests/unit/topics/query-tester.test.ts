import { describe, expect, it } from 'vitest';
import { testableTabs, testArticleOf, testQuery, validateQuery } from '@/lib/topics/query-tester';

const article = (text: string) => ({ title: 'Markets today', text, dir: 'ltr' as const });
const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('the query tester', () => {
  it('explains a query that does not parse', () => {
    expect(validateQuery('"unclosed')).toMatchObject({ position: expect.any(Number) });
    expect(testQuery('"unclosed', article('Ukraine'))).toMatchObject({ code: 'quoteUnclosed', position: 0 });
    expect(validateQuery('ukraine OR kyiv')).toBeNull();
  });

  it('marks every hit but captures only by the real rule', () => {
    const deep = `${filler(80)}. Ukraine is named once, deep in the body.`;
    const once = testQuery('ukraine', article(deep));
    expect(once).toMatchObject({
      captured: false,
      hits: [{ field: 'text', term: 'ukraine' }],
      reason: 'passing',
    });
    const lead = testQuery('ukraine', article(`Ukraine talks resume. ${filler(20)}`));
    expect(lead).toMatchObject({
      captured: true,
      reason: 'lead',
    });
    // Says why not when the only mentions are a dateline and a credit.
    const credit = testQuery('reuters', article(`KYIV (Reuters) - Talks resume. ${filler(20)}`));
    expect(credit).toMatchObject({ captured: false, reason: 'asides-only' });
  });

  it('reads web tabs and extracted articles only as far as the tester needs', () => {
    expect(
      testableTabs([
        { id: 1, url: 'https://n.example/a', title: 'A' },
        { id: 2, url: 'chrome://extensions' },
        { url: 'https://n.example/b' },
        { id: 3, url: 'http://n.example/c' },
      ]),
    ).toEqual([
      { id: 1, title: 'A' },
      { id: 3, title: 'http://n.example/c' },
    ]);
    expect(
      testArticleOf({
        url: 'https://n.example/a',
        pageUrl: 'https://n.example/a',
        title: 'T',
        text: 'x',
        excerpt: 'x',
        dir: 'rtl',
        lang: 'ar',
      }),
    ).toEqual({ title: 'T', text: 'x', url: 'https://n.example/a', lang: 'ar', dir: 'rtl' });
  });
});
