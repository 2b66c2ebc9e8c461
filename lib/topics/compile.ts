// Compiles saved topics once into indexes the matcher looks article words up in: every distinct term becomes one
// pattern shared by the topics that use it, indexed by its first token (or its first characters for prefixes and
// Chinese, Japanese and Thai terms), and every query becomes a tree of those patterns to evaluate.
import { MAX_TOPICS } from '../limits';
import { isCharToken } from '../text/tokenize';
import {
  derivedStem,
  endingGroupsOf,
  takesNisba,
  inflectionStem,
  polishAlternation,
  MIN_COMPOUND_PART,
  MIN_STEM,
  type EndingGroup,
} from '../text/word-forms';
import { regionNamesOf, regionWords, scriptOf, type Script } from './aliases';
import { parseQuery, type QueryNode, type TermNode } from './query';

export interface TopicInput {
  id: string;
  query: string;
  minMentions?: number;
}

export const PREFIX_KEY = 3;

/** The first two or three UTF-16 units of a word as one number (exact in a double): a key that allocates nothing. */
export function startKey(word: string, length: number): number {
  const two = word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
  return length === 2 ? two : two * 0x10000 + word.charCodeAt(2);
}

/** A distinct term (tokens + prefix flag), shared by every topic that uses it. */
export interface Pattern {
  tokens: string[];
  prefix: boolean;
  /** Topics (indices) using this pattern, for candidate selection. */
  topics: number[];
  id: number;
  /**
   * A region's name the reader did not type (the term names the region in another language): only looked for in
   * articles in these languages (ALIAS_LOCALES), and kept only as match.ts's keepRegionNamesOf says.
   */
  locales?: string[];
}

export type EvalNode =
  | { kind: 'term'; pattern: number; label: string }
  | { kind: 'and' | 'or'; children: EvalNode[] }
  | { kind: 'not'; child: EvalNode }
  | { kind: 'near'; distance: number; left: EvalNode; right: EvalNode }
  | { kind: 'site'; domain: string }
  | { kind: 'lang'; code: string };

export interface CompiledTopic {
  id: string;
  root: EvalNode;
  /** Patterns the query looks for (not those it excludes): any of them in the title or lead makes it prominent. */
  wanted: number[];
  minMentions?: number;
}

/**
 * How an occurrence writes its term: as typed, with a case ending, as an adjective built on it, inside a compound, or
 * as the name the article's language gives the country or territory the term names (`region-name`: Tunisia → Tunisie;
 * that name with a case ending is `inflected`: Germany → Германии).
 */
export type FormKind = 'exact' | 'inflected' | 'derived' | 'compound' | 'region-name';

/** Another way a term's first word may be written, looked up by the first letters of its stem. */
export interface FormEntry {
  pattern: Pattern;
  kind: 'inflected' | 'derived' | 'compound';
  /** The term's (first) word, normalized. */
  word: string;
  /** What the article's word must start with: the inflection stem, the adjective stem, or the word itself. */
  stem: string;
  /** For inflected forms: the ending lists that make this stem of the word (ENDING_GROUP_BITS). */
  groups: number;
  /**
   * For a Polish alternated stem (polsc for Polska): the one ending the article's word has after it (Polsce); the
   * word's other endings are not looked for on that stem (Polscy is no Polska).
   */
  ending?: string;
  /**
   * For derived forms: stems of longer place names that start with the word, whose adjectives are theirs
   * (Nigerian is Nigeria's, not Niger's).
   */
  longer?: { stem: string; word: string }[];
}

/** The locale whose region names can be longer names of a word in its script. */
const REGION_LOCALE: Record<Script, string | undefined> = {
  latin: 'en',
  arabic: 'ar',
  cyrillic: 'ru',
  other: undefined,
};
function regionLocaleOf(word: string): string | undefined {
  return REGION_LOCALE[scriptOf(word)];
}

/** Longer one-word place names that start with `word`, as derived-stem pairs. */
function longerPlaceNames(word: string): { stem: string; word: string }[] | undefined {
  const locale = regionLocaleOf(word);
  if (locale === undefined) return undefined;
  let out: { stem: string; word: string }[] | undefined;
  for (const name of regionWords(locale)) {
    if (name.length <= word.length || !name.startsWith(word)) continue;
    const stem = derivedStem(name);
    if (stem !== undefined) (out ??= []).push({ stem, word: name });
  }
  return out;
}

/** One bit per ending group, so a word whose stem is the same in several lists has one entry. */
export const ENDING_GROUP_BITS: Record<EndingGroup, number> = { slavic: 1, polish: 2, german: 4 };

/** The signals of the capture rule, each switchable so the relevance benchmark can measure what it adds. */
export interface RelevanceSignals {
  /** Case and number endings (Германии, Funduszu, Deutschlands) find the term. */
  inflection: boolean;
  /** An adjective built on the term (Ukrainian, اليونانية) is a mention of its own, not only a sign of prominence. */
  derivedMentions: boolean;
  /** In German articles, compounds with the term as first part or head (Bahngesellschaft, Regionalbahn). */
  compounds: boolean;
  /** Datelines, agency credits and attributions ("told Reuters", «واس - الرياض») are not mentions. */
  credits: boolean;
  /** A word inside a longer name (Niger Delta, Inner Mongolia, Christian County) is no mention of the shorter one. */
  otherNames: boolean;
  /** Decide on where the mentions stand and how they spread (capture-rule.ts), not on title/lead or two passages. */
  aboutRule: boolean;
  /** A term that names a country or territory in one language finds its names in the article's (CLDR, aliases.ts). */
  regionNames: boolean;
  /** A country named in another language is found by its Arabic nisba in an Arabic article (Lebanon → اللبنانية). */
  regionAdjectives: boolean;
  /** A topic named only by adjectives takes the lead only in its first sentence (capture-rule.ts, decideAbout). */
  adjectiveLead: boolean;
  /**
   * The fifth of the article's paragraphs a topic must reach counts paragraphs of MIN_PARAGRAPH_WORDS words or more
   * only (mention-context.ts): a "Photo" line, a byline or a date line is no part of the article to share.
   */
  fullParagraphs: boolean;
}

export const CURRENT_SIGNALS: RelevanceSignals = {
  inflection: true,
  derivedMentions: true,
  compounds: true,
  credits: true,
  otherNames: true,
  aboutRule: true,
  regionNames: true,
  regionAdjectives: true,
  adjectiveLead: true,
  fullParagraphs: true,
};

/** The rule before the independent labels (README: "When does a topic match?", the old figures). */
export const PREVIOUS_SIGNALS: RelevanceSignals = {
  inflection: false,
  derivedMentions: false,
  compounds: false,
  credits: false,
  otherNames: false,
  aboutRule: false,
  regionNames: false,
  regionAdjectives: false,
  adjectiveLead: false,
  fullParagraphs: false,
};

export interface CompiledTopics {
  readonly topics: readonly CompiledTopic[];
  readonly patterns: readonly Pattern[];
  /** First token (exact) → patterns starting with it (every pattern except single-token prefixes). */
  readonly byFirstToken: ReadonlyMap<string, Pattern[]>;
  /**
   * First PREFIX_KEY characters (startKey) → single-token prefix patterns, and the other forms of terms whose stem
   * starts so (FormEntry): one lookup per word, not one per length or per kind of form.
   */
  readonly byStart: ReadonlyMap<number, StartBucket>;
  /** Prefixes shorter than PREFIX_KEY (the parser asks for two letters at least), by their startKey. */
  readonly byShortPrefix: ReadonlyMap<number, Pattern[]>;
  /**
   * Patterns whose first two tokens are single characters (Chinese, Japanese, Thai terms), by both: a first
   * character alone starts too many of them for the first-token index to narrow anything down.
   */
  readonly byCharPair: ReadonlyMap<number, Pattern[]>;
  /** German compound heads (Regional+bahn), by the key of their last PREFIX_KEY letters (endKey). */
  readonly byHeadEnd: ReadonlyMap<number, FormEntry[]>;
  /** Ids of the patterns that are region names the reader did not type (Pattern.locales). */
  readonly regionPatterns: readonly number[];
  readonly signals: RelevanceSignals;
}

/** What a word's first PREFIX_KEY letters lead to. */
export interface StartBucket {
  prefixes: Pattern[];
  /** Form entries by the fourth letter of their stem (stems have MIN_STEM letters at least). */
  forms: Map<number, FormEntry[]> | undefined;
}

function addForm(byStart: Map<number, StartBucket>, entry: FormEntry): void {
  const bucket = bucketOf(byStart, entry.stem);
  bucket.forms ??= new Map();
  const fourth = entry.stem.charCodeAt(3);
  const list = bucket.forms.get(fourth);
  if (list) list.push(entry);
  else bucket.forms.set(fourth, [entry]);
}

/** The last three UTF-16 units of a word as one number. */
export function endKey(word: string): number {
  const n = word.length;
  return (word.charCodeAt(n - 3) * 0x10000 + word.charCodeAt(n - 2)) * 0x10000 + word.charCodeAt(n - 1);
}

function addTo<K>(index: Map<K, Pattern[]>, key: K, pattern: Pattern): void {
  const bucket = index.get(key);
  if (bucket) bucket.push(pattern);
  else index.set(key, [pattern]);
}

function bucketOf(byStart: Map<number, StartBucket>, word: string): StartBucket {
  const key = startKey(word, PREFIX_KEY);
  let bucket = byStart.get(key);
  if (bucket === undefined) {
    bucket = { prefixes: [], forms: undefined };
    byStart.set(key, bucket);
  }
  return bucket;
}

/** Compiles saved topics once; topics whose query does not parse are skipped, as are topics past MAX_TOPICS. */
export function compileTopics(topics: TopicInput[], signals: RelevanceSignals = CURRENT_SIGNALS): CompiledTopics {
  const compiled: CompiledTopic[] = [];
  const patterns: Pattern[] = [];
  const patternByKey = new Map<string, Pattern>();
  const prefixPatternByKey = new Map<string, Pattern>();
  const byFirstToken = new Map<string, Pattern[]>();
  const byStart = new Map<number, StartBucket>();
  const byShortPrefix = new Map<number, Pattern[]>();
  const byCharPair = new Map<number, Pattern[]>();
  const byHeadEnd = new Map<number, FormEntry[]>();
  const regionPatternByKey = new Map<string, Pattern>();
  const regionPatterns: number[] = [];

  // Other forms of a new pattern's first word: always the adjectives (they make a topic prominent even when they
  // are not mentions), endings and compounds when their signal is on. A region's name the reader did not type takes
  // its case endings only: its adjectives and compounds meet too many other words (Arabic مالية "financial" for
  // Mali's مالي, Indiana and Francis for India and France, Beschleuniger for Niger); Arabic names but the few
  // word-forms.ts's takesNisba rules out take their nisba (اللبنانية for Lebanon).
  const addForms = (pattern: Pattern) => {
    if (pattern.prefix) return;
    const word = pattern.tokens[0];
    if (word.length < MIN_STEM || !/^\p{L}+$/u.test(word) || isCharToken(word)) return;
    const typed = pattern.locales === undefined;
    if (pattern.tokens.length === 1 && (typed || (signals.regionAdjectives && takesNisba(word)))) {
      const stem = derivedStem(word);
      if (stem !== undefined) {
        const longer = signals.derivedMentions ? longerPlaceNames(word) : undefined;
        addForm(byStart, { pattern, kind: 'derived', word, stem, groups: 0, longer });
      }
    }
    if (signals.inflection) {
      const byStem = new Map<string, FormEntry>();
      for (const group of endingGroupsOf(word)) {
        const stem = inflectionStem(word, group);
        const same = byStem.get(stem);
        if (same !== undefined) same.groups |= ENDING_GROUP_BITS[group];
        else byStem.set(stem, { pattern, kind: 'inflected', word, stem, groups: ENDING_GROUP_BITS[group] });
      }
      for (const entry of byStem.values()) addForm(byStart, entry);
      // Polish locative/dative with its last consonant alternated (Polska → Polsce, Kuwejt → Kuwejcie): one more
      // stem of the word, made here so that the article's words cost no more to look up.
      const alternation = endingGroupsOf(word).includes('polish') ? polishAlternation(word) : undefined;
      if (alternation !== undefined) {
        const { stem, ending } = alternation;
        addForm(byStart, { pattern, kind: 'inflected', word, stem, groups: ENDING_GROUP_BITS.polish, ending });
      }
    }
    if (
      signals.compounds &&
      typed &&
      pattern.tokens.length === 1 &&
      word.length >= MIN_COMPOUND_PART &&
      scriptOf(word) === 'latin'
    ) {
      const entry: FormEntry = { pattern, kind: 'compound', word, stem: word, groups: ENDING_GROUP_BITS.german };
      addForm(byStart, entry);
      const bucket = byHeadEnd.get(endKey(word));
      if (bucket) bucket.push(entry);
      else byHeadEnd.set(endKey(word), [entry]);
    }
  };

  const patternFor = (term: Pick<TermNode, 'tokens' | 'prefix'>, topic: number, locales?: string[]): number => {
    // Keys: the tokens themselves (joined by a space, which no token contains), in one map per kind.
    const byKey = locales !== undefined ? regionPatternByKey : term.prefix ? prefixPatternByKey : patternByKey;
    const key = term.tokens.length === 1 ? term.tokens[0] : term.tokens.join(' ');
    let pattern = byKey.get(key);
    if (pattern !== undefined && locales !== undefined) {
      for (const locale of locales) if (!pattern.locales!.includes(locale)) pattern.locales!.push(locale);
    }
    if (pattern === undefined) {
      pattern = { tokens: term.tokens, prefix: term.prefix, topics: [], id: patterns.length };
      if (locales !== undefined) {
        pattern.locales = [...locales];
        regionPatterns.push(pattern.id);
      }
      patterns.push(pattern);
      byKey.set(key, pattern);
      const [first, second] = term.tokens;
      if (term.prefix && term.tokens.length === 1) {
        const short = first.length < PREFIX_KEY;
        if (short) addTo(byShortPrefix, startKey(first, 2), pattern);
        else bucketOf(byStart, first).prefixes.push(pattern);
      } else if (second?.length === 1 && first.length === 1 && !(term.prefix && term.tokens.length === 2)) {
        addTo(byCharPair, first.charCodeAt(0) * 0x10000 + second.charCodeAt(0), pattern);
      } else addTo(byFirstToken, first, pattern);
      addForms(pattern);
    }
    if (pattern.topics[pattern.topics.length - 1] !== topic) pattern.topics.push(topic);
    return pattern.id;
  };

  const toEval = (node: QueryNode, topic: number, wanted: number[] | undefined): EvalNode => {
    switch (node.type) {
      case 'term': {
        const pattern = patternFor(node, topic);
        wanted?.push(pattern);
        const own: EvalNode = { kind: 'term', pattern, label: node.source };
        const names = signals.regionNames && !node.prefix ? regionNamesOf(node.tokens) : undefined;
        if (names === undefined || names.length === 0) return own;
        // A country's names in other languages stand for the term, under its own label.
        const children = [own];
        for (const name of names) {
          const other = patternFor({ tokens: name.tokens, prefix: false }, topic, name.locales);
          wanted?.push(other);
          children.push({ kind: 'term', pattern: other, label: node.source });
        }
        return { kind: 'or', children };
      }
      case 'and':
      case 'or':
        return { kind: node.type, children: node.children.map((child) => toEval(child, topic, wanted)) };
      case 'not':
        return { kind: 'not', child: toEval(node.child, topic, undefined) };
      case 'near':
        return {
          kind: 'near',
          distance: node.distance,
          left: toEval(node.left, topic, wanted),
          right: toEval(node.right, topic, wanted),
        };
      case 'site':
        return { kind: 'site', domain: node.domain };
      case 'lang':
        return { kind: 'lang', code: node.code };
    }
  };

  for (const topic of topics.slice(0, MAX_TOPICS)) {
    const parsed = parseQuery(topic.query);
    if (!parsed.ok) continue;
    const index = compiled.length;
    const wanted: number[] = [];
    const root = toEval(parsed.ast, index, wanted);
    compiled.push({ id: topic.id, root, wanted, minMentions: topic.minMentions });
  }
  return {
    topics: compiled,
    patterns,
    byFirstToken,
    byStart,
    byShortPrefix,
    byCharPair,
    byHeadEnd,
    regionPatterns,
    signals,
  };
}
