// The capture rule: when an article is about a topic, not merely mentions it (README, "When does a topic match?"):
//
//   "Only on the article's own title and text, never on menus, teasers or tag lists. By default a topic matches when
//   it is named in the title or the lead (the first 60 words), or else in at least two paragraphs that make a fifth
//   of the article's paragraphs (of those of five words or more: a "Photo" line, a byline or a date line is no part
//   of the article to share): a passing mention, an aside or a "Read more: …" line is not what an article is
//   about. Some mentions never count: the dateline and agency credit at the start of a report (`MADRID —`, `بيروت
//   (رويترز) -`, `واس - الرياض:`, a short first line with a date), attributions (`told Reuters`, `according to`,
//   `researchers from`, `حسب صحيفة`, `نشرته وكالة`, `laut`, `według`), an agency alone in parentheses in the first
//   sentence, and a word inside a longer name (`Inner Mongolia`, `New Mexico`, `Niger Delta`, `Christian County`,
//   `دلتا النيجر`). A country or territory named in the beat in one language is named in an article that writes it
//   in another (`Kuwait` in `الكويت`; see "A country's names" above). The topic tester says which of these decided
//   (title, lead, paragraphs; or a passing mention, or only datelines and credits). A topic can set its own minimum
//   number of mentions instead (`minMentions` in a topics file); it then counts every mention."
//
// Chosen on the tuning half of the independent labels in tests/bench/labels/ (npm run bench:relevance prints both
// halves, per language, beside the previous rule and with each signal switched off). Which mentions are datelines,
// credits or other names: mention-context.ts; which words are forms of a term: lib/text/word-forms.ts.
import type { FormKind } from './compile';
import type { Aside } from './mention-context';

/** The lead: the first LEAD_WORDS words of the text (a Chinese, Japanese or Thai character counts as half a word). */
export const LEAD_WORDS = 60;
export const DEFAULT_BODY_PASSAGES = 2;
/** A passage: up to this many words within one paragraph. */
export const PASSAGE_WORDS = 25;
const WEIGHT_TITLE = 3;
const WEIGHT_LEAD = 2;
const WEIGHT_BODY = 1;

/** Where one counted mention stands and how it is written. */
export interface AboutMention {
  inTitle: boolean;
  /** Token index in its field. */
  first: number;
  /** Word position in its field (jumps between paragraphs). */
  from: number;
  form: FormKind;
  /** Paragraph and sentence of the text (-1 in the title). */
  paragraph: number;
  sentence: number;
  /** Set when the mention does not count: a dateline, a credit or attribution, a word of another name. */
  aside: Aside | undefined;
}

/** Why a topic was captured, or why not: what the tester and the popup say. */
export type Reason = 'title' | 'lead' | 'paragraphs' | 'min-mentions' | 'lead-or-passages' | 'passing' | 'asides-only';

export interface Verdict {
  captured: boolean;
  reason: Reason;
  score: number;
}

/** Index of the first text token past the lead. */
export function leadEnd(forms: string[], isCharToken: (form: string) => boolean): number {
  let words = 0;
  let i = 0;
  while (i < forms.length && words < LEAD_WORDS) {
    words += isCharToken(forms[i]) ? 0.5 : 1;
    i++;
  }
  return i;
}

function scoreOf(mentions: readonly AboutMention[], lead: number): number {
  let score = 0;
  for (const { inTitle, first } of mentions) score += inTitle ? WEIGHT_TITLE : first < lead ? WEIGHT_LEAD : WEIGHT_BODY;
  return score;
}

/**
 * The previous rule, kept to measure the new one against: named in the title or lead (`prominent`: one of the
 * query's words, or a word built on one, stands there), or in two passages of the body.
 */
export function applyCaptureRule(
  mentions: readonly AboutMention[],
  lead: number,
  prominent: boolean,
  minMentions: number | undefined,
): Verdict {
  let passages = 0;
  let passageStart = -Infinity;
  for (const { inTitle, first, from } of mentions) {
    if (!inTitle && first >= lead && from - passageStart >= PASSAGE_WORDS) {
      // Positions jump between paragraphs, so each paragraph starts a passage of its own.
      passages++;
      passageStart = from;
    }
  }
  const score = scoreOf(mentions, lead);
  if (minMentions !== undefined) return { captured: mentions.length >= minMentions, reason: 'min-mentions', score };
  const captured = prominent || passages >= DEFAULT_BODY_PASSAGES;
  return { captured, reason: captured ? 'lead-or-passages' : 'passing', score };
}

/** What the rule needs to know about the article itself. */
export interface ArticleShape {
  /** Index of the first text token past the lead. */
  lead: number;
  /** The paragraphs a topic's share is taken of (match.ts: those of MIN_PARAGRAPH_WORDS words or more). */
  paragraphs: number;
  /** The sentence the text starts with, after its dateline. */
  firstSentence: number;
}

/** Paragraphs that must name the topic when neither the title nor the lead does... */
export const MIN_PARAGRAPHS = 2;
/** ... and the share of the article's paragraphs they must make. */
export const MIN_PARAGRAPH_SHARE = 0.2;

/**
 * Whether an article is about a topic: it is named in the title or the lead, datelines, credits, attributions and
 * other names aside, or in at least MIN_PARAGRAPHS paragraphs that make MIN_PARAGRAPH_SHARE of the article's
 * `paragraphs` (match.ts counts only those of MIN_PARAGRAPH_WORDS words or more, unless the fullParagraphs signal
 * is off). A topic named only by adjectives (`adjectiveLead`: unless the caller turns it off) takes the lead only in
 * its first sentence: "The Australian musician" in the second sentence says where someone is from, not what the
 * article is about; «قصف الأراضي اليمنية» opening a report does.
 */
export function decideAbout(
  mentions: readonly AboutMention[],
  article: ArticleShape,
  minMentions: number | undefined,
  adjectiveLead = true,
): Verdict {
  const counted = mentions.filter((m) => m.aside === undefined);
  const score = scoreOf(counted, article.lead);
  // A count the reader chose counts every mention, as the topic tester lists them.
  if (minMentions !== undefined) return { captured: mentions.length >= minMentions, reason: 'min-mentions', score };
  if (counted.length === 0) return { captured: false, reason: 'asides-only', score };
  if (counted.some((m) => m.inTitle)) return { captured: true, reason: 'title', score };
  const onlyAdjectives = adjectiveLead && counted.every((m) => m.form === 'derived');
  const inLead = (m: AboutMention) =>
    m.first < article.lead && (!onlyAdjectives || m.sentence <= article.firstSentence);
  if (counted.some(inLead)) return { captured: true, reason: 'lead', score };
  const paragraphs = new Set(counted.map((m) => m.paragraph)).size;
  if (paragraphs >= MIN_PARAGRAPHS && paragraphs >= MIN_PARAGRAPH_SHARE * article.paragraphs)
    return { captured: true, reason: 'paragraphs', score };
  return { captured: false, reason: 'passing', score };
}
