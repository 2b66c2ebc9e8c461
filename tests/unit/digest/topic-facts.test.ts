import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/db/articles';
import { topicFactGroups } from '@/lib/digest/topic-facts';

const article = (id: string, facts: string[]): ArticleSummary => ({
  id,
  url: `https://n.example/${id}`,
  title: `Title ${id}`,
  dir: 'ltr',
  excerpt: '',
  firstSeenAt: 1,
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
    expect(groups[0]!.sources.map((s) => s.articleId)).toEqual(['a', 'b']);
    expect(groups).toHaveLength(2);
    expect(groups[1]!.sources).toHaveLength(1);
  });

  it('keeps facts with different figures apart', () => {
    const groups = topicFactGroups([
      article('a', ['The exchange covered 1,000 prisoners from each side.']),
      article('b', ['The exchange covered 6,000 prisoners from each side.']),
    ]);
    expect(groups).toHaveLength(2);
  });
});
