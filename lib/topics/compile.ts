// Compiles saved topics once into indexes the matcher looks article words up in: every distinct term becomes one
// pattern shared by the topics that use it, indexed by its first token (or its first characters for prefixes and
// Chinese, Japanese and Thai terms), and every query becomes a tree of those patterns to evaluate.
import { MAX_TOPICS } from '../limits';
import { isCharToken } from '../text/tokenize';
import { RELATED_MIN_STEM } from './capture-rule';
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
  /** Prefix patterns for words built on the wanted single-word terms (see RELATED_MIN_STEM). */
  related: number[];
  minMentions?: number;
}

export interface CompiledTopics {
  readonly topics: readonly CompiledTopic[];
  readonly patterns: readonly Pattern[];
  /** First token (exact) → patterns starting with it (every pattern except single-token prefixes). */
  readonly byFirstToken: ReadonlyMap<string, Pattern[]>;
  /** First PREFIX_KEY characters (startKey) → single-token prefix patterns: one lookup per word, not one per length. */
  readonly byPrefixStart: ReadonlyMap<number, Pattern[]>;
  /** Prefixes shorter than PREFIX_KEY (the parser asks for two letters at least), by their startKey. */
  readonly byShortPrefix: ReadonlyMap<number, Pattern[]>;
  /**
   * Patterns whose first two tokens are single characters (Chinese, Japanese, Thai terms), by both: a first
   * character alone starts too many of them for the first-token index to narrow anything down.
   */
  readonly byCharPair: ReadonlyMap<number, Pattern[]>;
  /** Stems of words built on single-word terms (RELATED_MIN_STEM), by their startKey; searched in title and lead. */
  readonly byRelatedStart: ReadonlyMap<number, Pattern[]>;
}

function addTo<K>(index: Map<K, Pattern[]>, key: K, pattern: Pattern): void {
  const bucket = index.get(key);
  if (bucket) bucket.push(pattern);
  else index.set(key, [pattern]);
}

export interface CompileOptions {
  /** Let words built on a topic word make it prominent (default true; false is kept to measure the rule). */
  relatedForms?: boolean;
}

/** Compiles saved topics once; topics whose query does not parse are skipped, as are topics past MAX_TOPICS. */
export function compileTopics(topics: TopicInput[], { relatedForms = true }: CompileOptions = {}): CompiledTopics {
  const compiled: CompiledTopic[] = [];
  const patterns: Pattern[] = [];
  const patternByKey = new Map<string, Pattern>();
  const prefixPatternByKey = new Map<string, Pattern>();
  const byFirstToken = new Map<string, Pattern[]>();
  const byPrefixStart = new Map<number, Pattern[]>();
  const byShortPrefix = new Map<number, Pattern[]>();
  const byCharPair = new Map<number, Pattern[]>();

  const patternFor = (term: TermNode, topic: number): number => {
    // Keys: the tokens themselves (joined by a space, which no token contains), in one map per kind.
    const byKey = term.prefix ? prefixPatternByKey : patternByKey;
    const key = term.tokens.length === 1 ? term.tokens[0] : term.tokens.join(' ');
    let pattern = byKey.get(key);
    if (pattern === undefined) {
      pattern = { tokens: term.tokens, prefix: term.prefix, topics: [], id: patterns.length };
      patterns.push(pattern);
      byKey.set(key, pattern);
      const [first, second] = term.tokens;
      if (term.prefix && term.tokens.length === 1) {
        const short = first.length < PREFIX_KEY;
        addTo(short ? byShortPrefix : byPrefixStart, startKey(first, short ? 2 : PREFIX_KEY), pattern);
      } else if (second?.length === 1 && first.length === 1 && !(term.prefix && term.tokens.length === 2)) {
        addTo(byCharPair, first.charCodeAt(0) * 0x10000 + second.charCodeAt(0), pattern);
      } else addTo(byFirstToken, first, pattern);
    }
    if (pattern.topics[pattern.topics.length - 1] !== topic) pattern.topics.push(topic);
    return pattern.id;
  };

  // Words built on a term: an index of their own, looked up only at the top of the article, and making no topic a
  // candidate (the term itself must occur).
  const relatedPatternByStem = new Map<string, Pattern>();
  const byRelatedStart = new Map<number, Pattern[]>();
  const relatedPatternFor = (stem: string): number => {
    let pattern = relatedPatternByStem.get(stem);
    if (pattern === undefined) {
      pattern = { tokens: [stem], prefix: true, topics: [], id: patterns.length };
      patterns.push(pattern);
      relatedPatternByStem.set(stem, pattern);
      addTo(byRelatedStart, startKey(stem, PREFIX_KEY), pattern);
    }
    return pattern.id;
  };

  const toEval = (node: QueryNode, topic: number, wanted: number[] | undefined): EvalNode => {
    switch (node.type) {
      case 'term': {
        const pattern = patternFor(node, topic);
        wanted?.push(pattern);
        return { kind: 'term', pattern, label: node.source };
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
    const related: number[] = [];
    for (const id of relatedForms ? new Set(wanted) : []) {
      const { tokens, prefix } = patterns[id];
      const stem = tokens.length === 1 && !prefix ? relatedStem(tokens[0]) : undefined;
      if (stem !== undefined) related.push(relatedPatternFor(stem));
    }
    compiled.push({ id: topic.id, root, wanted, related, minMentions: topic.minMentions });
  }
  return { topics: compiled, patterns, byFirstToken, byPrefixStart, byShortPrefix, byCharPair, byRelatedStart };
}

/** Final letters a derived word replaces: Latin and Cyrillic vowels, Arabic alef and tā' marbūṭa (ة, normalized ه). */
const REPLACED_FINALS = 'aeiouyаеиоуыяюьіїєا\u0647';

/** The stem words built on `token` start with, if it is a plain word long enough to have a telling one. */
export function relatedStem(token: string): string | undefined {
  if (!/^\p{L}+$/u.test(token) || isCharToken(token)) return undefined;
  const stem = REPLACED_FINALS.includes(token[token.length - 1]) ? token.slice(0, -1) : token;
  return stem.length >= RELATED_MIN_STEM ? stem : undefined;
}
