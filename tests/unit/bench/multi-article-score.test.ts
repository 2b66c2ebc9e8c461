import { describe, expect, it } from 'vitest';
import { scorePage, sameTitle, tokenF1 } from '../../bench/multi-article/score';

const own = {
  title: 'Harbour bridge reopens after repairs',
  text: 'the harbour bridge reopened on monday after six weeks of repairs to its deck and cables',
  url: 'https://a.example/bridge',
};
const second = {
  title: 'Council approves new budget',
  text: 'the city council approved a budget of four million for schools parks and roads on tuesday night',
  url: 'https://a.example/budget',
};
const third = {
  title: 'Storm closes schools',
  text: 'heavy rain and wind closed twelve schools across the district while crews cleared fallen trees',
  url: null,
};
const truth = [own, second, third];
const teasers = ['Ferry fares rise in spring'];

describe('multi-article score', () => {
  it('token F1 is the F1 of the two texts as bags of case-folded words', () => {
    expect(tokenF1('a b c d', 'a b c d')).toBe(1);
    expect(tokenF1('A b, c d!', 'a B c D')).toBe(1);
    // 2 shared of 4 predicted and 2 of 2 true: P 0.5, R 1
    expect(tokenF1('a b', 'a b x y')).toBeCloseTo(2 / 3, 12);
    expect(tokenF1('a a b', 'a b b')).toBeCloseTo(2 / 3, 12);
    expect(tokenF1('a b', '')).toBe(0);
  });

  it('titles are the same when their words are', () => {
    expect(sameTitle('Storm closes schools', 'storm closes  schools.')).toBe(true);
    expect(sameTitle('Storm closes schools', 'Storm closes schools | Daily')).toBe(false);
    expect(sameTitle('', '')).toBe(false);
  });

  it('succeeds when every article is returned once, under its title, the own first', () => {
    const result = scorePage(
      [
        { ...own, url: own.url },
        { ...second, url: second.url },
        { ...third, url: 'https://a.example/bridge#article-x' },
      ],
      truth,
      teasers,
    );
    expect(result).toEqual({ success: true, failures: [], bestF1: [1, 1, 1], addressesDeclared: 1, addressesKept: 1 });
  });

  it('names each way a page fails', () => {
    const fail = (extracted: { title: string; text: string; url: string }[] | null) =>
      scorePage(extracted, truth, teasers).failures;
    const u = 'https://a.example/x';
    expect(fail(null)).toEqual(['threw']);
    expect(
      fail([
        { ...second, url: u },
        { ...own, url: u },
        { ...third, url: u },
      ]),
    ).toEqual(['own article not first']);
    expect(
      fail([
        { ...own, url: u },
        { ...second, url: u },
      ]),
    ).toEqual(['article missing']);
    expect(
      fail([
        { ...own, url: u },
        { ...second, url: u },
        { ...third, url: u },
        { ...third, url: u },
      ]),
    ).toEqual(['article returned twice']);
    // the second article's body stored under the third's title
    expect(
      fail([
        { ...own, url: u },
        { ...second, title: third.title, url: u },
        { ...third, url: u },
      ]),
    ).toEqual(['body under another title']);
    expect(
      fail([
        { ...own, url: u },
        { ...second, title: 'Budget', url: u },
        { ...third, url: u },
      ]),
    ).toEqual(['wrong title']);
    const teaser = { title: 'Ferry fares rise in spring', text: 'fares rise', url: u };
    expect(fail([{ ...own, url: u }, teaser, { ...second, url: u }, { ...third, url: u }])).toEqual([
      'teaser returned',
    ]);
    // two articles merged into one: its body matches neither well enough
    const merged = { title: own.title, text: `${own.text} ${second.text} ${third.text}`, url: u };
    expect(fail([merged])).toEqual(['own article not first', 'extra output', 'article missing']);
  });

  it('counts appended articles returned under the address their markup declares', () => {
    const result = scorePage(
      [
        { ...own, url: own.url },
        { ...second, url: 'https://a.example/other' },
        { ...third, url: own.url },
      ],
      truth,
      teasers,
    );
    expect(result.success).toBe(true);
    expect(result.addressesDeclared).toBe(1);
    expect(result.addressesKept).toBe(0);
  });
});
