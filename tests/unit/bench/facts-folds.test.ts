// The folds bench:facts-fit cross-validates the key-fact weights on: each language group spread evenly, the same on
// every run.
import { describe, expect, it } from 'vitest';
import { foldsOf, type GoldArticle, type Group } from '../../bench/facts-gold';

const article = (ref: string, group: Group): GoldArticle => ({
  ref,
  hash: '',
  lang: group === 'other' ? 'de' : group,
  group,
  half: 'tuning',
  title: '',
  text: '',
  facts: [],
});
const articles = [
  ...Array.from({ length: 20 }, (_, i) => article(`ar-${i}`, 'ar')),
  ...Array.from({ length: 18 }, (_, i) => article(`en-${i}`, 'en')),
  ...Array.from({ length: 13 }, (_, i) => article(`other-${i}`, 'other')),
];

describe('foldsOf', () => {
  it('spreads each language group evenly over the folds, the same on every run', () => {
    const folds = foldsOf(articles, 5, 1);
    expect(foldsOf(articles, 5, 1)).toEqual(folds);
    expect([...folds.keys()].sort()).toEqual(articles.map((a) => a.ref).sort());
    for (const group of ['ar', 'en', 'other'] as const) {
      const sizes = [0, 1, 2, 3, 4].map(
        (f) => articles.filter((a) => a.group === group && folds.get(a.ref) === f).length,
      );
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('deals the articles out differently for another seed', () => {
    expect(foldsOf(articles, 5, 2)).not.toEqual(foldsOf(articles, 5, 1));
  });
});
