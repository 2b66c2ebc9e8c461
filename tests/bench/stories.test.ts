// Story grouping against independent same-story labels (tests/bench/labels/story-pairs.json: 615 pairs of news-ar
// articles, two batches, each split once into tuning and validation halves), beside today's fact merge read as a same-story signal;
// then the cost of grouping one new capture into a topic of 1,000 articles. Texts come from ../shared at bench time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../lib/facts/extract';
import { groupFacts } from '../../lib/facts/merge';
import {
  groupStories,
  joiningLinks,
  SAME_STORY,
  StoryIndex,
  storyLinks,
  type GroupableArticle,
  type GroupOptions,
  type StoryLink,
} from '../../lib/stories/group';
import {
  bodyTerms,
  PROFILE_OPTIONS,
  storyProfile,
  type ProfileOptions,
  type StoryProfile,
} from '../../lib/stories/profile';
import { SIMILARITY_OPTIONS } from '../../lib/stories/similarity';
import { crossValidate, seededRandom, widestBestRun, type TunedThreshold } from './metrics/cross-validation';
import { scoreDecisions, type DecisionScores } from './metrics/decision-metric';
import { median, percentile, reportFigures } from './report';

interface LabelledPair {
  pair: string;
  a: string;
  b: string;
  same: boolean;
  confidence: 'high' | 'low';
  half: 'tuning' | 'validation';
}
interface CorpusText {
  ref: string;
  title: string;
  text: string;
  lang: string | null;
  date?: string;
  source?: string;
  url: string;
}
interface BenchArticle extends GroupableArticle {
  url: string;
  text: string;
}

const EXCERPT_CHARS = 280;
const TOPIC_SIZE = 1000;
const COST_PROBES = 20;
const COST_ROUNDS = 25;

/** The article as the extension stores it: the extractor's excerpt, the background's key facts and body terms. */
function asCaptured(text: CorpusText): BenchArticle {
  const flat = text.text.replace(/\s+/g, ' ');
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')}…` : flat;
  return {
    id: text.ref,
    url: text.url,
    text: text.text,
    title: text.title,
    excerpt,
    facts: extractFacts({ title: text.title, text: text.text, lang: text.lang ?? undefined }, { max: 7 }),
    storyTerms: bodyTerms(text.text),
    publishedAt: text.date ? `${text.date}T00:00:00Z` : undefined,
    firstSeenAt: 0,
  };
}

async function loadTexts(corpora: string[]): Promise<CorpusText[]> {
  // A variable path keeps TypeScript from resolving the untyped script; vitest loads it as usual.
  const script = '../../scripts/corpus-texts.mjs';
  const { corpusTexts } = (await import(script)) as { corpusTexts: (names: string[]) => Iterable<CorpusText> };
  return [...corpusTexts(corpora)];
}

type Scores = DecisionScores;

function score(pairs: readonly LabelledPair[], same: (pair: LabelledPair) => boolean): Scores {
  return scoreDecisions(pairs, same, (pair) => pair.same);
}

type ByHalf = Record<'tuning' | 'validation', Scores>;

function byHalf(pairs: readonly LabelledPair[], same: (pair: LabelledPair) => boolean): ByHalf {
  return {
    tuning: score(
      pairs.filter((p) => p.half === 'tuning'),
      same,
    ),
    validation: score(
      pairs.filter((p) => p.half === 'validation'),
      same,
    ),
  };
}

/** The articles with their body terms read under other profile options (an ablation of figures or boilerplate). */
function withBodyTerms(articles: readonly BenchArticle[], options: ProfileOptions): BenchArticle[] {
  return articles.map((a) => ({ ...a, storyTerms: bodyTerms(a.text, options) }));
}

/** Today's signal: the two articles share a key fact by lib/facts/merge (same figures, Jaccard ≥ 0.4). */
function factMergeSame(a: BenchArticle, b: BenchArticle): boolean {
  const items = [
    ...a.facts.map((f) => ({ text: f.text, from: 'a' })),
    ...b.facts.map((f) => ({ text: f.text, from: 'b' })),
  ];
  return groupFacts(items).some((g) => g.members.some((m) => m.from === 'a') && g.members.some((m) => m.from === 'b'));
}

/** Stories of every article at once (all of news-ar as one topic), read as pairs. */
function groupedSame(
  articles: readonly BenchArticle[],
  options: GroupOptions,
  links: readonly StoryLink[],
): (pair: LabelledPair) => boolean {
  const storyOf = new Map<string, string>();
  for (const story of groupStories(articles, options, links))
    for (const a of story.articles) storyOf.set(a.id, story.id);
  return (pair) => storyOf.get(pair.a) === storyOf.get(pair.b);
}

/**
 * The alternative to chaining that the rule was measured against (not the rule): average link. Stories merge, the
 * closest first, while the mean similarity of all pairs across them (pairs below the link floor count as 0) reaches
 * the threshold and one pair across them is linked at it; a hub article then no longer chains unrelated reports.
 */
function averageLinkSame(
  articles: readonly BenchArticle[],
  options: GroupOptions,
  links: readonly StoryLink[],
): (pair: LabelledPair) => boolean {
  const threshold = options.threshold ?? SAME_STORY;
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const similarity = new Map(links.map((l) => [key(l.a, l.b), l.similarity]));
  const strong = links.filter((l) => l.similarity >= threshold);
  const storyOf = new Map(articles.map((a) => [a.id, a.id]));
  const members = new Map(articles.map((a) => [a.id, [a.id]]));
  for (;;) {
    let best: { mean: number; x: string; y: string } | undefined;
    for (const link of strong) {
      const x = storyOf.get(link.a) as string;
      const y = storyOf.get(link.b) as string;
      if (x === y) continue;
      const xs = members.get(x) as string[];
      const ys = members.get(y) as string[];
      let sum = 0;
      for (const a of xs) for (const b of ys) sum += similarity.get(key(a, b)) ?? 0;
      const mean = sum / (xs.length * ys.length);
      if (mean >= threshold && (!best || mean > best.mean)) best = { mean, x, y };
    }
    if (!best) break;
    const merged = [...(members.get(best.x) as string[]), ...(members.get(best.y) as string[])];
    members.delete(best.y);
    members.set(best.x, merged);
    for (const id of merged) storyOf.set(id, best.x);
  }
  return (pair) => storyOf.get(pair.a) === storyOf.get(pair.b);
}

type Grouping = typeof groupedSame;

const THRESHOLD_STEP = 0.001;
/** The thresholds tried, in steps of 0.001. */
const THRESHOLDS = Array.from({ length: 381 }, (_, i) => Math.round((i + 20) * THRESHOLD_STEP * 1000) / 1000);
/** Cross-validation within the tuning half: 5 folds stratified by label, repeated with 5 fixed seeds. */
const CV = { folds: 5, seeds: [1, 2, 3, 4, 5], fallback: SAME_STORY };

interface Tuned {
  /** The threshold chosen on the whole tuning half. */
  tuned: TunedThreshold;
  /** Each tuning pair decided by a threshold chosen without its fold. */
  cv: Scores;
}

/**
 * The grouping threshold chosen on the tuning half alone: the middle of the widest run of thresholds (in steps of
 * 0.001) that reach the best tuning F1, not its edge, so that a few tuning pairs just above or below do not decide it;
 * and the same choice cross-validated within the tuning half, what variants are compared by.
 */
function tunedThreshold(
  articles: readonly BenchArticle[],
  pairs: readonly LabelledPair[],
  options: GroupOptions,
  links: readonly StoryLink[],
  grouping: Grouping = groupedSame,
): Tuned {
  const tuning = pairs.filter((p) => p.half === 'tuning');
  const groupings = new Map<number, (pair: LabelledPair) => boolean>();
  const decide = (threshold: number) => {
    let same = groupings.get(threshold);
    if (!same) groupings.set(threshold, (same = grouping(articles, { ...options, threshold }, links)));
    return same;
  };
  const steps = THRESHOLDS.map((t) => ({ t, f1: score(tuning, decide(t)).f1 }));
  const cv = crossValidate(tuning, (p) => p.same, THRESHOLDS, decide, CV);
  return { tuned: widestBestRun(steps, SAME_STORY), cv: cv.scores };
}

/** Sizes of the small topics: each labelled pair is grouped in a topic of the pair and this many other articles. */
const SMALL_TOPIC_OTHERS = [5, 30, 200];
const SMALL_TOPIC_SEED = 20261203;

/** `n` articles other than the pair's two, drawn from `articles` by a generator seeded with the pair's index. */
function drawOthers(articles: readonly BenchArticle[], pair: LabelledPair, index: number, n: number): BenchArticle[] {
  const random = seededRandom(SMALL_TOPIC_SEED + index);
  const pool = articles.filter((a) => a.id !== pair.a && a.id !== pair.b);
  for (let i = 0; i < Math.min(n, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/**
 * The highest threshold at which two articles are still one story among `links`: the weakest link of the strongest
 * chain between them (0: never). groupStories puts them in one story exactly when the threshold is at most this.
 */
function chainStrength(links: readonly StoryLink[], a: string, b: string): number {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) as string;
    if (r !== id) parent.set(id, r);
    return r;
  };
  for (const link of [...links].sort((x, y) => y.similarity - x.similarity)) {
    parent.set(root(link.a), root(link.b));
    if (root(a) === root(b)) return link.similarity;
  }
  return 0;
}

interface SmallTopics extends ByHalf {
  others: number;
  /** The threshold the tuning half would pick in topics of this size (middle of its best run). */
  tuned: TunedThreshold;
  cv: Scores;
}

/**
 * The rule as a reader meets it: each labelled pair grouped in a topic of its own, the pair and `others` articles drawn
 * (seeded) from news-ar, rarity and known places counted over that topic alone, as the popup counts them per topic.
 * Scored at the rule's threshold on both halves, and cross-validated within the tuning half like the rule.
 */
function smallTopics(
  articles: readonly BenchArticle[],
  pairs: readonly LabelledPair[],
  others: number,
  options: GroupOptions = {},
): SmallTopics {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const profiles = new Map(articles.map((a) => [a.id, storyProfile(a, options.profile ?? PROFILE_OPTIONS)]));
  const strength = new Map<string, number>();
  pairs.forEach((pair, i) => {
    const topic = [byId.get(pair.a), byId.get(pair.b), ...drawOthers(articles, pair, i, others)] as BenchArticle[];
    const links = storyLinks(
      topic,
      options,
      topic.map((a) => profiles.get(a.id) as StoryProfile),
    );
    strength.set(pair.pair, chainStrength(joiningLinks(links, options.linkRank), pair.a, pair.b));
  });
  const decide = (threshold: number) => (pair: LabelledPair) => (strength.get(pair.pair) as number) >= threshold;
  const tuning = pairs.filter((p) => p.half === 'tuning');
  const steps = THRESHOLDS.map((t) => ({ t, f1: score(tuning, decide(t)).f1 }));
  const cv = crossValidate(tuning, (p) => p.same, THRESHOLDS, decide, CV);
  return {
    others,
    tuned: widestBestRun(steps, SAME_STORY),
    cv: cv.scores,
    ...byHalf(pairs, decide(options.threshold ?? SAME_STORY)),
  };
}

describe('stories benchmark', () => {
  it('scores story grouping on the labelled pairs and times one capture into a topic of 1,000 articles', async () => {
    const pairs = JSON.parse(readFileSync('tests/bench/labels/story-pairs.json', 'utf8')) as LabelledPair[];
    const texts = await loadTexts(['news-ar', 'dev', 'snip']);
    const newsAr = texts.filter((t) => t.ref.startsWith('news-ar:')).map(asCaptured);
    const byId = new Map(newsAr.map((a) => [a.id, a]));
    for (const p of pairs) expect(byId.has(p.a) && byId.has(p.b), `texts for ${p.pair}`).toBe(true);

    const baseline = byHalf(pairs, (p) => factMergeSame(byId.get(p.a) as BenchArticle, byId.get(p.b) as BenchArticle));
    const links = storyLinks(newsAr);
    const rule = byHalf(pairs, groupedSame(newsAr, {}, links));
    const highConfidence = pairs.filter((p) => p.confidence === 'high');
    const ruleHigh = byHalf(highConfidence, groupedSame(newsAr, {}, links));
    const baselineHigh = byHalf(highConfidence, (p) =>
      factMergeSame(byId.get(p.a) as BenchArticle, byId.get(p.b) as BenchArticle),
    );
    // The pairwise decision alone: what grouping adds by linking chains of reports.
    const linked = new Set(
      joiningLinks(links)
        .filter((l) => l.similarity >= SAME_STORY)
        .map((l) => `${l.a} ${l.b}`),
    );
    const pairwise = byHalf(pairs, (p) => linked.has(`${p.a} ${p.b}`) || linked.has(`${p.b} ${p.a}`));
    const tuned = tunedThreshold(newsAr, pairs, {}, links);
    const averageTuned = tunedThreshold(newsAr, pairs, {}, links, averageLinkSame);
    const averageThreshold = averageTuned.tuned.middle;
    const averageOptions = { threshold: averageThreshold };
    const averageLink = {
      threshold: averageThreshold,
      cv: averageTuned.cv,
      ...byHalf(pairs, averageLinkSame(newsAr, averageOptions, links)),
      highConfidenceOnly: byHalf(highConfidence, averageLinkSame(newsAr, averageOptions, links)),
    };

    const variants: [string, GroupOptions][] = [
      ['figures as written (no number reading)', { profile: { ...PROFILE_OPTIONS, figures: false } }],
      ['dates and formulas kept', { profile: { ...PROFILE_OPTIONS, dropBoilerplate: false } }],
      ['every term alike (no rarity)', { similarity: { ...SIMILARITY_OPTIONS, rarity: false } }],
      ['no headline coverage', { similarity: { ...SIMILARITY_OPTIONS, titleCoverage: false } }],
      ['headline terms looked for in the body too', { similarity: { ...SIMILARITY_OPTIONS, coverageInBody: true } }],
      ['headline weighted twice', { profile: { ...PROFILE_OPTIONS, titleWeight: 2 * PROFILE_OPTIONS.leadWeight } }],
      ['no key facts', { profile: { ...PROFILE_OPTIONS, factWeight: 0 } }],
      ['no body terms (headline, lead, facts only)', { profile: { ...PROFILE_OPTIONS, bodyWeight: 0 } }],
      ['body terms counted once', { profile: { ...PROFILE_OPTIONS, bodyCounts: false } }],
      ['no time window', { windowMs: Infinity }],
      ['every link joins its articles (no nearest-neighbour test for weak links)', { linkRank: Infinity }],
      ['Arabic proclitics peeled blindly (Light10)', { profile: { ...PROFILE_OPTIONS, lexicon: false } }],
      ['headlines naming different places not kept apart', { similarity: { ...SIMILARITY_OPTIONS, places: false } }],
      [
        'places only where one of the two articles names them (none learned from the others)',
        { similarity: { ...SIMILARITY_OPTIONS, knownPlaces: false } },
      ],
    ];
    const ablations = variants.map(([name, options]) => {
      const articles = options.profile ? withBodyTerms(newsAr, options.profile) : newsAr;
      const variantLinks = storyLinks(articles, options);
      const { tuned: variantTuned, cv } = tunedThreshold(articles, pairs, options, variantLinks);
      const threshold = variantTuned.middle;
      return { name, threshold, cv, ...byHalf(pairs, groupedSame(articles, { ...options, threshold }, variantLinks)) };
    });

    const smallStart = performance.now();
    const small = SMALL_TOPIC_OTHERS.map((n) => smallTopics(newsAr, pairs, n));
    const smallMs = performance.now() - smallStart;

    // Cost: a topic of 1,000 real articles (news-ar, then the extraction corpora's, English and other languages);
    // each probe is a news-ar article added and removed again, so every sample sees the same topic.
    const others = texts.filter((t) => !t.ref.startsWith('news-ar:') && t.text.length > 0).map(asCaptured);
    const probes = newsAr.slice(0, COST_PROBES);
    const topic = [...newsAr.slice(COST_PROBES), ...others].slice(0, TOPIC_SIZE);
    const index = new StoryIndex<BenchArticle>();
    for (const a of topic) index.add(a);
    const addMs: number[] = [];
    const profileMs: number[] = [];
    const termsMs: number[] = [];
    for (let round = 0; round < COST_ROUNDS; round++) {
      for (const probe of probes) {
        const termsStart = performance.now();
        bodyTerms(probe.text);
        termsMs.push(performance.now() - termsStart);
        const start = performance.now();
        index.add(probe);
        addMs.push(performance.now() - start);
        index.remove(probe.id);
        const profileStart = performance.now();
        new StoryIndex<BenchArticle>().add(probe);
        profileMs.push(performance.now() - profileStart);
      }
    }
    const batchStart = performance.now();
    const topicStories = groupStories(topic);
    const batchMs = performance.now() - batchStart;
    // Chaining guard: a topic of mostly unrelated pages must not snowball into one large story.
    const largestStory = Math.max(...topicStories.map((s) => s.articles.length));
    const ms = (x: number) => Math.round(x * 1000) / 1000;

    const figures = {
      bench: 'stories',
      pairs: pairs.length,
      threshold: SAME_STORY,
      tuningBestThresholds: tuned.tuned,
      crossValidation: { folds: CV.folds, seeds: CV.seeds },
      rule: { ...rule, cv: tuned.cv },
      pairwise,
      averageLink,
      baseline,
      highConfidenceOnly: { rule: ruleHigh, baseline: baselineHigh },
      ablations,
      smallTopics: { seed: SMALL_TOPIC_SEED, topics: small, benchMs: Math.round(smallMs) },
      cost: {
        topicArticles: index.size,
        topicStories: topicStories.length,
        largestStory,
        bodyTermsMedianMs: ms(median(termsMs)),
        bodyTermsP95Ms: ms(percentile(termsMs, 95)),
        addMedianMs: ms(median(addMs)),
        addP95Ms: ms(percentile(addMs, 95)),
        aloneMedianMs: ms(median(profileMs)),
        aloneP95Ms: ms(percentile(profileMs, 95)),
        groupAllMs: ms(batchMs),
      },
    };
    reportFigures(figures, () => {
      const prf = (label: string, x: Scores) =>
        `${label} P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)}`;
      // Tuning, cross-validated within tuning (when the threshold was chosen there), validation.
      const line = (name: string, s: ByHalf & { cv?: Scores }) =>
        console.log(
          `${name.padEnd(44)} ` +
            [prf('tuning', s.tuning), s.cv ? prf('cv', s.cv) : ' '.repeat(27), prf('validation', s.validation)].join(
              '   ',
            ),
        );
      console.log(
        `same-story pairs: ${pairs.length}; threshold ${SAME_STORY} (the tuning half's best F1 from ${tuned.tuned.from} ` +
          `to ${tuned.tuned.to}: middle ${tuned.tuned.middle}); cv: ${CV.folds}-fold cross-validation within the ` +
          `tuning half (stratified, ${CV.seeds.length} fixed seeds, pooled), the threshold re-chosen without each fold`,
      );
      line('stories (lib/stories, grouped)', figures.rule);
      line('  pairwise decision only', pairwise);
      line(`  average link, not chaining (t=${averageLink.threshold})`, averageLink);
      line('    the same, high-confidence labels only', averageLink.highConfidenceOnly);
      line('fact merge (lib/facts/merge), baseline', baseline);
      line('stories, high-confidence labels only', ruleHigh);
      line('fact merge, high-confidence labels only', baselineHigh);
      console.log('each signal switched off (threshold re-tuned on the tuning half, middle of its best run):');
      for (const a of ablations) line(`  ${a.name} (t=${a.threshold})`, a);
      console.log(
        'each pair in a topic of its own, the pair and N other news-ar articles drawn at random (seeded), rarity and ' +
          `known places counted over that topic (as the popup counts them), threshold ${SAME_STORY}; cv re-chooses it ` +
          `(${(smallMs / 1000).toFixed(1)} s):`,
      );
      for (const t of small) line(`  N = ${t.others} (tuning's best t=${t.tuned.middle})`, t);
      line('  one topic of all 500 news-ar articles (as above)', figures.rule);
      const c = figures.cost;
      console.log(
        `one capture into a topic of ${c.topicArticles} articles (${c.topicStories} stories, the largest of ` +
          `${c.largestStory}): median ${c.addMedianMs} ms, ` +
          `p95 ${c.addP95Ms} ms; into an empty topic (profile alone): median ${c.aloneMedianMs} ms, p95 ${c.aloneP95Ms} ms; ` +
          `grouping all ${c.topicArticles} at once: ${c.groupAllMs} ms; body terms at capture (background): ` +
          `median ${c.bodyTermsMedianMs} ms, p95 ${c.bodyTermsP95Ms} ms`,
      );
    });
    expect(rule.validation.tp).toBeGreaterThan(0);
  });
});
