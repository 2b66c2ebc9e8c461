import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@/lib/db/articles';
import { siteOf, topicStories } from '@/lib/digest/topic-stories';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-03-02T08:00:00Z');

const summary = (id: string, fields: Partial<ArticleSummary> & { title: string; excerpt: string }): ArticleSummary => ({
  id,
  url: `https://www.${id}.example/story`,
  dir: 'ltr',
  firstSeenAt: T0,
  clippedTo: [],
  highlights: [],
  facts: [],
  ...fields,
});

const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

describe('topicStories', () => {
  const articles = [
    summary('wire-a', {
      siteName: 'Harbour Gazette',
      title: 'Bridge over the Tagus closes after cracks found in a pillar',
      excerpt:
        'Lisbon authorities closed the 25 de Abril bridge over the Tagus after engineers found cracks in a pillar.',
      publishedAt: at(0),
      facts: [
        {
          text: 'Engineers found cracks 4.5 metres long in the bridge’s third pillar.',
          start: 0,
          end: 1,
          score: 1,
          kind: 'figure',
        },
      ],
    }),
    summary('wire-b', {
      title: 'Tagus bridge stays closed as engineers inspect cracked pillar',
      excerpt:
        'The 25 de Abril bridge over the Tagus in Lisbon stays closed while engineers inspect the cracked pillar.',
      publishedAt: at(6),
      facts: [
        {
          text: 'Engineers found cracks 4.5 metres long in the third pillar of the bridge.',
          start: 0,
          end: 1,
          score: 0.9,
          kind: 'figure',
        },
      ],
    }),
    summary('other', {
      siteName: 'Valley Post',
      title: 'Porto opens a new metro line to the airport',
      excerpt: 'A new metro line links the centre of Porto with its airport from Monday.',
      publishedAt: at(3),
    }),
    summary('filler-1', {
      title: 'Wildfire season starts early in the Algarve',
      excerpt: 'Firefighters are on alert.',
    }),
    summary('filler-2', {
      title: 'Parliament debates the 2027 budget',
      excerpt: 'Deputies debate taxes and spending.',
    }),
  ];

  it('shows one story per news item, newest report first, under the newest headline', () => {
    const stories = topicStories(articles);
    const bridge = stories.find((s) => s.articles.some((a) => a.id === 'wire-a'));
    expect(bridge?.id).toBe('wire-a');
    expect(bridge?.headline.id).toBe('wire-b');
    expect(bridge?.articles.map((a) => a.id)).toEqual(['wire-b', 'wire-a']);
    expect(bridge?.latestAt).toBe(T0 + 6 * HOUR);
    expect(bridge?.firstAt).toBe(T0);
    expect(stories[0]).toBe(bridge);
    expect(stories).toHaveLength(4);
  });

  it('names its sources by site and merges their facts once, with both articles', () => {
    const bridge = topicStories(articles).find((s) => s.id === 'wire-a');
    expect(bridge?.sources.map((s) => s.site)).toEqual(['wire-b.example', 'Harbour Gazette']);
    expect(bridge?.facts).toHaveLength(1);
    expect(bridge?.facts[0].sources.map((s) => s.articleId)).toEqual(['wire-b', 'wire-a']);
  });

  it('labels a site by its name, else by its host', () => {
    expect(siteOf({ siteName: ' Valley Post ', url: 'https://valley.example/a' })).toBe('Valley Post');
    expect(siteOf({ url: 'https://www.harbour.example/a' })).toBe('harbour.example');
  });
});
