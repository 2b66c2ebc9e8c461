import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeArticle, mergeHighlight, mergeTopics, type MergeOutcome } from '@/lib/backup/merge';
import type { ArticleRecord } from '@/lib/schema';
import { arabicArticle, article, highlight, topics } from './records';

const recordOf = <T>(outcome: MergeOutcome<T>, existing: T) =>
  outcome.kind === 'unchanged' ? existing : outcome.record;
const match = (topicId: string, score: number) => ({ topicId, score, mentions: 1, hits: [] });

describe('mergeArticle', () => {
  it('adds an article the database lacks', () => {
    expect(mergeArticle(undefined, article())).toEqual({ kind: 'new', record: article() });
  });

  it('keeps the newer record and the union of topics, clips and matches', () => {
    const stored = article({
      title: 'Old title',
      topicIds: ['gaza'],
      clippedTo: ['gaza'],
      matches: [match('gaza', 1)],
      firstSeenAt: 10,
      lastSeenAt: 100,
      visits: 4,
    });
    const incoming = article({
      title: 'New title',
      topicIds: ['ukraine-talks'],
      matches: [match('ukraine-talks', 2)],
      firstSeenAt: 50,
      lastSeenAt: 200,
      visits: 1,
    });
    expect(mergeArticle(stored, incoming)).toEqual({
      kind: 'updated',
      record: {
        ...incoming,
        topicIds: ['gaza', 'ukraine-talks'],
        clippedTo: ['gaza'],
        matches: [match('ukraine-talks', 2), match('gaza', 1)],
        firstSeenAt: 10,
        visits: 4,
      },
    });
    // An older copy only brings its topics.
    const older = mergeArticle(incoming, { ...stored, lastSeenAt: 150 });
    expect(older).toMatchObject({
      kind: 'updated',
      record: { title: 'New title', topicIds: ['ukraine-talks', 'gaza'] },
    });
  });

  it('keeps an article out of a topic the reader said it is not about, in either copy', () => {
    const stored = article({ topicIds: ['ukraine-talks'], rejectedFrom: ['gaza'], lastSeenAt: 100 });
    const incoming = article({ topicIds: ['gaza', 'ukraine-talks'], lastSeenAt: 200 });
    expect(recordOf(mergeArticle(stored, incoming), stored)).toMatchObject({
      topicIds: ['ukraine-talks'],
      rejectedFrom: ['gaza'],
    });
  });

  it('leaves the stored record alone when the backup holds nothing newer', () => {
    expect(mergeArticle(article(), article())).toEqual({ kind: 'unchanged' });
    expect(mergeArticle(article({ lastSeenAt: 5_000_000_000_000 }), article({ title: 'stale' }))).toEqual({
      kind: 'unchanged',
    });
  });

  it('is idempotent: merging the same record again changes nothing', () => {
    const topicIds = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 });
    const side = fc.record({
      topicIds,
      clippedTo: topicIds,
      lastSeenAt: fc.integer({ min: 0, max: 10 }),
      firstSeenAt: fc.integer({ min: 0, max: 10 }),
      visits: fc.integer({ min: 1, max: 5 }),
      title: fc.constantFrom('one', 'اثنان'),
      scores: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 })), { maxLength: 3 }),
    });
    const build = ({ scores, ...s }: { scores: [string, number][] } & Partial<ArticleRecord>) =>
      arabicArticle({ ...s, matches: [...new Map(scores)].map(([id, score]) => match(id, score)) });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const stored = build(a);
        const incoming = build(b);
        const once = recordOf(mergeArticle(stored, incoming), stored);
        expect(mergeArticle(once, incoming)).toEqual({ kind: 'unchanged' });
        expect(new Set(once.topicIds)).toEqual(new Set([...stored.topicIds, ...incoming.topicIds]));
      }),
    );
  });
});

describe('mergeHighlight', () => {
  it('keeps the note edited last', () => {
    const stored = highlight({ note: 'mine', updatedAt: 10 });
    const incoming = highlight({ note: 'from the backup', updatedAt: 20 });
    expect(mergeHighlight(stored, incoming)).toEqual({ kind: 'updated', record: incoming });
    expect(mergeHighlight(incoming, stored)).toEqual({ kind: 'unchanged' });
    expect(mergeHighlight(incoming, incoming)).toEqual({ kind: 'unchanged' });
    expect(mergeHighlight(undefined, stored)).toEqual({ kind: 'new', record: stored });
  });
});

describe('mergeTopics', () => {
  it('appends only topics the reader lacks, keeping theirs as they are', () => {
    const mine = [{ ...topics[0], name: 'Renamed by me' }];
    expect(mergeTopics(mine, topics)).toEqual({ topics: [mine[0], topics[1]], added: [topics[1]] });
    expect(mergeTopics(topics, topics).added).toEqual([]);
  });
});
