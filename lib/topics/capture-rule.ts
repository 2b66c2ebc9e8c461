// The capture rule: when an article is about a topic, not merely mentions it (README, "When does a topic match?"):
//
//   "By default a topic matches when it is named in the title or the lead (the first 60 words), or else in at least
//   two separate passages of the body (25 words within a paragraph): one passing mention, such as a "Read more: …"
//   line, is not what an article is about. A word built on a topic word (Ukrainian, الأوكراني, украинский: the word
//   without a final vowel, then more letters) never matches by itself, but in the title or lead it makes a topic that
//   the article does name prominent. […] A topic can set its own minimum number of mentions instead."
//
// Chosen on the labelled set in tests/fixtures/topics/ (tests/unit/topics/labelled-set.test.ts prints the
// alternatives' precision and recall).

/** The lead: the first LEAD_WORDS words of the text (a Chinese, Japanese or Thai character counts as half a word). */
export const LEAD_WORDS = 60;
/** Stems of derived words shorter than this are not used: غز or ira would start unrelated words. */
export const RELATED_MIN_STEM = 4;
export const DEFAULT_BODY_PASSAGES = 2;
/** A passage: up to this many words within one paragraph. */
export const PASSAGE_WORDS = 25;
const WEIGHT_TITLE = 3;
const WEIGHT_LEAD = 2;
const WEIGHT_BODY = 1;

/** Where one counted mention stands: in the title, or at a token index and word position of the text. */
export interface PlacedMention {
  inTitle: boolean;
  /** Token index in its field. */
  first: number;
  /** Word position in its field (jumps between paragraphs). */
  from: number;
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

/**
 * Whether a topic with these mentions (in reading order, title first) is captured, and its score. `prominent`: one
 * of the query's words, or a word built on one, stands in the title or the lead.
 */
export function applyCaptureRule(
  mentions: readonly PlacedMention[],
  lead: number,
  prominent: boolean,
  minMentions: number | undefined,
): { captured: boolean; score: number } {
  let score = 0;
  let passages = 0;
  let passageStart = -Infinity;
  for (const { inTitle, first, from } of mentions) {
    const weight = inTitle ? WEIGHT_TITLE : first < lead ? WEIGHT_LEAD : WEIGHT_BODY;
    if (weight === WEIGHT_BODY && from - passageStart >= PASSAGE_WORDS) {
      // Positions jump between paragraphs, so each paragraph starts a passage of its own.
      passages++;
      passageStart = from;
    }
    score += weight;
  }
  const captured =
    minMentions !== undefined ? mentions.length >= minMentions : prominent || passages >= DEFAULT_BODY_PASSAGES;
  return { captured, score };
}
