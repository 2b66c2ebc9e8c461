// Matches many compiled topics against one article: one search over its words (search.ts), then only the topics
// with a hit have their query evaluated, their mentions counted once per place, and the capture rule applied
// (capture-rule.ts).
import type { TopicMatch } from '../schema';
import { isCharToken, tokenizeStream } from '../text/tokenize';
import { applyCaptureRule, leadEnd } from './capture-rule';
import type { CompiledTopics, EvalNode } from './compile';
import { findOccurrences, MAX_OCCURRENCES, type Found, type Occurrence } from './search';

/** Hits reported per topic (the stored record allows 2000); mentions and score still count them all. */
const MAX_HITS = 200;

const FIELD_TITLE = 0;
const FIELD_TEXT = 1;

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

/** Matches an article's title and text against compiled topics; returns only the topics that match. */
export function matchTopics(
  article: { title: string; text: string; url?: string; lang?: string },
  compiled: CompiledTopics,
): TopicMatch[] {
  if (compiled.topics.length === 0) return [];
  const title = tokenizeStream(article.title);
  const text = tokenizeStream(article.text);
  const lead = leadEnd(text.forms, isCharToken);
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
    // The query's own words (or words built on them) at the top: the pair a NEAR found deeper down still belongs to
    // a prominent topic.
    const atTop = (p: number) => found[p]?.some((o) => o.field === FIELD_TITLE || o.first < lead) === true;
    const prominent = topic.wanted.some(atTop) || topic.related.some(atTop);
    // counted is in reading order, so body mentions come in text order.
    const placed = counted.map(({ occurrence: { field, first, from } }) => ({
      inTitle: field === FIELD_TITLE,
      first,
      from,
    }));
    const { captured, score } = applyCaptureRule(placed, lead, prominent, topic.minMentions);
    if (!captured) continue;
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
