// Groups a topic's articles into stories: articles that report the same news (from several sites, at several stages)
// become one story. Two articles are linked when their similarity reaches SAME_STORY and they appeared within
// STORY_WINDOW_MS of each other; a story is a connected group of links, so a story that develops over days stays one.
// A link under STRONG_LINK counts only when it is among the few strongest of both its articles (see keepsLink).
import { PROFILE_OPTIONS, storyProfile, type ProfileOptions, type StoryArticle, type StoryProfile } from './profile';
import {
  coveredTerms,
  DocumentFrequencies,
  Rarity,
  SIMILARITY_OPTIONS,
  similarityReaching,
  storySimilarity,
  type SimilarityOptions,
} from './similarity';

/** An article as the grouping needs it: ArticleSummary fits. */
export interface GroupableArticle extends StoryArticle {
  id: string;
  publishedAt?: string;
  /** When Beatwatch first captured it: the article's time when the page gives no publication date. */
  firstSeenAt: number;
}

export interface Story<A extends GroupableArticle> {
  /** The id of the story's earliest article: stable while the story grows with newer reports. */
  id: string;
  /** Newest first; the first one's title is the story's headline. */
  articles: A[];
  /** Times (ms) of the newest and the earliest article. */
  latestAt: number;
  firstAt: number;
}

/**
 * Similarity at which two articles report one story: the middle of the thresholds that reach the best F1 on the tuning
 * half of tests/bench/labels/ (both batches: 0.043 to 0.045), not the edge of that run.
 */
export const SAME_STORY = 0.044;
/**
 * A link at least this strong joins two articles whatever else they link to: copies of one report, one story told with
 * the same names and figures.
 */
export const STRONG_LINK = 0.1;
/**
 * A weaker link joins two articles only when neither has this many links stronger than it (a mutual nearest-neighbour
 * graph): an article that touches the edge of a story told by several sites, a column or a side item that shares a
 * few of its words, is weakly linked to each report, and each report has its own closer reports, so the column stays
 * apart instead of chaining into the story. Two reports of a story told by few sites are each other's nearest. 3 and 4
 * score alike (cross-validated F1) on the tuning half; 4 is the more lenient.
 */
export const WEAK_LINK_RANK = 4;
/** Rarity is counted again once the number of articles has changed by this share since it was last counted. */
const RARITY_DRIFT = 0.05;
/** Articles further apart than this are never linked directly (a week's routine items of one kind stay apart). */
export const STORY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export interface GroupOptions {
  threshold?: number;
  windowMs?: number;
  /** See WEAK_LINK_RANK; Infinity: every link at the threshold joins its two articles. */
  linkRank?: number;
  profile?: ProfileOptions;
  similarity?: SimilarityOptions;
}

interface Entry<A> {
  article: A;
  profile: StoryProfile;
  time: number;
  /** The articles it is linked to (similarity at the threshold or above), with the similarity. */
  near: Map<string, number>;
}

/** An article's time: its publication date when the page gave a valid one, else when it was captured. */
export function articleTime(article: GroupableArticle): number {
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return Number.isFinite(published) ? published : article.firstSeenAt;
}

/**
 * The stories of a growing set of articles, kept up to date one capture at a time: `add` compares the new article
 * with the articles that share a headline term with it (no other can score above zero) and groups again the stories of
 * the articles it links to (its links may merge them, and may outrank a weak link of theirs: see keepsLink).
 * Rarity is counted over the articles added so far, again whenever their number has changed by 5%.
 */
export class StoryIndex<A extends GroupableArticle> {
  private readonly entries = new Map<string, Entry<A>>();
  /** Article ids by story id, and the story of each article. */
  private readonly members = new Map<string, Set<string>>();
  private readonly storyOf = new Map<string, string>();
  /** term → ids of the articles stating it (where a headline's terms are looked for), and of those with it in the headline. */
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly byTitleTerm = new Map<string, Set<string>>();
  private readonly frequencies = new DocumentFrequencies();
  private rarity: Rarity = this.frequencies.snapshot();
  private readonly threshold: number;
  private readonly windowMs: number;
  private readonly linkRank: number;
  private readonly profileOptions: ProfileOptions;
  private readonly similarityOptions: SimilarityOptions;

  constructor(options: GroupOptions = {}) {
    this.threshold = options.threshold ?? SAME_STORY;
    this.windowMs = options.windowMs ?? STORY_WINDOW_MS;
    this.linkRank = options.linkRank ?? WEAK_LINK_RANK;
    this.profileOptions = options.profile ?? PROFILE_OPTIONS;
    this.similarityOptions = options.similarity ?? SIMILARITY_OPTIONS;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds (or, for a known id, replaces) an article; returns the id of the story it now belongs to. */
  add(article: A): string {
    const entry = this.entryOf(article);
    this.frequencies.add(entry.profile);
    this.refreshRarity();
    return this.link(entry);
  }

  /**
   * Adds (or replaces) several articles at once, a page the popup loaded: rarity is counted once over all of them
   * before any is compared, as groupStories counts it, instead of again after nearly each of the first few.
   */
  addAll(articles: readonly A[]): void {
    const entries = articles.map((article) => this.entryOf(article));
    for (const entry of entries) this.frequencies.add(entry.profile);
    this.refreshRarity();
    // Grouped once for the page, not once per article.
    const seeds = new Set<string>();
    for (const entry of entries) {
      this.connect(entry);
      seeds.add(entry.article.id);
      for (const id of entry.near.keys()) seeds.add(id);
    }
    this.regroup(seeds);
  }

  private entryOf(article: A): Entry<A> {
    if (this.entries.has(article.id)) this.remove(article.id);
    return {
      article,
      profile: storyProfile(article, this.profileOptions),
      time: articleTime(article),
      near: new Map(),
    };
  }

  /** Compares a counted entry with the articles it may share a story with, and groups their stories again. */
  private link(entry: Entry<A>): string {
    this.connect(entry);
    this.regroup([entry.article.id, ...entry.near.keys()]);
    return this.storyOf.get(entry.article.id) as string;
  }

  /** Finds a counted entry's links to the articles it may share a story with, and indexes it. */
  private connect(entry: Entry<A>): void {
    const id = entry.article.id;
    for (const other of this.candidates(entry.profile)) {
      const near = this.entries.get(other) as Entry<A>;
      const similarity = this.linkSimilarity(entry, near);
      if (similarity === undefined) continue;
      entry.near.set(other, similarity);
      near.near.set(id, similarity);
    }
    this.index(entry);
  }

  /**
   * Removes an article (deleted by the reader); its story splits when the article was the only link between parts, and
   * a weak link it outranked may now join two stories.
   */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.frequencies.remove(entry.profile);
    this.refreshRarity();
    this.entries.delete(id);
    for (const term of this.covered(entry.profile)) unlist(this.byTerm, term, id);
    for (const term of entry.profile.title) unlist(this.byTitleTerm, term, id);
    const story = this.storyOf.get(id) as string;
    this.storyOf.delete(id);
    const seeds = new Set(this.members.get(story) as Set<string>);
    seeds.delete(id);
    (this.members.get(story) as Set<string>).delete(id);
    for (const other of entry.near.keys()) {
      const near = (this.entries.get(other) as Entry<A>).near;
      near.delete(id);
      seeds.add(other);
      for (const next of near.keys()) seeds.add(next);
    }
    if (seeds.size === 0) this.members.delete(story);
    else this.regroup(seeds);
  }

  /** The id of the story an article belongs to. */
  storyId(articleId: string): string | undefined {
    return this.storyOf.get(articleId);
  }

  /** Every story, the most recently reported first. */
  stories(): Story<A>[] {
    const stories: Story<A>[] = [];
    for (const ids of this.members.values()) {
      stories.push(storyOf([...ids].map((id) => (this.entries.get(id) as Entry<A>).article)));
    }
    return stories.sort(recentFirst);
  }

  /** The similarity of two added articles under the current rarity counts (for explanations and benchmarks). */
  similarity(a: string, b: string): number {
    const x = this.entries.get(a);
    const y = this.entries.get(b);
    return x && y ? storySimilarity(x.profile, y.profile, this.rarity, this.similarityOptions) : 0;
  }

  private refreshRarity(): void {
    const drift = Math.abs(this.frequencies.size - this.rarity.size);
    if (drift > this.rarity.size * RARITY_DRIFT) this.rarity = this.frequencies.snapshot();
  }

  /** The similarity of two entries when they are linked (within the window, at the threshold or above). */
  private linkSimilarity(a: Entry<A>, b: Entry<A>): number | undefined {
    if (Math.abs(a.time - b.time) > this.windowMs) return undefined;
    return similarityReaching(a.profile, b.profile, this.rarity, this.threshold, this.similarityOptions);
  }

  /** Whether the link of two entries (in each other's `near`) joins them: see keepsLink. */
  private joins(a: Entry<A>, b: string, similarity: number): boolean {
    const other = this.entries.get(b) as Entry<A>;
    return keepsLink(similarity, a.near.values(), other.near.values(), this.linkRank);
  }

  /**
   * Groups again the stories of `seeds` (an article not in a story yet stands for itself): the connected groups of
   * their joining links.
   */
  private regroup(seeds: Iterable<string>): void {
    const ids = new Set<string>();
    for (const seed of seeds) {
      const story = this.storyOf.get(seed);
      const members = story === undefined ? undefined : this.members.get(story);
      if (!members) ids.add(seed);
      else for (const id of members) ids.add(id);
    }
    for (const id of ids) {
      const story = this.storyOf.get(id);
      if (story !== undefined) this.members.delete(story);
    }
    for (const part of this.components(ids)) this.setStory(part);
  }

  /** Articles that state a term of the profile's headline, or hold one of the terms it states in their own headline. */
  private candidates(profile: StoryProfile): Set<string> {
    const found = new Set<string>();
    for (const term of profile.title) for (const id of this.byTerm.get(term) ?? []) found.add(id);
    for (const term of this.covered(profile)) for (const id of this.byTitleTerm.get(term) ?? []) found.add(id);
    return found;
  }

  private covered(profile: StoryProfile): Iterable<string> {
    return coveredTerms(profile, this.similarityOptions);
  }

  private index(entry: Entry<A>): void {
    const id = entry.article.id;
    this.entries.set(id, entry);
    for (const term of this.covered(entry.profile)) list(this.byTerm, term, id);
    for (const term of entry.profile.title) list(this.byTitleTerm, term, id);
  }

  /** Records `ids` as one story, named after its earliest article; returns that name. */
  private setStory(ids: Iterable<string>): string {
    const entries = [...ids].map((id) => this.entries.get(id) as Entry<A>).sort(newestFirst);
    const story = entries[entries.length - 1].article.id;
    const set = new Set(entries.map((e) => e.article.id));
    this.members.set(story, set);
    for (const id of set) this.storyOf.set(id, story);
    return story;
  }

  /** Connected groups of the joining links among `ids`. */
  private components(ids: ReadonlySet<string>): string[][] {
    const left = new Set(ids);
    const parts: string[][] = [];
    for (const start of ids) {
      if (!left.delete(start)) continue;
      const part = [start];
      for (let i = 0; i < part.length; i++) {
        const entry = this.entries.get(part[i]) as Entry<A>;
        for (const [id, similarity] of entry.near) {
          if (!left.has(id) || !this.joins(entry, id, similarity)) continue;
          left.delete(id);
          part.push(id);
        }
      }
      parts.push(part);
    }
    return parts;
  }
}

function newestFirst<A extends GroupableArticle>(a: Entry<A>, b: Entry<A>): number {
  return b.time - a.time || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);
}

function list(index: Map<string, Set<string>>, term: string, id: string): void {
  let ids = index.get(term);
  if (!ids) index.set(term, (ids = new Set()));
  ids.add(id);
}

function unlist(index: Map<string, Set<string>>, term: string, id: string): void {
  const ids = index.get(term);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(term);
}

/**
 * Whether a link of `similarity` between two articles joins them, given the similarities of every link of each (this
 * one among them, or not: it is not stronger than itself): when it is a strong link (STRONG_LINK), or when neither
 * article has `rank` links stronger than it.
 */
export function keepsLink(
  similarity: number,
  ofA: Iterable<number>,
  ofB: Iterable<number>,
  rank: number = WEAK_LINK_RANK,
): boolean {
  if (similarity >= STRONG_LINK) return true;
  return stronger(ofA, similarity) < rank && stronger(ofB, similarity) < rank;
}

function stronger(similarities: Iterable<number>, than: number): number {
  let n = 0;
  for (const s of similarities) if (s > than) n++;
  return n;
}

/** The links that join their two articles (keepsLink), each read against every other link of its articles. */
export function joiningLinks(links: readonly StoryLink[], rank: number = WEAK_LINK_RANK): StoryLink[] {
  if (rank === Infinity) return [...links];
  const of = new Map<string, number[]>();
  for (const link of links) {
    for (const id of [link.a, link.b]) {
      const list = of.get(id);
      if (list) list.push(link.similarity);
      else of.set(id, [link.similarity]);
    }
  }
  return links.filter((l) => keepsLink(l.similarity, of.get(l.a) as number[], of.get(l.b) as number[], rank));
}

/** Two articles whose similarity is above zero, within the window of each other. */
export interface StoryLink {
  a: string;
  b: string;
  similarity: number;
}

/**
 * Every link among `articles`, with rarity counted over all of them (the batch form of StoryIndex's comparisons).
 * `profiles` are the articles' profiles, in order, when the caller has them already (a benchmark grouping one article
 * in many topics).
 */
export function storyLinks(
  articles: readonly GroupableArticle[],
  options: GroupOptions = {},
  profiles: readonly StoryProfile[] = articles.map((a) => storyProfile(a, options.profile ?? PROFILE_OPTIONS)),
): StoryLink[] {
  const windowMs = options.windowMs ?? STORY_WINDOW_MS;
  const similarity = options.similarity ?? SIMILARITY_OPTIONS;
  const frequencies = new DocumentFrequencies();
  const times = articles.map(articleTime);
  for (const profile of profiles) frequencies.add(profile);
  const rarity = frequencies.snapshot();
  const byTerm = new Map<string, Set<number>>();
  const byTitleTerm = new Map<string, Set<number>>();
  const links: StoryLink[] = [];
  profiles.forEach((profile, i) => {
    const candidates = new Set<number>();
    for (const term of profile.title) for (const j of byTerm.get(term) ?? []) candidates.add(j);
    for (const term of coveredTerms(profile, similarity))
      for (const j of byTitleTerm.get(term) ?? []) candidates.add(j);
    for (const j of candidates) {
      if (Math.abs(times[i] - times[j]) > windowMs) continue;
      const score = storySimilarity(profile, profiles[j], rarity, similarity);
      if (score > 0) links.push({ a: articles[j].id, b: articles[i].id, similarity: score });
    }
    for (const term of coveredTerms(profile, similarity)) listIndex(byTerm, term, i);
    for (const term of profile.title) listIndex(byTitleTerm, term, i);
  });
  return links;
}

function listIndex(index: Map<string, Set<number>>, term: string, i: number): void {
  let ids = index.get(term);
  if (!ids) index.set(term, (ids = new Set()));
  ids.add(i);
}

/**
 * The stories of a set of articles (a topic's, typically), the most recently reported first: the connected groups of
 * their joining links (joiningLinks) at or above the threshold. Order-independent; StoryIndex gives the same stories
 * when it is fed the articles one by one, up to the rarity counts it had at each step.
 */
export function groupStories<A extends GroupableArticle>(
  articles: readonly A[],
  options: GroupOptions = {},
  links: readonly StoryLink[] = storyLinks(articles, options),
): Story<A>[] {
  const threshold = options.threshold ?? SAME_STORY;
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(id, r);
    return r;
  };
  for (const link of joiningLinks(links, options.linkRank)) {
    if (link.similarity >= threshold) parent.set(root(link.a), root(link.b));
  }
  const parts = new Map<string, A[]>();
  for (const article of articles) {
    const r = root(article.id);
    parts.set(r, [...(parts.get(r) ?? []), article]);
  }
  return [...parts.values()].map((part) => storyOf(part)).sort(recentFirst);
}

/** A story of its articles: named after the earliest, newest first. */
function storyOf<A extends GroupableArticle>(articles: readonly A[]): Story<A> {
  const sorted = articles
    .map((article) => ({ article, time: articleTime(article) }))
    .sort((a, b) => b.time - a.time || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return {
    id: sorted[sorted.length - 1].article.id,
    articles: sorted.map((e) => e.article),
    latestAt: sorted[0].time,
    firstAt: sorted[sorted.length - 1].time,
  };
}

function recentFirst<A extends GroupableArticle>(a: Story<A>, b: Story<A>): number {
  return b.latestAt - a.latestAt || (a.id < b.id ? -1 : 1);
}
