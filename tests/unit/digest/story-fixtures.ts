// Articles of one beat for the digest's tests: two sites report the Tagus bridge closure (one in Arabic words of the
// same figures), a third site reports an unrelated story.
import type { ArticleSummary } from '@/lib/db/articles';

const HOUR = 60 * 60 * 1000;
export const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

export const summary = (
  id: string,
  fields: Partial<ArticleSummary> & { title: string; excerpt: string },
): ArticleSummary => ({
  id,
  url: `https://www.${id}.example/story`,
  dir: 'ltr',
  firstSeenAt: T0,
  clippedTo: [],
  highlights: [],
  facts: [],
  ...fields,
});

export const bridgeA = summary('wire-a', {
  siteName: 'Harbour Gazette',
  title: 'Bridge over the Tagus closes after cracks found in a pillar',
  excerpt: 'Lisbon authorities closed the 25 de Abril bridge over the Tagus after engineers found cracks in a pillar.',
  publishedAt: at(0),
  facts: [
    {
      text: 'Engineers found cracks 4.5 metres long in the bridge’s third pillar.',
      start: 0,
      end: 1,
      score: 1,
      kind: 'figure',
    },
    { text: 'The bridge carries 150,000 cars a day.', start: 2, end: 3, score: 0.8, kind: 'figure' },
    {
      text: '“We will not reopen it until it is safe,” the mayor said.',
      start: 4,
      end: 5,
      score: 0.7,
      kind: 'quote',
      speaker: 'the mayor',
    },
    { text: 'Ferries will run every ten minutes.', start: 6, end: 7, score: 0.6, kind: 'decision' },
  ],
  highlights: [{ id: 'h1', text: 'cracks in a pillar', note: 'check', placed: true, createdAt: T0 }],
});

export const bridgeB = summary('wire-b', {
  title: 'Tagus bridge stays closed as engineers inspect cracked pillar',
  excerpt: 'The 25 de Abril bridge over the Tagus in Lisbon stays closed while engineers inspect the cracked pillar.',
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
});

export const metro = summary('other', {
  siteName: 'Valley Post',
  title: 'Porto opens a new metro line to the airport',
  excerpt: 'A new metro line links the centre of Porto with its airport from Monday.',
  publishedAt: at(3),
});

/** Other news of the beat: a few unrelated articles make rare words rare, as on a real beat. */
export const others = [
  metro,
  summary('filler-1', { title: 'Wildfire season starts early in the Algarve', excerpt: 'Firefighters are on alert.' }),
  summary('filler-2', { title: 'Parliament debates the 2027 budget', excerpt: 'Deputies debate taxes and spending.' }),
];
