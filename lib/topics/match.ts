// Matches many compiled topics against one article: one search over its words (search.ts), then only the topics
// with a hit have their query evaluated, their mentions counted once per place, and the capture rule applied
// (capture-rule.ts).
import type { TopicMatch } from '../schema';
import { scriptOf } from './aliases';
import { normalizeTerm } from '../text/normalize';
import { isCharToken, tokenizeStream, type TokenStream } from '../text/tokenize';
import { applyCaptureRule, decideAbout, leadEnd, type AboutMention, type Verdict } from './capture-rule';
import type { CompiledTopics, EvalNode } from './compile';
import { creditOf, isPartOfOtherName, layoutOf, type Aside, type ArticleLayout } from './mention-context';
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
  /** Index of the first text token past the lead. */
  lead: number;
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
      // A pair found deeper down belongs to a topic whose words stand at the top: they are mentions too.
      collectAtTop(node.left, ctx, out);
      collectAtTop(node.right, ctx, out);
      return;
    case 'and':
    case 'or':
      for (const child of node.children) if (holds(child, ctx)) collectMentions(child, ctx, out);
      return;
    default:
      return;
  }
}

/** Occurrences of a NEAR operand's terms in the title or the lead. */
function collectAtTop(node: EvalNode, ctx: ArticleContext, out: Mention[]): void {
  if (node.kind === 'term') {
    for (const occurrence of ctx.found[node.pattern] ?? [])
      if (occurrence.field === FIELD_TITLE || occurrence.first < ctx.lead) out.push({ occurrence, label: node.label });
  } else if (node.kind === 'or') for (const child of node.children) collectAtTop(child, ctx, out);
  else if (node.kind === 'near') {
    collectAtTop(node.left, ctx, out);
    collectAtTop(node.right, ctx, out);
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

/** An article as the matcher reads it. */
export interface MatchableArticle {
  title: string;
  text: string;
  url?: string;
  lang?: string;
}

/** Why a topic was (or was not) captured: the verdict of the rule and the mentions it weighed. */
export interface TopicAssessment {
  topicId: string;
  verdict: Verdict;
  mentions: AboutMention[];
  match: TopicMatch;
}

/** Matches an article's title and text against compiled topics; returns only the topics that match. */
export function matchTopics(article: MatchableArticle, compiled: CompiledTopics): TopicMatch[] {
  return assessTopics(article, compiled)
    .filter((a) => a.verdict.captured)
    .map((a) => a.match);
}

/**
 * Every topic whose query holds on the article, captured or not, with the rule's verdict and the mentions behind
 * it: the topic tester's "why (not)".
 */
export function assessTopics(article: MatchableArticle, compiled: CompiledTopics): TopicAssessment[] {
  if (compiled.topics.length === 0) return [];
  const title = tokenizeStream(article.title);
  const text = tokenizeStream(article.text);
  const lead = leadEnd(text.forms, isCharToken);
  const found = findOccurrences(
    compiled,
    [
      { field: FIELD_TITLE, stream: title },
      { field: FIELD_TEXT, stream: text },
    ],
    article.lang,
  );
  const { signals } = compiled;
  if (compiled.regionPatterns.length > 0) keepRegionNamesOf(article, compiled, found, title, text);
  if (!signals.derivedMentions) keepDerivedForProminence(found, lead);
  const isCandidate = new Uint8Array(compiled.topics.length);
  found.forEach((list, patternId) => {
    if (list !== undefined && list.length > 0)
      for (const topic of compiled.patterns[patternId].topics) isCandidate[topic] = 1;
  });

  const host = hostOf(article.url);
  const ctx: ArticleContext = { found, nearSpans: new Map(), host, lang: article.lang?.toLowerCase(), lead };
  let layout: ArticleLayout | undefined;
  const results: TopicAssessment[] = [];
  for (let index = 0; index < isCandidate.length; index++) {
    if (isCandidate[index] === 0) continue;
    const topic = compiled.topics[index];
    if (!holds(topic.root, ctx)) continue;
    const mentions: Mention[] = [];
    collectMentions(topic.root, ctx, mentions);
    // Derived words kept only to make a topic prominent (the previous rule) are no mentions of their own.
    const counted = distinctMentions(
      mentions.filter((m) => signals.derivedMentions || m.occurrence.form !== 'derived'),
    );
    if (counted.length === 0) continue;
    layout ??= layoutOf(article.text, text);
    const placed = counted.map(({ occurrence: o }): AboutMention => {
      const inTitle = o.field === FIELD_TITLE;
      let aside: Aside | undefined;
      if (signals.otherNames) {
        const [source, stream] = inTitle ? [article.title, title] : [article.text, text];
        if (isPartOfOtherName(source, stream, o.first, o.last)) aside = 'other-name';
      }
      if (aside === undefined && signals.credits && !inTitle)
        aside = creditOf(article.text, text, layout!, o.first, o.last);
      return {
        inTitle,
        first: o.first,
        from: o.from,
        form: o.form,
        paragraph: inTitle ? -1 : layout!.paragraph[o.first],
        sentence: inTitle ? -1 : layout!.sentence[o.first],
        aside,
      };
    });
    let verdict: Verdict;
    if (signals.aboutRule || topic.minMentions !== undefined) {
      verdict = decideAbout(
        placed,
        {
          lead,
          paragraphs: signals.fullParagraphs ? layout.fullParagraphs : layout.paragraphs,
          firstSentence: layout.sentence[layout.datelineEnd] ?? 0,
        },
        topic.minMentions,
        signals.adjectiveLead,
      );
    } else {
      // The query's own words (or words built on them) at the top: the pair a NEAR found deeper down still belongs
      // to a prominent topic.
      const atTop = (p: number) => found[p]?.some((o) => o.field === FIELD_TITLE || o.first < lead) === true;
      verdict = applyCaptureRule(placed, lead, topic.wanted.some(atTop), topic.minMentions);
    }
    results.push({
      topicId: topic.id,
      verdict,
      mentions: placed,
      match: {
        topicId: topic.id,
        score: verdict.score,
        mentions: counted.length,
        hits: counted.slice(0, MAX_HITS).map(({ occurrence, label }) => hitOf(occurrence, label, title, text)),
      },
    });
  }
  return results;
}

function hitOf(occurrence: Occurrence, label: string, title: TokenStream, text: TokenStream) {
  const stream = occurrence.field === FIELD_TITLE ? title : text;
  const { first, skip } = occurrence;
  return {
    field: occurrence.field === FIELD_TITLE ? ('title' as const) : ('text' as const),
    start: skip === 0 ? stream.starts[first] : stream.offsets[stream.normalizedStarts[first] + skip],
    end: stream.ends[occurrence.last],
    term: label,
  };
}

/** The Arabic definite article as a clitic leaves it: ال, or لل after the preposition ل (للعراق). */
const ARABIC_ARTICLE = /(?:\u0627\u0644|\u0644\u0644)$/;

/**
 * A region's name the reader did not type counts only in an article of a language that writes it so (an article of
 * unknown language: only in a script other than the Latin); in letters with a case, only as a proper name (a capital
 * as the article writes it: Polish `Indie` is India, English `indie` is not; `la réunion` is a meeting); and in
 * Arabic, only with the definite article when the name has it (مالي is Mali, المالي "the financial" is not), which
 * its nisba may take whatever the name does (اللبنانية for لبنان).
 */
function keepRegionNamesOf(
  article: MatchableArticle,
  compiled: CompiledTopics,
  found: Found,
  title: TokenStream,
  text: TokenStream,
): void {
  const lang = article.lang?.slice(0, 2).toLowerCase();
  for (const id of compiled.regionPatterns) {
    const list = found[id];
    if (list === undefined) continue;
    const { locales, tokens } = compiled.patterns[id];
    const latin = scriptOf(tokens[0]) === 'latin';
    if (lang === undefined ? latin : !locales!.includes(lang)) {
      found[id] = undefined;
      continue;
    }
    const withoutArticle = /^[\u0600-\u06ff]/.test(tokens[0]) && !tokens[0].startsWith('\u0627\u0644');
    const kept: Occurrence[] = [];
    for (const o of list) {
      // A nisba only in an Arabic article: Persian writes Kuwait كويت too, but not its adjective الكويتية.
      if (o.form === 'derived' && lang !== 'ar') continue;
      const [source, stream] = o.field === FIELD_TITLE ? [article.title, title] : [article.text, text];
      const start = o.skip === 0 ? stream.starts[o.first] : stream.offsets[stream.normalizedStarts[o.first] + o.skip];
      const first = source[start];
      if (first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase()) continue;
      if (
        withoutArticle &&
        o.form !== 'derived' &&
        o.skip > 0 &&
        ARABIC_ARTICLE.test(normalizeTerm(source.slice(stream.starts[o.first], start)))
      )
        continue;
      kept.push(o.form === 'exact' ? { ...o, form: 'region-name' } : o);
    }
    found[id] = kept.length > 0 ? kept : undefined;
  }
}

/**
 * The previous rule's reading of derived words: only in the title or lead, and there only as a sign that a topic
 * named elsewhere is prominent (they are dropped from the mentions, and make no topic a candidate by themselves).
 */
function keepDerivedForProminence(found: Found, lead: number): void {
  found.forEach((list, id) => {
    if (list === undefined || !list.some((o) => o.form === 'derived')) return;
    const kept = list.filter((o) => o.form !== 'derived' || o.field === FIELD_TITLE || o.first < lead);
    const named = kept.some((o) => o.form !== 'derived');
    found[id] = named ? kept : undefined;
  });
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
