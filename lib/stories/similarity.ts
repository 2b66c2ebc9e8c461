// How alike two articles are as news. Terms are weighted by rarity (IDF over the articles at hand), so names, places
// and figures decide and the words every article of a beat shares do not; and each headline's terms must be found in
// the other article's headline, lead or key facts (not its body, which holds most words of any headline on its beat),
// so two routine items of one kind (two stock-market closes, two courses) stay apart.
import type { StoryProfile } from './profile';

/** The least weight a term has (see Rarity). */
export const MIN_RARITY = Math.LN2;

/**
 * A term is a known place when at least this many articles name it as one (the word after "region", "city": see
 * StoryProfile.places) …
 */
export const KNOWN_PLACE_ARTICLES = 2;
/**
 * … and they are at least this share of the articles whose headline, lead or key facts hold it: مكة is named "منطقة
 * مكة المكرمة" in a fifth of the articles that write it, الملك ("مدينة الملك عبدالعزيز") in a tenth. The middle of the
 * shares that reach the best cross-validated F1 on the tuning half (0.15 to 0.25).
 */
export const KNOWN_PLACE_SHARE = 0.2;

/**
 * How many articles hold each term (anywhere, and in their headline, lead or key facts) and name it as a place, kept
 * up to date as articles come and go.
 */
export class DocumentFrequencies {
  private readonly counts = new Map<string, number>();
  private readonly summaryCounts = new Map<string, number>();
  private readonly placeCounts = new Map<string, number>();
  private total = 0;

  add(profile: StoryProfile): void {
    this.total++;
    count(this.counts, profile.terms.keys(), 1);
    count(this.summaryCounts, profile.summary, 1);
    count(this.placeCounts, profile.places, 1);
  }

  remove(profile: StoryProfile): void {
    this.total = Math.max(0, this.total - 1);
    count(this.counts, profile.terms.keys(), -1);
    count(this.summaryCounts, profile.summary, -1);
    count(this.placeCounts, profile.places, -1);
  }

  get size(): number {
    return this.total;
  }

  /** The weights (and known places) as they are now; later changes do not reach it. */
  snapshot(): Rarity {
    const places = new Set<string>();
    for (const [term, named] of this.placeCounts) {
      const stated = this.summaryCounts.get(term) ?? 0;
      if (named >= KNOWN_PLACE_ARTICLES && named >= KNOWN_PLACE_SHARE * stated) places.add(term);
    }
    return new Rarity(new Map(this.counts), this.total, places);
  }
}

function count(counts: Map<string, number>, terms: Iterable<string>, by: 1 | -1): void {
  for (const term of terms) {
    const n = (counts.get(term) ?? 0) + by;
    if (n > 0) counts.set(term, n);
    else counts.delete(term);
  }
}

/**
 * Term weights frozen at one moment: the Robertson–Spärck Jones IDF, log((N − n + ½) / (n + ½)) for a term n of N
 * articles hold, highest for a term no article held. It falls to zero as n nears half the articles, so a beat's own
 * words weigh little beside a story's names and figures; it is never less than ln 2 (n about a third of the articles
 * or more), so that in a topic of a few articles, where one story's reports are most of them, its words still count.
 * Frozen, so each profile's length is computed once per snapshot instead of once per comparison.
 */
export class Rarity {
  private readonly weights = new Map<string, number>();
  private readonly lengths = new WeakMap<StoryProfile, number>();

  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    readonly size: number,
    /** Terms the articles name as places often enough to be read as places wherever they appear (see KNOWN_PLACE_SHARE). */
    readonly places: ReadonlySet<string> = new Set(),
  ) {}

  idf(term: string): number {
    let weight = this.weights.get(term);
    if (weight === undefined) {
      const held = this.counts.get(term) ?? 0;
      weight = Math.max(MIN_RARITY, Math.log((this.size - held + 0.5) / (held + 0.5)));
      this.weights.set(term, weight);
    }
    return weight;
  }

  /** The Euclidean length of a profile's weighted terms. */
  length(profile: StoryProfile): number {
    let length = this.lengths.get(profile);
    if (length === undefined) {
      let sum = 0;
      for (const [term, weight] of profile.terms) sum += (weight * this.idf(term)) ** 2;
      length = Math.sqrt(sum);
      this.lengths.set(profile, length);
    }
    return length;
  }
}

/** Every term alike: what rarity weighting is measured against. */
class Uniform extends Rarity {
  constructor() {
    super(new Map(), 0);
  }

  override idf(): number {
    return 1;
  }
}

/** Which parts of the score apply; the benchmark switches them off one at a time. */
export interface SimilarityOptions {
  /** Weight terms by rarity; without it every term counts alike. */
  rarity: boolean;
  /** Multiply by how much of each headline the other article covers. */
  titleCoverage: boolean;
  /** Look for a headline's terms in the other article's body too, not only in its headline, lead and key facts. */
  coverageInBody: boolean;
  /** Two headlines that name places (see StoryProfile.places), none of them in common, are two stories. */
  places: boolean;
  /**
   * A headline term the other articles name as a place (Rarity.places) is a place too, though neither article puts a
   * place word before it: "… بمكة المكرمة" beside "… بالجوف".
   */
  knownPlaces: boolean;
}

export const SIMILARITY_OPTIONS: SimilarityOptions = {
  rarity: true,
  titleCoverage: true,
  coverageInBody: false,
  places: true,
  knownPlaces: true,
};

/**
 * Whether each headline names a place that one of the two articles names as one (or that `known` holds: the places
 * the other articles name), and they name none in common: the same kind of item from two towns (two municipal-election
 * notices) is two stories.
 */
export function differentPlaces(a: StoryProfile, b: StoryProfile, known: ReadonlySet<string> = new Set()): boolean {
  const isPlace = (term: string) => a.places.has(term) || b.places.has(term) || known.has(term);
  let inA = false;
  for (const term of a.title) {
    if (!isPlace(term)) continue;
    if (b.title.has(term)) return false;
    inA = true;
  }
  if (!inA) return false;
  for (const term of b.title) if (isPlace(term)) return true;
  return false;
}

const UNIFORM = new Uniform();

function cosine(a: StoryProfile, b: StoryProfile, rarity: Rarity): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.terms) {
    const other = large.terms.get(term);
    if (other !== undefined) dot += weight * other * rarity.idf(term) ** 2;
  }
  return dot === 0 ? 0 : dot / (rarity.length(a) * rarity.length(b));
}

/** Where another headline's terms are looked for in an article: only pairs that find one there can score above zero. */
export function coveredTerms(profile: StoryProfile, options: SimilarityOptions): Iterable<string> {
  return options.coverageInBody || !options.titleCoverage ? profile.terms.keys() : profile.summary;
}

/**
 * The share of `a`'s headline terms that `b` states (in its summary, or anywhere), each term weighted by its rarity
 * squared, as the cosine weighs a term the two articles share.
 */
function coverage(a: StoryProfile, b: StoryProfile, rarity: Rarity, inBody: boolean): number {
  const where = inBody ? b.terms : b.summary;
  let found = 0;
  let all = 0;
  for (const term of a.title) {
    const weight = rarity.idf(term) ** 2;
    all += weight;
    if (where.has(term)) found += weight;
  }
  return all === 0 ? 0 : found / all;
}

/** The rarest term of a headline (ties: the first in order). */
function rarest(profile: StoryProfile, rarity: Rarity): string | undefined {
  let best: string | undefined;
  let bestWeight = -Infinity;
  for (const term of profile.title) {
    const weight = rarity.idf(term);
    if (weight > bestWeight) {
      best = term;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Two routine statements (two cables from one sender) share their sender and formula and differ only in whom they
 * address: they are one story only when a headline's rarest word (the addressee, the occasion) is in the other.
 */
function sameAddressee(a: StoryProfile, b: StoryProfile, rarity: Rarity): boolean {
  const ofA = rarest(a, rarity);
  const ofB = rarest(b, rarity);
  return (ofA !== undefined && b.terms.has(ofA)) || (ofB !== undefined && a.terms.has(ofB));
}

/**
 * How alike two articles are as news, in [0, 1]: the cosine of their rarity-weighted terms, times the mean share of
 * each headline that the other article covers; zero for two routine statements to different addressees.
 */
export function storySimilarity(
  a: StoryProfile,
  b: StoryProfile,
  rarity: Rarity,
  options: SimilarityOptions = SIMILARITY_OPTIONS,
): number {
  const weights = options.rarity ? rarity : UNIFORM;
  if (a.routine && b.routine && !sameAddressee(a, b, weights)) return 0;
  if (options.places && differentPlaces(a, b, options.knownPlaces ? rarity.places : undefined)) return 0;
  const similarity = cosine(a, b, weights);
  if (!options.titleCoverage || similarity === 0) return similarity;
  const inBody = options.coverageInBody;
  return (similarity * (coverage(a, b, weights, inBody) + coverage(b, a, weights, inBody))) / 2;
}

/**
 * storySimilarity(a, b) when it reaches the threshold, else undefined. The cosine is at most 1, so a pair whose
 * headlines' coverage alone stays under the threshold cannot reach it: most pairs of a beat share only its common words
 * and are left without comparing every term of their bodies.
 */
export function similarityReaching(
  a: StoryProfile,
  b: StoryProfile,
  rarity: Rarity,
  threshold: number,
  options: SimilarityOptions = SIMILARITY_OPTIONS,
): number | undefined {
  if (options.titleCoverage) {
    const weights = options.rarity ? rarity : UNIFORM;
    const inBody = options.coverageInBody;
    const bound = (coverage(a, b, weights, inBody) + coverage(b, a, weights, inBody)) / 2;
    // With room for rounding: the product is computed apart from this bound.
    if (bound * (1 + 1e-9) < threshold) return undefined;
  }
  const similarity = storySimilarity(a, b, rarity, options);
  return similarity >= threshold ? similarity : undefined;
}

/** Whether two articles are one story: storySimilarity(a, b) ≥ threshold (see similarityReaching). */
export function reachesSimilarity(
  a: StoryProfile,
  b: StoryProfile,
  rarity: Rarity,
  threshold: number,
  options: SimilarityOptions = SIMILARITY_OPTIONS,
): boolean {
  return similarityReaching(a, b, rarity, threshold, options) !== undefined;
}
