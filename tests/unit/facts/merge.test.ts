// Grouping facts across articles: rewrites of one fact merge, different facts with equal figures stay apart.
import { describe, expect, it } from 'vitest';
import { groupFacts } from '../../../lib/facts/merge';
import { DIFFERENT_FACTS, SAME_FACT } from './merge-pairs';

const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('groupFacts', () => {
  it.each(SAME_FACT.map(([a, b], i) => [i, a, b]))('groups rewrites of one fact (pair %i)', (_, a, b) => {
    expect(groupFacts([{ text: a }, { text: b }])).toHaveLength(1);
  });

  it.each(DIFFERENT_FACTS.map(([a, b], i) => [i, a, b]))(
    'keeps different facts apart even with equal figures (pair %i)',
    (_, a, b) => {
      expect(groupFacts([{ text: a }, { text: b }])).toHaveLength(2);
    },
  );

  it('never groups facts whose figures differ, however alike their words', () => {
    const groups = groupFacts([
      { text: 'The bank raised its rate to 4.75 percent on Thursday.' },
      { text: 'The bank raised its rate to 4.5 percent on Thursday.' },
    ]);
    expect(groups).toHaveLength(2);
  });

  it('reads "6,000", "6 آلاف" and "6 thousand" as one figure', () => {
    const groups = groupFacts([
      { text: 'The sides agreed to exchange the bodies of 6,000 soldiers.' },
      { text: 'The sides agreed to exchange the bodies of 6 thousand soldiers.' },
    ]);
    expect(groups).toHaveLength(1);
  });

  it('keeps input order: the first member represents its group, and extra fields travel along', () => {
    const items = [
      { id: 'a', text: SAME_FACT[4][0] },
      { id: 'b', text: DIFFERENT_FACTS[3][0] },
      { id: 'c', text: SAME_FACT[4][1] },
      { id: 'd', text: DIFFERENT_FACTS[3][1] },
    ];
    const groups = groupFacts(items);
    expect(groups.map((g) => g.representative.id)).toEqual(['a', 'b', 'd']);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'c'], ['b'], ['d']]);
    expect(texts(groups[0].members)).toEqual([SAME_FACT[4][0], SAME_FACT[4][1]]);
  });

  it('handles no items', () => {
    expect(groupFacts([])).toEqual([]);
  });

  it('groups the same texts alike however often they are grouped, before and after its cache of profiles fills', () => {
    const items = [...SAME_FACT[0], ...DIFFERENT_FACTS[0], ...SAME_FACT[1]].map((text) => ({ text }));
    const first = groupFacts(items);
    expect(groupFacts(items)).toEqual(first);
    // More distinct texts than the cache keeps (5,000), grouped in small batches.
    for (let batch = 0; batch < 51; batch++)
      groupFacts(Array.from({ length: 100 }, (_, i) => ({ text: `Filler sentence ${batch * 100 + i} of the beat.` })));
    expect(groupFacts(items)).toEqual(first);
    expect(first.map((g) => g.members.length)).toEqual([2, 1, 1, 2]);
  });
});
