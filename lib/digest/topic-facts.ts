// A beat's key facts across its articles: the same fact reported by several sources is
// shown once, with all of them (Feedly-style story merging, applied to facts).
import type { ArticleSummary } from '../db/articles';
import { groupFacts } from '../facts/merge';
import type { FactKind } from '../schema';

/** One fact as reported by one or more articles of a topic: what the popup's TopicFacts view shows. */
export interface TopicFactGroup {
  text: string;
  /** The kind and speaker of the best-scored report of the fact. */
  kind: FactKind;
  speaker?: string;
  dir: 'ltr' | 'rtl';
  lang?: string;
  sources: { articleId: string; title: string; url: string }[];
  /** Every report of the fact, as each article words it: how a story's fact is found among those seen before. */
  reports: { articleId: string; text: string }[];
}

const MAX_GROUPS = 20;

/** Groups the facts of a topic's articles (newest articles first, as given); most-reported facts first. */
export function topicFactGroups(articles: ArticleSummary[]): TopicFactGroup[] {
  const items = articles.flatMap((article) =>
    article.facts.map((fact) => ({ text: fact.text, score: fact.score, fact, article })),
  );
  return groupFacts(items)
    .map(({ representative, members }) => ({
      text: representative.text,
      kind: representative.fact.kind,
      speaker: representative.fact.speaker,
      dir: representative.article.dir,
      lang: representative.article.lang,
      score: Math.max(...members.map((m) => m.score)),
      sources: [
        ...new Map(
          members.map((m) => [m.article.id, { articleId: m.article.id, title: m.article.title, url: m.article.url }]),
        ).values(),
      ],
      reports: members.map((m) => ({ articleId: m.article.id, text: m.text })),
    }))
    .sort((a, b) => b.sources.length - a.sources.length || b.score - a.score)
    .slice(0, MAX_GROUPS)
    .map(({ score: _score, ...group }) => group);
}

/** The article a fact was first seen in, when the reader met it in an earlier article of the beat. */
export interface EarlierSource {
  articleId: string;
  title: string;
  url: string;
}

/**
 * For every article of a beat, per fact (in the article's order): the earlier article in which the reader already saw
 * the same fact, or undefined when the fact is new. "Earlier" is the reader's order of first visits, not publication:
 * what matters is what they have read. Articles first seen at the same moment (one page) do not mark each other.
 */
export function factsSeenBefore(articles: ArticleSummary[]): Map<string, (EarlierSource | undefined)[]> {
  const seen = new Map(
    articles.map((article) => [article.id, article.facts.map((): EarlierSource | undefined => undefined)]),
  );
  const byFirstVisit = [...articles].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  const items = byFirstVisit.flatMap((article) =>
    article.facts.map((fact, index) => ({ text: fact.text, article, index })),
  );
  for (const { members } of groupFacts(items)) {
    const first = members[0].article;
    for (const member of members) {
      if (member.article.firstSeenAt <= first.firstSeenAt) continue;
      seen.get(member.article.id)![member.index] = { articleId: first.id, title: first.title, url: first.url };
    }
  }
  return seen;
}

/** Facts of a beat the reader was shown before, by article id and fact text, each with the article first stating it. */
export type SeenFacts = Map<string, EarlierSource>;

const factKey = (articleId: string, text: string) => `${articleId}\n${text}`;

/**
 * The facts of a beat's articles that the reader already saw when they last opened it (at `seenAt`): every fact of an
 * article captured by then, and every later report of the same fact (lib/facts/merge), wherever in the beat, so a new
 * report repeating a known fact does not make it new again. Each points at the earliest article that stated it.
 */
export function seenFacts(articles: readonly ArticleSummary[], seenAt: number): SeenFacts {
  const seen: SeenFacts = new Map();
  if (!articles.some((article) => article.firstSeenAt <= seenAt)) return seen;
  const byFirstVisit = [...articles].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  const items = byFirstVisit.flatMap((article) => article.facts.map((fact) => ({ text: fact.text, article })));
  for (const { members } of groupFacts(items)) {
    // Members keep the input order: the first is the earliest article with the fact.
    const first = members[0].article;
    if (first.firstSeenAt > seenAt) continue;
    const source = { articleId: first.id, title: first.title, url: first.url };
    for (const member of members) seen.set(factKey(member.article.id, member.text), source);
  }
  return seen;
}

/**
 * seenFacts, worked out again only when what it reads changed: the articles (in order), their facts, first visits,
 * titles and addresses, or the time of the last look. A note or a highlight gives an article a new summary without
 * changing any of these, and then the whole beat's facts are not grouped again.
 */
export class SeenFactsMemo {
  private last: { articles: readonly ArticleSummary[]; seenAt: number; seen: SeenFacts } | undefined;

  of(articles: readonly ArticleSummary[], seenAt: number): SeenFacts {
    const last = this.last;
    if (
      last &&
      last.seenAt === seenAt &&
      last.articles.length === articles.length &&
      last.articles.every((a, i) => sameFactSource(a, articles[i]))
    )
      return last.seen;
    const seen = seenFacts(articles, seenAt);
    this.last = { articles, seenAt, seen };
    return seen;
  }
}

const sameFactSource = (a: ArticleSummary, b: ArticleSummary) =>
  a === b ||
  (a.id === b.id && a.facts === b.facts && a.firstSeenAt === b.firstSeenAt && a.title === b.title && a.url === b.url);

/** Whether a story's fact is new to the reader, or where they saw it before. */
export type FactNovelty = { state: 'new' } | { state: 'seen'; seenIn: EarlierSource };

export function factNovelty(fact: Pick<TopicFactGroup, 'reports'>, seen: SeenFacts): FactNovelty {
  for (const report of fact.reports) {
    const seenIn = seen.get(factKey(report.articleId, report.text));
    if (seenIn) return { state: 'seen', seenIn };
  }
  return { state: 'new' };
}

const sameNovelty = (a: FactNovelty, b: FactNovelty) =>
  a.state === 'new'
    ? b.state === 'new'
    : b.state === 'seen' &&
      a.seenIn.articleId === b.seenIn.articleId &&
      a.seenIn.title === b.seenIn.title &&
      a.seenIn.url === b.seenIn.url;

/**
 * The novelty of each story's facts (in the story's order of facts), kept as the same array while it reads the same.
 * The seen facts are worked out again over the whole beat whenever one article changes (a fact's first report may be
 * the one deleted), but a memoized story card must be drawn again only when its own facts' marks changed.
 */
export class StoryFactNovelty {
  private previous = new Map<string, readonly FactNovelty[]>();

  of(
    stories: readonly { id: string; facts: readonly Pick<TopicFactGroup, 'reports'>[] }[],
    seen: SeenFacts,
  ): Map<string, readonly FactNovelty[]> {
    const current = new Map<string, readonly FactNovelty[]>();
    for (const story of stories) {
      const novelty = story.facts.map((fact) => factNovelty(fact, seen));
      const before = this.previous.get(story.id);
      const same = before && before.length === novelty.length && before.every((n, i) => sameNovelty(n, novelty[i]));
      current.set(story.id, same ? before : novelty);
    }
    this.previous = current;
    return current;
  }
}
