// Matches many compiled topics against one article in a single pass over its words: topic terms are indexed by
// their first token, each article word is looked up once, and only topics with a hit have their query evaluated.
import { isCharToken, tokenizeStream, type TokenStream } from '../text/tokenize';
import { wordVariants, type WordVariants } from '../text/word-variants';
import { MAX_TOPICS } from '../limits';
import type { TopicMatch } from '../schema';
import { parseQuery, type QueryNode, type TermNode } from './query';

export interface TopicInput {
  id: string;
  query: string;
  minMentions?: number;
}

/*
 * Where a mention stands counts. The lead is the first LEAD_WORDS words of the text (a Chinese, Japanese or Thai
 * character counts as half a word). Default rule when a topic sets no minMentions, chosen on the labelled set
 * (tests/fixtures/topics/labelled-cases.json, which prints the alternatives): a topic matches when it is mentioned
 * in the title or the lead (one of the query's words there is enough, e.g. for a NEAR pair found further down), or
 * in at least DEFAULT_BODY_PASSAGES separate passages of the body (a passage: up to PASSAGE_WORDS words within one
 * paragraph). One passage deep in the body is usually a teaser, a "Read more" link or an aside, even when it names
 * the topic twice ("Ukraine war: Kyiv says…"). Words built on the query's words count at the top too (see
 * RELATED_MIN_STEM). An explicit minMentions replaces the rule: that many mentions, wherever they stand.
 */
export const LEAD_WORDS = 60;
/**
 * A word built on a topic word (Ukrainian, الأوكراني, украинский: the word without a final vowel, then more letters)
 * never matches by itself, but in the title or lead it makes a topic that the article does name prominent. Arabic
 * reports name a country once and then speak of "the Ukrainian president" and "Ukrainian officials" (the seed's
 * Trump–Zelensky article). Stems shorter than this are not used: غز or ira would start unrelated words.
 */
export const RELATED_MIN_STEM = 4;
export const DEFAULT_BODY_PASSAGES = 2;
export const PASSAGE_WORDS = 25;
const WEIGHT_TITLE = 3;
const WEIGHT_LEAD = 2;
const WEIGHT_BODY = 1;
/** Hits reported per topic (the stored record allows 2000); mentions and score still count them all. */
const MAX_HITS = 200;
/** Occurrences kept per term and NEAR pairs per node: bounds the work on a pathological article. */
const MAX_OCCURRENCES = 1000;

const FIELD_TITLE = 0;
const FIELD_TEXT = 1;

const PREFIX_KEY = 3;

/** The first two or three UTF-16 units of a word as one number (exact in a double): a key that allocates nothing. */
function startKey(word: string, length: number): number {
  const two = word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
  return length === 2 ? two : two * 0x10000 + word.charCodeAt(2);
}

/** A distinct term (tokens + prefix flag), shared by every topic that uses it. */
interface Pattern {
  tokens: string[];
  prefix: boolean;
  /** Topics (indices) using this pattern, for candidate selection. */
  topics: number[];
  id: number;
}

type EvalNode =
  | { kind: 'term'; pattern: number; label: string }
  | { kind: 'and' | 'or'; children: EvalNode[] }
  | { kind: 'not'; child: EvalNode }
  | { kind: 'near'; distance: number; left: EvalNode; right: EvalNode }
  | { kind: 'site'; domain: string }
  | { kind: 'lang'; code: string };

interface CompiledTopic {
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

/** Where one pattern occurs: a token range in one field, with word positions for NEAR. */
interface Occurrence {
  field: number;
  /** Normalized characters of the first token left out (a clitic or an elided article). */
  skip: number;
  first: number;
  last: number;
  from: number;
  to: number;
}

/** Occurrences per pattern id (undefined: the pattern does not occur). */
type Found = (Occurrence[] | undefined)[];

/** Records an occurrence unless it repeats the previous one (the same word reached through two of its variants). */
function record(
  found: Found,
  pattern: number,
  field: number,
  stream: TokenStream,
  first: number,
  last: number,
  skip: number,
) {
  let list = found[pattern];
  if (list === undefined) {
    list = [];
    found[pattern] = list;
  } else {
    const previous = list[list.length - 1];
    if ((previous.field === field && previous.first === first) || list.length >= MAX_OCCURRENCES) return;
  }
  list.push({ field, skip, first, last, from: stream.positions[first], to: stream.positions[last] });
}

/** Does `pattern` go on at token i + from (its earlier tokens already matched), within one paragraph? */
function continues(pattern: Pattern, stream: TokenStream, i: number, from: number): boolean {
  const { tokens, prefix } = pattern;
  const n = tokens.length;
  const { forms, positions } = stream;
  const last = i + n - 1;
  // Consecutive words of one paragraph (positions jump between paragraphs).
  if (last >= forms.length || positions[last] - positions[i] !== n - 1) return false;
  for (let k = from; k < n; k++) {
    if (prefix && k === n - 1 ? !forms[i + k].startsWith(tokens[k]) : forms[i + k] !== tokens[k]) return false;
  }
  return true;
}

/** Looks one form of token i up in the indexes; `skip` leading characters of the token were left out to get it. */
function lookUp(
  compiled: CompiledTopics,
  found: Found,
  field: number,
  stream: TokenStream,
  i: number,
  form: string,
  skip: number,
) {
  const exact = compiled.byFirstToken.get(form);
  if (exact !== undefined) {
    for (const pattern of exact) {
      if (continues(pattern, stream, i, 1))
        record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip);
    }
  }
  const { byPrefixStart, byShortPrefix, byCharPair } = compiled;
  if (byPrefixStart.size > 0 && form.length >= PREFIX_KEY) {
    const prefixed = byPrefixStart.get(startKey(form, PREFIX_KEY));
    if (prefixed !== undefined) {
      for (const pattern of prefixed)
        if (form.startsWith(pattern.tokens[0])) record(found, pattern.id, field, stream, i, i, skip);
    }
  }
  if (byShortPrefix.size > 0 && form.length >= 2) {
    const short = byShortPrefix.get(startKey(form, 2));
    if (short !== undefined) for (const pattern of short) record(found, pattern.id, field, stream, i, i, skip);
  }
  if (byCharPair.size > 0 && form.length === 1 && i + 1 < stream.forms.length && stream.forms[i + 1].length === 1) {
    const paired = byCharPair.get(form.charCodeAt(0) * 0x10000 + stream.forms[i + 1].charCodeAt(0));
    if (paired !== undefined) {
      for (const pattern of paired) {
        if (continues(pattern, stream, i, 2))
          record(found, pattern.id, field, stream, i, i + pattern.tokens.length - 1, skip);
      }
    }
  }
}

/** Words built on a term's stem (اوكراني, ukrainian; the term itself is found too, which changes nothing). */
function lookUpRelated(
  compiled: CompiledTopics,
  found: Found,
  field: number,
  stream: TokenStream,
  i: number,
  form: string,
  skip: number,
) {
  if (form.length < RELATED_MIN_STEM) return;
  const related = compiled.byRelatedStart.get(startKey(form, PREFIX_KEY));
  if (related === undefined) return;
  for (const pattern of related)
    if (form.startsWith(pattern.tokens[0])) record(found, pattern.id, field, stream, i, i, skip);
}

/** A field to search, and how many of its tokens (from the start) to search for words built on terms. */
interface SearchedField {
  field: number;
  stream: TokenStream;
  relatedUpTo: number;
}

function findOccurrences(compiled: CompiledTopics, fields: SearchedField[]): Found {
  const found: Found = new Array(compiled.patterns.length);
  const variants: WordVariants = { forms: [], skips: [] };
  const withRelated = compiled.byRelatedStart.size > 0;
  for (const { field, stream, relatedUpTo } of fields) {
    const forms = stream.forms;
    for (let i = 0; i < forms.length; i++) {
      const form = forms[i];
      const related = withRelated && i < relatedUpTo;
      lookUp(compiled, found, field, stream, i, form, 0);
      if (related) lookUpRelated(compiled, found, field, stream, i, form, 0);
      if (variants.forms.length > 0) {
        variants.forms.length = 0;
        variants.skips.length = 0;
      }
      wordVariants(form, variants);
      for (let v = 0; v < variants.forms.length; v++) {
        lookUp(compiled, found, field, stream, i, variants.forms[v], variants.skips[v]);
        if (related) lookUpRelated(compiled, found, field, stream, i, variants.forms[v], variants.skips[v]);
      }
    }
  }
  return found;
}

interface Mention {
  occurrence: Occurrence;
  label: string;
}

/** A located match of a positional node (a term, an OR of them, or a NEAR pair), with the mentions it is made of. */
interface Span {
  field: number;
  from: number;
  to: number;
  mentions: Mention[];
}

interface ArticleContext {
  found: Found;
  /** NEAR pairs, computed once per node and article (a node belongs to one topic). */
  nearSpans: Map<EvalNode, Span[]>;
  host: string | undefined;
  lang: string | undefined;
}

function spansOf(node: EvalNode, ctx: ArticleContext): Span[] {
  if (node.kind === 'term') {
    return (ctx.found[node.pattern] ?? []).map((occurrence) => ({
      field: occurrence.field,
      from: occurrence.from,
      to: occurrence.to,
      mentions: [{ occurrence, label: node.label }],
    }));
  }
  if (node.kind === 'or') return node.children.flatMap((child) => spansOf(child, ctx));
  if (node.kind !== 'near') return [];
  let pairs = ctx.nearSpans.get(node);
  if (pairs !== undefined) return pairs;
  pairs = [];
  const left = spansOf(node.left, ctx).sort(byPlace);
  const right = left.length === 0 ? [] : spansOf(node.right, ctx).sort(byPlace);
  // Both lists in reading order: a window slides over the right-hand spans, so the work is the spans plus the pairs.
  let low = 0;
  for (const a of left) {
    const reach = a.from - node.distance - 1;
    while (
      low < right.length &&
      (right[low].field < a.field || (right[low].field === a.field && right[low].to < reach))
    )
      low++;
    for (let k = low; k < right.length && pairs.length < MAX_OCCURRENCES; k++) {
      const b = right[k];
      if (b.field !== a.field || b.from > a.to + node.distance + 1) break;
      // Words strictly between the two, which must not overlap.
      const gap = a.to < b.from ? b.from - a.to - 1 : b.to < a.from ? a.from - b.to - 1 : -1;
      if (gap < 0 || gap > node.distance) continue;
      const mentions = [...a.mentions, ...b.mentions];
      pairs.push({ field: a.field, from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), mentions });
    }
  }
  ctx.nearSpans.set(node, pairs);
  return pairs;
}

function byPlace(a: Span, b: Span): number {
  return a.field - b.field || a.from - b.from;
}

function holds(node: EvalNode, ctx: ArticleContext): boolean {
  switch (node.kind) {
    case 'term':
      return ctx.found[node.pattern] !== undefined;
    case 'and':
      return node.children.every((child) => holds(child, ctx));
    case 'or':
      return node.children.some((child) => holds(child, ctx));
    case 'not':
      return !holds(node.child, ctx);
    case 'near':
      return spansOf(node, ctx).length > 0;
    case 'site':
      return ctx.host !== undefined && (ctx.host === node.domain || ctx.host.endsWith(`.${node.domain}`));
    case 'lang':
      return ctx.lang !== undefined && (ctx.lang === node.code || ctx.lang.startsWith(`${node.code}-`));
  }
}

/** Mentions that make a (holding) node true; excluded terms never count. */
function collectMentions(node: EvalNode, ctx: ArticleContext, out: Mention[]): void {
  switch (node.kind) {
    case 'term':
      for (const occurrence of ctx.found[node.pattern] ?? []) out.push({ occurrence, label: node.label });
      return;
    case 'near':
      for (const span of spansOf(node, ctx)) out.push(...span.mentions);
      return;
    case 'and':
    case 'or':
      for (const child of node.children) if (holds(child, ctx)) collectMentions(child, ctx, out);
      return;
    default:
      return;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Index of the first text token past the lead. */
function leadEnd(forms: string[]): number {
  let words = 0;
  let i = 0;
  while (i < forms.length && words < LEAD_WORDS) {
    words += isCharToken(forms[i]) ? 0.5 : 1;
    i++;
  }
  return i;
}

/** Matches an article's title and text against compiled topics; returns only the topics that match. */
export function matchTopics(
  article: { title: string; text: string; url?: string; lang?: string },
  compiled: CompiledTopics,
): TopicMatch[] {
  if (compiled.topics.length === 0) return [];
  const title = tokenizeStream(article.title);
  const text = tokenizeStream(article.text);
  const lead = leadEnd(text.forms);
  const found = findOccurrences(compiled, [
    { field: FIELD_TITLE, stream: title, relatedUpTo: title.forms.length },
    { field: FIELD_TEXT, stream: text, relatedUpTo: lead },
  ]);
  const isCandidate = new Uint8Array(compiled.topics.length);
  found.forEach((_, patternId) => {
    for (const topic of compiled.patterns[patternId].topics) isCandidate[topic] = 1;
  });

  const host = hostOf(article.url);
  const ctx: ArticleContext = { found, nearSpans: new Map(), host, lang: article.lang?.toLowerCase() };
  const results: TopicMatch[] = [];
  for (let index = 0; index < isCandidate.length; index++) {
    if (isCandidate[index] === 0) continue;
    const topic = compiled.topics[index];
    if (!holds(topic.root, ctx)) continue;
    const mentions: Mention[] = [];
    collectMentions(topic.root, ctx, mentions);
    const counted = distinctMentions(mentions);
    let score = 0;
    // The query's own words (or words built on them) at the top: the pair a NEAR found deeper down still belongs to
    // a prominent topic.
    const atTop = (p: number) => found[p]?.some((o) => o.field === FIELD_TITLE || o.first < lead) === true;
    const prominent = topic.wanted.some(atTop) || topic.related.some(atTop);
    let passages = 0;
    let passageStart = -Infinity;
    // counted is in reading order, so body mentions come in text order.
    for (const { occurrence } of counted) {
      const weight =
        occurrence.field === FIELD_TITLE ? WEIGHT_TITLE : occurrence.first < lead ? WEIGHT_LEAD : WEIGHT_BODY;
      if (weight === WEIGHT_BODY && occurrence.from - passageStart >= PASSAGE_WORDS) {
        // Positions jump between paragraphs, so each paragraph starts a passage of its own.
        passages++;
        passageStart = occurrence.from;
      }
      score += weight;
    }
    const enough =
      topic.minMentions !== undefined
        ? counted.length >= topic.minMentions
        : prominent || passages >= DEFAULT_BODY_PASSAGES;
    if (!enough) continue;
    results.push({
      topicId: topic.id,
      score,
      mentions: counted.length,
      hits: counted.slice(0, MAX_HITS).map(({ occurrence, label }) => {
        const stream = occurrence.field === FIELD_TITLE ? title : text;
        const { first, skip } = occurrence;
        return {
          field: occurrence.field === FIELD_TITLE ? 'title' : 'text',
          start: skip === 0 ? stream.starts[first] : stream.offsets[stream.normalizedStarts[first] + skip],
          end: stream.ends[occurrence.last],
          term: label,
        };
      }),
    });
  }
  return results;
}

/**
 * One mention per place in the text, in reading order (title first): the same words found by two terms
 * ("new york" and york) or by two NEAR pairs count once, and the longest reading wins. Sorts `mentions` in place.
 */
function distinctMentions(mentions: Mention[]): Mention[] {
  const sorted = mentions.sort((a, b) => {
    const x = a.occurrence;
    const y = b.occurrence;
    return x.field - y.field || x.first - y.first || y.last - x.last;
  });
  const out: Mention[] = [];
  let field = -1;
  let reach = -1;
  for (const mention of sorted) {
    const { occurrence } = mention;
    if (occurrence.field !== field) {
      field = occurrence.field;
      reach = -1;
    }
    if (occurrence.last <= reach) continue;
    out.push(mention);
    reach = occurrence.last;
  }
  return out;
}
