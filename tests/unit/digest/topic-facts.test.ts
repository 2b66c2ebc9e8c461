import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/db/articles';
import {
  factNovelty,
  factsSeenBefore,
  SeenFactsMemo,
  seenFacts,
  StoryFactNovelty,
  topicFactGroups,
} from '@/lib/digest/topic-facts';

const article = (id: string, facts: string[], firstSeenAt = 1): ArticleSummary => ({
  id,
  url: `https://n.example/${id}`,
  title: `Title ${id}`,
  dir: 'ltr',
  excerpt: '',
  firstSeenAt,
  clippedTo: [],
  highlights: [],
  facts: facts.map((text, i) => ({ text, start: i, end: i + 1, score: 1 - i / 10, kind: 'figure' })),
});

describe('topicFactGroups', () => {
  it('shows a fact reported by two sources once, with both, first', () => {
    const groups = topicFactGroups([
      article('a', [
        'Russia and Ukraine agreed to exchange the bodies of 6,000 soldiers each.',
        'Talks lasted two hours.',
      ]),
      article('b', ['Ukraine and Russia agreed to exchange the bodies of 6,000 soldiers each, officials said.']),
    ]);
    expect(groups[0].sources.map((s) => s.articleId)).toEqual(['a', 'b']);
    expect(groups).toHaveLength(2);
    expect(groups[1].sources).toHaveLength(1);
  });

  it('keeps facts with different figures apart', () => {
    const groups = topicFactGroups([
      article('a', ['The exchange covered 1,000 prisoners from each side.']),
      article('b', ['The exchange covered 6,000 prisoners from each side.']),
    ]);
    expect(groups).toHaveLength(2);
  });
});

describe('factsSeenBefore', () => {
  const exchange = 'Russia and Ukraine agreed to exchange the bodies of 6,000 soldiers each.';
  const rewrite = 'Ukraine and Russia agreed to exchange the bodies of 6,000 soldiers each, officials said.';

  it('marks a fact the reader already met in an article first seen earlier, and names that article', () => {
    const seen = factsSeenBefore([
      article('new', [rewrite, 'A new meeting is planned between 20 and 30 June.'], 300),
      article('old', ['Talks lasted two hours.', exchange], 100),
    ]);
    expect(seen.get('new')).toEqual([
      { articleId: 'old', title: 'Title old', url: 'https://n.example/old' },
      undefined,
    ]);
    expect(seen.get('old')).toEqual([undefined, undefined]);
  });

  it('points every later report at the first article, and leaves articles seen at the same moment unmarked', () => {
    const seen = factsSeenBefore([
      article('c', [exchange], 300),
      article('b', [rewrite], 200),
      article('a', [exchange], 100),
      article('same-page', [rewrite], 100),
    ]);
    expect(seen.get('a')).toEqual([undefined]);
    expect(seen.get('same-page')).toEqual([undefined]);
    expect(seen.get('b')?.[0]?.articleId).toBe('a');
    expect(seen.get('c')?.[0]?.articleId).toBe('a');
  });

  it('does not mark different facts that share a figure, nor a fact repeated within one article', () => {
    const seen = factsSeenBefore([
      article('later', ['The exchange covered 6,000 prisoners from each side.', exchange, exchange], 200),
      article('earlier', ['The exchange covered 1,000 prisoners from each side.'], 100),
    ]);
    expect(seen.get('later')).toEqual([undefined, undefined, undefined]);
  });
});

describe('seenFacts and factNovelty', () => {
  const exchange = 'Russia and Ukraine agreed to exchange the bodies of 6,000 soldiers each.';
  const rewrite = 'Ukraine and Russia agreed to exchange the bodies of 6,000 soldiers each, officials said.';
  const meeting = 'A new meeting is planned between 20 and 30 June.';
  // The reader last opened the beat at 150: "old" was shown then, "new" and "other" came after.
  const old = article('old', ['Talks lasted two hours.', exchange], 100);
  const fresh = article('new', [rewrite, meeting], 300);
  const other = article('other', ['Grain exports rose by 12 percent in May.'], 200);

  it('a fact shown in an earlier open is seen, in the words of any later report, and names where it was shown', () => {
    const seen = seenFacts([fresh, other, old], 150);
    const [repeated, ...rest] = topicFactGroups([fresh, old]);
    expect(repeated.reports.map((r) => r.articleId)).toEqual(['new', 'old']);
    expect(factNovelty(repeated, seen)).toEqual({
      state: 'seen',
      seenIn: { articleId: 'old', title: 'Title old', url: 'https://n.example/old' },
    });
    const byText = new Map(rest.map((group) => [group.text, factNovelty(group, seen)]));
    expect(byText.get(meeting)).toEqual({ state: 'new' });
    expect(byText.get('Talks lasted two hours.')).toMatchObject({ state: 'seen', seenIn: { articleId: 'old' } });
    expect(factNovelty(topicFactGroups([other])[0], seen)).toEqual({ state: 'new' });
  });

  it('a report alone in its story still finds its fact shown in another story of the beat', () => {
    const seen = seenFacts([fresh, old], 150);
    const [repeated] = topicFactGroups([fresh]);
    expect(repeated.text).toBe(rewrite);
    expect(factNovelty(repeated, seen)).toMatchObject({ state: 'seen', seenIn: { articleId: 'old' } });
  });

  it('on the first open, and for facts only new reports state, every fact is new', () => {
    for (const seenAt of [0, 50]) {
      const seen = seenFacts([fresh, other, old], seenAt);
      expect(seen.size).toBe(0);
      for (const group of topicFactGroups([fresh, other, old]))
        expect(factNovelty(group, seen)).toEqual({ state: 'new' });
    }
    // Two new reports of one fact: new, though one was captured before the other.
    const seen = seenFacts([article('b', [rewrite], 400), article('a', [exchange], 300), old], 150);
    const group = topicFactGroups([article('b', [rewrite], 400), article('a', [exchange], 300)])[0];
    expect(group.sources).toHaveLength(2);
    expect(factNovelty(group, seen)).toMatchObject({ state: 'seen', seenIn: { articleId: 'old' } });
    const withoutOld = seenFacts([article('b', [rewrite], 400), article('a', [exchange], 300), other], 250);
    expect(factNovelty(group, withoutOld)).toEqual({ state: 'new' });
  });

  it('once everything was shown, every fact is seen', () => {
    const all = [fresh, other, old];
    const seen = seenFacts(all, 1000);
    for (const group of topicFactGroups(all)) expect(factNovelty(group, seen).state).toBe('seen');
  });

  it('per story, keeps the same array of marks while they read the same, and a new one when a mark changed', () => {
    const novelty = new StoryFactNovelty();
    const stories = [
      { id: 'talks', facts: topicFactGroups([fresh, old]) },
      { id: 'grain', facts: topicFactGroups([other]) },
    ];
    const first = novelty.of(stories, seenFacts([fresh, other, old], 150));
    expect(first.get('talks')?.map((n) => n.state)).toEqual(['seen', 'seen', 'new']);
    // The seen facts worked out again (a new map), reading the same: the same arrays.
    const again = novelty.of(stories, seenFacts([fresh, other, old], 150));
    expect(again.get('talks')).toBe(first.get('talks'));
    expect(again.get('grain')).toBe(first.get('grain'));
    // Later, the grain fact was shown too: only that story's marks are new.
    const later = novelty.of(stories, seenFacts([fresh, other, old], 250));
    expect(later.get('talks')).toBe(first.get('talks'));
    expect(later.get('grain')).not.toBe(first.get('grain'));
    expect(later.get('grain')?.map((n) => n.state)).toEqual(['seen']);
  });

  it('works the seen facts out again only when the articles, their facts or the last look changed', () => {
    const memo = new SeenFactsMemo();
    const all = [fresh, other, old];
    const first = memo.of(all, 150);
    expect(first).toEqual(seenFacts(all, 150));
    // A note on a highlight: new summaries, the same facts.
    const noted = all.map((a) => ({
      ...a,
      highlights: [{ id: 'h', text: 'x', note: 'a note', placed: true, createdAt: 1 }],
    }));
    expect(memo.of(noted, 150)).toBe(first);
    // A delete, a later look, changed facts: worked out again.
    const withoutOld = memo.of([fresh, other], 150);
    expect(withoutOld).not.toBe(first);
    expect(withoutOld).toEqual(seenFacts([fresh, other], 150));
    expect(memo.of(all, 150)).toEqual(first);
    const later = memo.of(all, 250);
    expect(later).toEqual(seenFacts(all, 250));
    expect(later).not.toEqual(first);
    const reworded = [fresh, { ...other, facts: [...other.facts, ...old.facts] }, old];
    expect(memo.of(reworded, 250)).toEqual(seenFacts(reworded, 250));
    expect(memo.of(reworded, 250)).not.toEqual(later);
  });
});
