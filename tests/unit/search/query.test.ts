import { describe, expect, it } from 'vitest';
import { parseSearch, positiveTerms } from '@/lib/search/query';

describe('parseSearch', () => {
  it('normalizes words as topic queries do, the last one typed being a prefix', () => {
    expect(parseSearch('Kyiv TALKS')).toEqual({
      type: 'and',
      children: [
        { type: 'term', tokens: ['kyiv'], prefix: false },
        { type: 'term', tokens: ['talks'], prefix: true },
      ],
    });
    expect(parseSearch('Kyiv ')).toEqual({ type: 'term', tokens: ['kyiv'], prefix: false });
    expect(parseSearch('الحكومة')).toEqual({ type: 'term', tokens: ['الحكومه'], prefix: true });
  });

  it('reads phrases (even while their closing quote is not typed yet), prefix*, OR and exclusions', () => {
    expect(parseSearch('"peace talks"')).toEqual({ type: 'term', tokens: ['peace', 'talks'], prefix: false });
    expect(parseSearch('"peace tal')).toEqual({ type: 'term', tokens: ['peace', 'tal'], prefix: true });
    expect(parseSearch('ukrain* ')).toEqual({ type: 'term', tokens: ['ukrain'], prefix: true });
    expect(parseSearch('gaza OR غزة -football ')).toEqual({
      type: 'and',
      children: [
        {
          type: 'or',
          children: [
            { type: 'term', tokens: ['gaza'], prefix: false },
            { type: 'term', tokens: ['غزه'], prefix: false },
          ],
        },
        { type: 'not', child: { type: 'term', tokens: ['football'], prefix: false } },
      ],
    });
  });

  it('falls back to the words of what the topic language refuses, and to nothing without words', () => {
    expect(parseSearch('talks OR ')).toEqual({ type: 'term', tokens: ['talks'], prefix: false });
    expect(parseSearch('(kyiv')).toEqual({ type: 'term', tokens: ['kyiv'], prefix: true });
    expect(parseSearch('   ')).toBeNull();
    expect(parseSearch('!!')).toBeNull();
    expect(parseSearch('site:example.com')).toBeNull();
  });

  it('lists the terms a match must show, not the excluded ones', () => {
    expect(positiveTerms(parseSearch('a1 OR b2 -c3 ')!).map((t) => t.tokens[0])).toEqual(['a1', 'b2']);
  });
});
