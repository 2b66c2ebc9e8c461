// Picks the few sentences of an article a reader would keep — what happened, decisions, figures, who said what —
// offline and deterministically. Extractive on purpose: every fact is a whole sentence of the article with its offsets,
// so the digest can jump back. The topic's terms play no part: they pulled facts towards sentences naming the topic.
import type { Fact, FactKind } from '../schema';
import { normalizeTerm } from '../text/normalize';
import { readCues, type Cues } from './cues';
import { primaryLanguage, splitSentences, type Sentence } from './sentences';
import { readSignals, type Signals } from './signals';
import { continuesSpeech, findSpeaker } from './speaker';
import { contentStems, splitWords, type Word } from './words';

/**
 * Weights of the ranking features (see `features`, each in [0, 1]); relevance is the logistic of their weighted sum.
 * Fitted by logistic regression ("does this sentence hold a gold fact?") on the tuning half of the independent gold
 * set (tests/bench/labels; `node scripts/bench.mjs facts-fit` refits them and prints what each idea is worth), the
 * languages weighed equally. Ideas that did not also hold on the validation half were left out.
 */
export interface RankWeights {
  /** Fades out over the first LEAD_SPAN sentences. */
  lead: number;
  /** 1 / (1 + position): the first sentence or two above all. */
  first: number;
  /** Opens a paragraph. */
  opens: number;
  /** Similar to the rest of the article (a linear stand-in for TextRank). */
  centrality: number;
  figure: number;
  money: number;
  /** Any digit at all (scores, ages, clock times, years). */
  digits: number;
  date: number;
  period: number;
  duration: number;
  /** A verb reporting what happened. */
  event: number;
  /** A verb of decision, agreement, denial or demand. */
  decision: number;
  /** A named speaker. */
  speaker: number;
  /** A verb of saying. */
  speech: number;
  quote: number;
  /** First person, hedges and talk to the reader: commentary, not report. */
  chatty: number;
  /** Capitalized words inside the sentence: people, places, organisations. */
  names: number;
  /** Length in words, on a log scale up to LENGTH_CAP. */
  length: number;
  /** Fewer than SHORT_WORDS words. */
  short: number;
  bias: number;
}

export const RANK_WEIGHTS: Readonly<RankWeights> = {
  lead: 0.98,
  first: 0.58,
  opens: 0.46,
  centrality: 0.55,
  figure: 0.75,
  money: 0.49,
  digits: 0.57,
  date: 0.06,
  period: 0.02,
  duration: 0.17,
  event: 0.19,
  decision: 0.2,
  speaker: 0.14,
  speech: 0.28,
  quote: 0.3,
  chatty: -0.32,
  names: 0.19,
  length: 0.54,
  short: -0.74,
  bias: -2.89,
};

export interface ExtractOptions {
  /** How many facts at most: default 5, clamped to 3..7. */
  max?: number;
  /** Other ranking weights, for measuring what each feature is worth (bench:facts); the defaults are tuned. */
  weights?: Partial<RankWeights>;
}

const DEFAULT_MAX = 5;
const MIN_MAX = 3;
const MAX_MAX = 7;

// The lede bonus fades out over this many candidates. Outside short Arabic wire reports the facts readers keep lie deeper:
// on the tuning half 63 of 103 English gold facts are past the sixth candidate, while a span of 6 put 55 of the 90
// English top-five picks before it. 8 did best on the tuning half of the spans 4 and 6 to 10.
const LEAD_SPAN = 8;
// Fewer than MIN_WORDS words: not a fact at all.
const MIN_WORDS = 4;
const SHORT_WORDS = 10;
const STAMP_WORDS = 12;
const LENGTH_CAP = 40;
// Four capitalized words inside a sentence count as full marks for names.
const NAMES_CAP = 4;
// Longer "sentences" are unpunctuated blocks (lists, navigation, Thai paragraphs): not facts, and not worth tokenizing.
const MAX_FACT_CHARS = 1500;
// Headings, captions with their credit and bylines are short. A paragraph at least this long that does not end like a
// sentence is body text that lost its stop: a list's lead-in ("في المجالات التالية:"), a stop inside a parenthesis, an
// ellipsis, tags glued to the last sentence, a cut-off page.
const HEADING_CHARS = 200;
// Facts are taken from the first sentences of very long pages, which bounds the work on a 400 kB text.
const MAX_CANDIDATES = 400;
// MMR trade-off between relevance and novelty (Carbonell & Goldstein 1998); 0.7 is the usual choice for summaries.
const LAMBDA = 0.7;
// Above this similarity to a picked fact a sentence is a restatement and is not picked at all, however relevant.
const RESTATEMENT = 0.6;

// An ellipsis is missing on purpose: in headings it joins two halves ("اتفاق على تبادل أوسع للأسرى... واقتراحان").
const TERMINAL = new Set(['.', '!', '?', '؟', '۔', '。', '！', '？']);
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const CLOSERS = new Set(['»', '”', '"', "'", '’', '\u00a0', ' ']);

type Vector = Map<string, number>;

interface Candidate {
  sentence: Sentence;
  tokens: Word[];
  signals: Signals;
  cues: Cues;
  speaker: string | undefined;
  /** Starts a paragraph. */
  opens: boolean;
  vector: Vector;
  numbers: Set<string>;
  relevance: number;
}

/** Ends like a sentence (full stop, question mark… possibly inside closing quotes), not like a heading or a photo credit. */
function isTerminated(text: string): boolean {
  let i = text.length - 1;
  while (i > 0 && CLOSERS.has(text[i])) i--;
  return TERMINAL.has(text[i]) && !(text[i] === '.' && text[i - 1] === '.');
}

function norm(v: Vector): number {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return Math.sqrt(sum);
}

function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0);
  return dot / (normA * normB);
}

function termFrequencies(tokens: readonly Word[]): Vector {
  const tf: Vector = new Map();
  for (const s of contentStems(tokens)) tf.set(s, (tf.get(s) ?? 0) + 1);
  return tf;
}

const some = (count: number) => (count === 0 ? 0 : Math.min(1, 0.6 + 0.2 * (count - 1)));

/** The kind a reader sees: a quotation, a decision, a figure, a date, or else a statement. */
function kindOf(c: Candidate): FactKind {
  const s = c.signals;
  if (s.quotes > 0) return 'quote';
  if (c.cues.decision) return 'decision';
  if (s.quantities > 0 || s.vague > 0 || s.money > 0) return 'figure';
  if (s.dates > 0 || s.periods > 0 || s.durations > 0) return 'date';
  return 'statement';
}

function clampMax(max: number | undefined): number {
  if (max === undefined || !Number.isFinite(max)) return DEFAULT_MAX;
  return Math.min(MAX_MAX, Math.max(MIN_MAX, Math.round(max)));
}

/**
 * Redundancy of two sentences: TF-IDF cosine, or the share of figures they have in common, weighed at most 0.5 so that
 * equal figures alone (a shared year) make two sentences redundant but not restatements of each other.
 */
function similarity(a: Candidate, b: Candidate, normA: number, normB: number): number {
  const words = cosine(a.vector, b.vector, normA, normB);
  if (a.numbers.size === 0 || b.numbers.size === 0) return words;
  let shared = 0;
  for (const n of a.numbers) if (b.numbers.has(n)) shared++;
  const numbers = shared / (a.numbers.size + b.numbers.size - shared);
  return Math.max(words, 0.5 * numbers);
}

/**
 * Sentences that cannot be facts: every sentence of a short paragraph that does not end like a sentence (headings,
 * photo captions with their credit, bylines, logo residue) when the article has punctuated sentences at all, and every line
 * that occurs twice or repeats the title (flattened pages print captions twice and the title again after the image).
 */
function junkSentences(text: string, title: string, sentences: readonly Sentence[], punctuated: boolean): boolean[] {
  // Repeats on flattened pages are exact copies, so the raw text is the key; only the title is compared normalized
  // (its metadata copy may differ in spacing or letter forms), and only against lines of about its length.
  const titleKey = normalizeTerm(title.trim());
  const counts = new Map<string, number>();
  for (const s of sentences) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
  const junk = sentences.map(
    (s) =>
      (counts.get(s.text) ?? 0) > 1 ||
      (Math.abs(s.text.length - title.length) <= 8 && normalizeTerm(s.text) === titleKey),
  );
  let first = 0;
  for (let i = 0; i < sentences.length; i++) {
    const paragraphEnds =
      i + 1 === sentences.length || LINE_BREAK.test(text.slice(sentences[i].end, sentences[i + 1].start));
    if (!paragraphEnds) continue;
    const short = sentences[i].end - sentences[first].start < HEADING_CHARS;
    if (punctuated && short && !isTerminated(sentences[i].text)) junk.fill(true, first, i + 1);
    first = i + 1;
  }
  return junk;
}

/**
 * A line that only stamps the page — a dateline or time stamp ("Managua, Nicaragua 26, Abril, 2022 7:43 p.m.",
 * "4:14 p.m."), a copyright line ("Copyright 2019 Hawaii News Now.") — and states nothing: a few words, all of them
 * capitalized, figures or one or two letters long, with a year, a clock time or a copyright sign among them. Scripts
 * without case never qualify unless every word is a figure.
 */
function isStamp(text: string, tokens: readonly Word[]): boolean {
  if (tokens.length > STAMP_WORDS) return false;
  const stamped = text.includes('©') || tokens.some((t, i) => isYear(t) || isClock(text, tokens, i));
  if (!stamped) return false;
  return tokens.every((t) => t.isDigits || [...t.raw].length <= 2 || t.raw[0] !== t.raw[0].toLowerCase());
}

function isYear(t: Word): boolean {
  if (!t.isDigits || t.norm.length !== 4) return false;
  const year = Number(t.norm);
  return year >= 1900 && year <= 2099;
}

/** "7:43", "04:14": two runs of digits joined by a colon. */
function isClock(text: string, tokens: readonly Word[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i].isDigits && next !== undefined && next.isDigits && text.slice(tokens[i].end, next.start) === ':';
}

/** Candidate sentences with their signals and term frequencies, in article order. */
function candidatesOf(article: { title: string; text: string; lang?: string }): Candidate[] {
  const language = primaryLanguage(article.lang);
  const sentences = splitSentences(article.text, article.lang);
  const punctuated = sentences.some((s) => isTerminated(s.text));
  const junk = junkSentences(article.text, article.title, sentences, punctuated);
  const candidates: Candidate[] = [];
  // "وأضاف: «…»", "he added": a speaker named in the sentence before goes on speaking.
  let lastSpeaker: { index: number; speaker: string } | undefined;
  sentences.forEach((sentence, index) => {
    if (junk[index] || sentence.text.length > MAX_FACT_CHARS || candidates.length >= MAX_CANDIDATES) return;
    const tokens = splitWords(sentence.text);
    // The character count spares scripts written without spaces, whose "words" are whole phrases.
    if (tokens.length < MIN_WORDS && sentence.text.length < 25) return;
    if (isStamp(sentence.text, tokens)) return;
    const signals = readSignals(sentence.text, tokens);
    const previous = sentences[index - 1];
    let speaker = signals.speech || signals.quotes > 0 ? findSpeaker(sentence.text, tokens) : undefined;
    if (!speaker && signals.speech && lastSpeaker?.index === index - 1 && continuesSpeech(sentence.text, tokens))
      speaker = lastSpeaker.speaker;
    lastSpeaker = speaker ? { index, speaker } : undefined;
    candidates.push({
      sentence,
      tokens,
      signals,
      cues: readCues(sentence.text, tokens, language),
      speaker,
      opens: !previous || LINE_BREAK.test(article.text.slice(previous.end, sentence.start)),
      vector: termFrequencies(tokens),
      numbers: new Set(signals.numbers),
      relevance: 0,
    });
  });
  return candidates;
}

/** Each ranking feature of a candidate, in [0, 1]; `position` counts candidates from the top of the article. */
function features(c: Candidate, position: number, centrality: number): Record<keyof RankWeights, number> {
  const s = c.signals;
  const words = c.tokens.length;
  return {
    lead: Math.max(0, 1 - position / LEAD_SPAN),
    first: 1 / (1 + position),
    opens: c.opens ? 1 : 0,
    centrality,
    figure: Math.max(some(s.quantities), 0.5 * Math.min(1, s.vague)),
    money: Math.min(1, s.money),
    digits: c.tokens.some((t) => t.isDigits) ? 1 : 0,
    date: some(s.dates),
    period: some(s.periods),
    duration: some(s.durations),
    event: c.cues.event ? 1 : 0,
    decision: c.cues.decision ? 1 : 0,
    speaker: c.speaker ? 1 : 0,
    speech: s.speech ? 1 : 0,
    quote: s.quotes > 0 ? 1 : 0,
    chatty: Math.min(1, c.cues.chatty / 2),
    names: Math.min(1, c.cues.names / NAMES_CAP),
    length: Math.min(1, Math.log(1 + words) / Math.log(1 + LENGTH_CAP)),
    short: words < SHORT_WORDS ? 1 : 0,
    bias: 1,
  };
}

/**
 * Turns term frequencies into TF-IDF over the article's own sentences (words found everywhere — the subject's name,
 * function words — weigh little) and reads every candidate's features. Returns them with the vectors' norms.
 */
function featuresOf(candidates: Candidate[]): { features: Record<keyof RankWeights, number>[]; norms: number[] } {
  const df = new Map<string, number>();
  for (const c of candidates) for (const k of c.vector.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => Math.log(1 + candidates.length / (df.get(k) ?? candidates.length));
  const centroid: Vector = new Map();
  for (const c of candidates) {
    for (const [k, tf] of c.vector) c.vector.set(k, tf * idf(k));
    const n = norm(c.vector);
    for (const [k, x] of c.vector) centroid.set(k, (centroid.get(k) ?? 0) + x / (n || 1));
  }
  const norms = candidates.map((c) => norm(c.vector));

  // Centrality: cosine between a sentence and the sum of the other sentences' unit vectors — a linear stand-in for
  // TextRank that stays cheap on long pages. With C the sum of all unit vectors and u this one, others = C - u.
  const centroidNorm2 = [...centroid.values()].reduce((sum, x) => sum + x * x, 0);
  const centrality = candidates.map((c, i) => {
    if (norms[i] === 0) return 0;
    let dot = 0;
    for (const [k, x] of c.vector) dot += (x / norms[i]) * (centroid.get(k) ?? 0);
    const othersNorm2 = centroidNorm2 - 2 * dot + 1;
    return othersNorm2 <= 1e-9 ? 0 : Math.max(0, (dot - 1) / Math.sqrt(othersNorm2));
  });
  const maxCentrality = Math.max(...centrality) || 1;
  return { features: candidates.map((c, i) => features(c, i, centrality[i] / maxCentrality)), norms };
}

/** Relevance in (0, 1): the logistic of the weighted features, as the weights were fitted. */
function relevanceOf(f: Record<keyof RankWeights, number>, weights: RankWeights): number {
  let sum = 0;
  for (const key of Object.keys(weights) as (keyof RankWeights)[]) sum += weights[key] * f[key];
  return 1 / (1 + Math.exp(-sum));
}

/**
 * Every candidate sentence of an article with its ranking features, in article order: what the weights are fitted on
 * (tests/bench/facts-fit.test.ts). Offsets are into `article.text`, as extractFacts gives them.
 */
export function rankFeatures(article: { title: string; text: string; lang?: string }): {
  sentence: Sentence;
  features: Record<keyof RankWeights, number>;
}[] {
  const candidates = candidatesOf(article);
  const { features: all } = featuresOf(candidates);
  return candidates.map((c, i) => ({ sentence: c.sentence, features: all[i] }));
}

/**
 * Maximal marginal relevance: each pick trades relevance against similarity to what is already picked, and
 * restatements of a picked fact are skipped. Returns candidate indexes in pick order.
 */
function pickDiverse(candidates: readonly Candidate[], norms: readonly number[], max: number): number[] {
  const best = Math.max(...candidates.map((c) => c.relevance)) || 1;
  const picked: number[] = [];
  const maxSim = new Array<number>(candidates.length).fill(0);
  while (picked.length < Math.min(max, candidates.length)) {
    let choice = -1;
    let choiceValue = -Infinity;
    candidates.forEach((c, i) => {
      if (picked.includes(i) || maxSim[i] >= RESTATEMENT) return;
      const value = LAMBDA * (c.relevance / best) - (1 - LAMBDA) * maxSim[i];
      if (value > choiceValue) {
        choice = i;
        choiceValue = value;
      }
    });
    if (choice < 0) break;
    picked.push(choice);
    candidates.forEach((c, i) => {
      maxSim[i] = Math.max(maxSim[i], similarity(c, candidates[choice], norms[i], norms[choice]));
    });
  }
  return picked;
}

/**
 * The key facts of an article: up to `max` sentences, scored on what they say (figures, decisions and events,
 * quotations and who said them), where they stand (lead position, paragraph openings, centrality) and how they say it
 * (length, names, commentary words), then chosen with a redundancy penalty. Headings, photo captions, bylines,
 * repeated lines and very short sentences are never facts when the article has punctuated sentences, nor are date,
 * time and copyright stamps; short articles give fewer facts. Facts come back in article order; `score` ranks them.
 */
export function extractFacts(
  article: { title: string; text: string; lang?: string },
  options: ExtractOptions = {},
): Fact[] {
  const candidates = candidatesOf(article);
  if (candidates.length === 0) return [];
  const weights = { ...RANK_WEIGHTS, ...options.weights };
  const { features: all, norms } = featuresOf(candidates);
  candidates.forEach((c, i) => (c.relevance = relevanceOf(all[i], weights)));
  const best = Math.max(...candidates.map((c) => c.relevance)) || 1;
  return pickDiverse(candidates, norms, clampMax(options.max))
    .sort((a, b) => a - b)
    .map((i) => {
      const c = candidates[i];
      const fact: Fact = {
        text: c.sentence.text,
        start: c.sentence.start,
        end: c.sentence.end,
        score: Math.round((c.relevance / best) * 1000) / 1000,
        kind: kindOf(c),
      };
      if (c.speaker) fact.speaker = c.speaker;
      return fact;
    });
}
