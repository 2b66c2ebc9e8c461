// Picks the few sentences of an article a reader would keep — figures, dates, durations, who said what — offline and
// deterministically. Extractive on purpose: every fact is a sentence of the article with its offsets, so the digest can jump back.
import type { Fact, FactKind } from '../schema';
import { normalizeTerm } from '../text/normalize';
import { splitSentences, type Sentence } from './sentences';
import { readSignals, type Signals } from './signals';
import { contentStems, splitWords, type Word } from './words';

export interface ExtractOptions {
  /** The topic's terms; a trailing "*" makes the last word a prefix. */
  topicTerms?: string[];
  /** How many facts at most: default 5, clamped to 3..7. */
  max?: number;
}

const DEFAULT_MAX = 5;
const MIN_MAX = 3;
const MAX_MAX = 7;

// Feature weights. Figures, dates and durations are what readers copy into notes; topic overlap matters most when given.
const W_QUANTITY = 1.0;
const W_VAGUE = 0.5;
const W_MONEY = 0.3;
const W_DATE = 0.8;
// A month or a year alone is more often background ("since 2022") than news.
const W_PERIOD = 0.4;
const W_DURATION = 1.0;
const W_RANGE = 0.3;
// Quotes and attribution mark statements, but news is full of them: they count once, whichever is present.
const W_ATTRIBUTION = 0.4;
const W_TOPIC = 1.2;
const W_POSITION = 0.6;
const W_CENTRALITY = 0.6;
const W_TITLE = 0.5;
// Lead sentences get a bonus that fades out over the first LEAD_SPAN body sentences.
const LEAD_SPAN = 6;
// Sentences under SHORT_WORDS words say too little; over LONG_WORDS they bury the fact. Fewer than MIN_WORDS: not a fact.
const MIN_WORDS = 4;
const SHORT_WORDS = 8;
const SHORT_FACTOR = 0.6;
const LONG_WORDS = 60;
// Longer "sentences" are unpunctuated blocks (lists, navigation, Thai paragraphs): not facts, and not worth tokenizing.
const MAX_FACT_CHARS = 1500;
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
  vector: Vector;
  numbers: Set<string>;
  topic: number;
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

interface TopicTerm {
  words: string[];
  prefix: boolean;
}

function parseTerms(terms: readonly string[]): TopicTerm[] {
  const parsed: TopicTerm[] = [];
  for (const term of terms) {
    const trimmed = term.trim();
    const words = splitWords(trimmed).map((t) => t.norm);
    if (words.length > 0) parsed.push({ words, prefix: trimmed.endsWith('*') });
  }
  return parsed;
}

/** A page word matches a term word as written or with Arabic clitics peeled ("لأوكرانيا" → "اوكرانيا"). */
function wordMatches(word: Word, term: string, prefix: boolean): boolean {
  return word.forms.some((form) => (prefix ? form.startsWith(term) : form === term));
}

/** Share of the topic found in the sentence: 0.7 for one term, more for several, at most 1. */
function topicOverlap(tokens: readonly Word[], terms: readonly TopicTerm[]): number {
  let matched = 0;
  for (const term of terms) {
    const n = term.words.length;
    for (let p = 0; p + n <= tokens.length; p++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(tokens[p + k], term.words[k], term.prefix && k === n - 1);
      if (ok) {
        matched++;
        break;
      }
    }
  }
  return matched === 0 ? 0 : Math.min(1, 0.7 + 0.15 * (matched - 1));
}

function informativeness(s: Signals, topic: number): number {
  const some = (count: number) => (count === 0 ? 0 : Math.min(1, 0.6 + 0.2 * (count - 1)));
  return (
    W_QUANTITY * some(s.quantities) +
    W_VAGUE * Math.min(1, s.vague) +
    W_MONEY * Math.min(1, s.money) +
    W_DATE * some(s.dates) +
    W_PERIOD * some(s.periods) +
    W_DURATION * some(s.durations) +
    W_RANGE * Math.min(1, s.ranges) +
    W_ATTRIBUTION * (s.speech || s.quotes > 0 ? 1 : 0) +
    W_TOPIC * topic
  );
}

function kindsOf(s: Signals, topic: number): FactKind[] {
  const kinds: FactKind[] = [];
  if (s.quantities > 0 || s.vague > 0) kinds.push('quantity');
  if (s.dates > 0 || s.periods > 0) kinds.push('date');
  if (s.durations > 0) kinds.push('duration');
  if (s.quotes > 0) kinds.push('quote');
  if (s.speech) kinds.push('speech');
  if (topic > 0) kinds.push('topic');
  return kinds;
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
 * Sentences that cannot be facts: every sentence of a paragraph that does not end like a sentence (headings, photo
 * captions with their credit, bylines, logo residue) when the article has punctuated sentences at all, and every line
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
    if (punctuated && !isTerminated(sentences[i].text)) junk.fill(true, first, i + 1);
    first = i + 1;
  }
  return junk;
}

/** Candidate sentences with their signals and term frequencies, in article order. */
function candidatesOf(
  article: { title: string; text: string; lang?: string },
  terms: readonly TopicTerm[],
): Candidate[] {
  const sentences = splitSentences(article.text, article.lang);
  const punctuated = sentences.some((s) => isTerminated(s.text));
  const junk = junkSentences(article.text, article.title, sentences, punctuated);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    if (junk[index] || sentence.text.length > MAX_FACT_CHARS || candidates.length >= MAX_CANDIDATES) return;
    const tokens = splitWords(sentence.text);
    // The character count spares scripts written without spaces, whose "words" are whole phrases.
    if (tokens.length < MIN_WORDS && sentence.text.length < 25) return;
    const signals = readSignals(sentence.text, tokens);
    candidates.push({
      sentence,
      tokens,
      signals,
      vector: termFrequencies(tokens),
      numbers: new Set(signals.numbers),
      topic: terms.length > 0 ? topicOverlap(tokens, terms) : 0,
      relevance: 0,
    });
  });
  return candidates;
}

/**
 * Turns term frequencies into TF-IDF over the article's own sentences (words found everywhere — the subject's name,
 * function words — weigh little) and sets each candidate's relevance. Returns the vectors' norms.
 */
function score(candidates: Candidate[], title: string): number[] {
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
  const titleVector = termFrequencies(splitWords(title));
  for (const [k, tf] of titleVector) titleVector.set(k, df.has(k) ? tf * idf(k) : 0);
  const titleNorm = norm(titleVector);

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

  // Like an IDF: where the topic is named in most sentences (an article about it), naming it says
  // little about which sentence matters; where it is named in a few, those few stand out.
  const topicRarity = 1 - candidates.filter((c) => c.topic > 0).length / Math.max(1, candidates.length);
  candidates.forEach((c, i) => {
    const words = c.tokens.length;
    const lead = Math.max(0, 1 - i / LEAD_SPAN);
    const titleSim = cosine(c.vector, titleVector, norms[i], titleNorm);
    c.relevance =
      informativeness(c.signals, c.topic * topicRarity) +
      W_POSITION * lead +
      W_CENTRALITY * (centrality[i] / maxCentrality) +
      W_TITLE * titleSim;
    if (words < SHORT_WORDS) c.relevance *= SHORT_FACTOR;
    if (words > LONG_WORDS) c.relevance *= LONG_WORDS / words;
  });
  return norms;
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
 * The key facts of an article: up to `max` sentences, scored on figures, dates, durations, quotes and attributed
 * speech, topic terms, lead position, centrality and closeness to the title, then chosen with a redundancy penalty.
 * Headings, photo captions, bylines, repeated lines and very short sentences are never facts when the article has
 * punctuated sentences; short articles give fewer facts. Facts come back in article order; `score` ranks them.
 */
export function extractFacts(
  article: { title: string; text: string; lang?: string },
  options: ExtractOptions = {},
): Fact[] {
  const candidates = candidatesOf(article, parseTerms(options.topicTerms ?? []));
  if (candidates.length === 0) return [];
  const norms = score(candidates, article.title);
  const best = Math.max(...candidates.map((c) => c.relevance)) || 1;
  return pickDiverse(candidates, norms, clampMax(options.max))
    .sort((a, b) => a - b)
    .map((i) => {
      const c = candidates[i];
      return {
        text: c.sentence.text,
        start: c.sentence.start,
        end: c.sentence.end,
        score: Math.round((c.relevance / best) * 1000) / 1000,
        kinds: kindsOf(c.signals, c.topic),
      };
    });
}
