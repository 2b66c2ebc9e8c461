// Zod schemas for everything that crosses a boundary: messages, stored settings, backup files.
// Types are inferred from these, so the runtime check and the compile-time type never drift apart.
import { z } from 'zod';
import type { Selectors } from './anchor/types';
import { validationMessage } from './validation-messages';
import {
  ARTICLE_ID_PATTERN,
  CAPTURE_ID_PATTERN,
  HIGHLIGHT_ID_PATTERN,
  MAX_BYLINE_CHARS,
  MAX_CAPTURE_IDS,
  MAX_EXCERPT_CHARS,
  MAX_HIGHLIGHTS_PER_PAGE,
  MAX_LANG_CHARS,
  MAX_NOTE_CHARS,
  MAX_QUERY_CHARS,
  MAX_QUOTE_CHARS,
  MAX_QUOTE_CONTEXT_CHARS,
  MAX_QUOTE_COPIES,
  MAX_NEAREST_COPY,
  MAX_SITE_NAME_CHARS,
  MAX_STORY_TERM_CHARS,
  MAX_STORY_TERMS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  MAX_TOPIC_ID_CHARS,
  MAX_TOPIC_NAME_CHARS,
  MAX_URL_CHARS,
  MIN_MENTIONS_RANGE,
  TOPIC_ID_PATTERN,
} from './limits';

// Extension pages forbid eval by CSP; without this, zod probes `new Function` at first use.
z.config({ jitless: true });

const shortText = (max: number) => z.string().max(max);

export const topicIdSchema = z.string().regex(TOPIC_ID_PATTERN, validationMessage('topicId', MAX_TOPIC_ID_CHARS));

/** What a reader writes for a topic (the editor's fields, a topics file's entries). */
export const topicDraftSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, validationMessage('topicName'))
    .max(MAX_TOPIC_NAME_CHARS, validationMessage('topicNameLong', MAX_TOPIC_NAME_CHARS)),
  query: z
    .string()
    .trim()
    .min(1, validationMessage('topicQuery'))
    .max(MAX_QUERY_CHARS, validationMessage('queryLong', MAX_QUERY_CHARS)),
  minMentions: z.number().int().min(MIN_MENTIONS_RANGE.min).max(MIN_MENTIONS_RANGE.max).optional(),
});
export type TopicDraftInput = z.infer<typeof topicDraftSchema>;

export const topicSchema = topicDraftSchema.extend({
  id: topicIdSchema,
  createdAt: z.number().int().nonnegative(),
});
export type Topic = z.infer<typeof topicSchema>;

export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, validationMessage('articleId'));

export const httpUrlSchema = z
  .string()
  .max(MAX_URL_CHARS)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, validationMessage('httpUrl'));

export const hitSchema = z.object({
  field: z.enum(['title', 'text']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  term: shortText(MAX_QUERY_CHARS),
});
/** Where a topic's query matched: a range of the title or the text, and the query term that found it. */
export type Hit = z.infer<typeof hitSchema>;

export const topicMatchSchema = z.object({
  topicId: topicIdSchema,
  score: z.number().finite(),
  mentions: z.number().int().nonnegative(),
  hits: z.array(hitSchema).max(2000),
});
/** A topic an article matched, with its score, its number of mentions and their places. */
export type TopicMatch = z.infer<typeof topicMatchSchema>;

/**
 * What a key fact is, in one word the popup shows beside it. In order of precedence: a sentence with a quotation is a
 * quote even when it also states a decision or a figure.
 */
export const factKindSchema = z.enum(['quote', 'decision', 'figure', 'date', 'statement']);
export type FactKind = z.infer<typeof factKindSchema>;

export const factSchema = z.object({
  /** The sentence, exactly as in the article: article.text.slice(start, end) === text. */
  text: shortText(2000),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Relevance in [0, 1], relative to the best sentence of the same article (before the redundancy penalty). */
  score: z.number().finite(),
  kind: factKindSchema,
  /** Who said it, as the article writes it (quotes and attributed statements). */
  speaker: shortText(300).optional(),
});
/** A key fact: one sentence of an article, what it is and who said it. */
export type Fact = z.infer<typeof factSchema>;

/** One article as the extractor extracted it. */
export const extractedArticleSchema = z.object({
  url: httpUrlSchema,
  pageUrl: httpUrlSchema,
  title: shortText(MAX_TITLE_CHARS),
  byline: shortText(MAX_BYLINE_CHARS).optional(),
  siteName: shortText(MAX_SITE_NAME_CHARS).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  lang: shortText(MAX_LANG_CHARS).optional(),
  dir: z.enum(['ltr', 'rtl']),
  excerpt: shortText(MAX_EXCERPT_CHARS),
  text: shortText(MAX_TEXT_CHARS),
  leadImage: httpUrlSchema.optional(),
});
export type ExtractedArticle = z.infer<typeof extractedArticleSchema>;

/** One capture's id, shared by its retries: the background counts a capture once however often it arrives. */
export const captureIdSchema = z.string().regex(CAPTURE_ID_PATTERN, validationMessage('captureId'));

/** What the extractor sends when an article matched (or the reader clipped it). */
export const captureSchema = z.object({
  article: extractedArticleSchema,
  matches: z.array(topicMatchSchema).max(1000),
  /** Absent on captures that are never retried (a clip by hand). */
  captureId: captureIdSchema.optional(),
});
export type Capture = z.infer<typeof captureSchema>;

/** A stored article (one per canonical URL, whatever the number of visits), as the popup hands it back to undo a delete. */
export const articleRecordSchema = extractedArticleSchema.extend({
  /** Deterministic: derived from the canonical URL, so a retried write cannot duplicate. */
  id: articleIdSchema,
  /** Topics this article belongs to: matched ever, or clipped to by the reader. */
  topicIds: z.array(topicIdSchema).max(1000),
  /** The latest match result per topic (hits with positions). */
  matches: z.array(topicMatchSchema).max(1000),
  /** Topics the reader clipped the article to by hand. */
  clippedTo: z.array(topicIdSchema).max(1000),
  /** Topics the reader said this article is not about: a revisit never puts it back in them. */
  rejectedFrom: z.array(topicIdSchema).max(1000).optional(),
  facts: z.array(factSchema).max(10),
  /** The body's terms and their counts, for story grouping (lib/stories/profile.ts bodyTerms); absent on older records. */
  storyTerms: z
    .array(z.tuple([z.string().min(1).max(MAX_STORY_TERM_CHARS), z.number().int().positive()]))
    .max(MAX_STORY_TERMS)
    .optional(),
  firstSeenAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative(),
  visits: z.number().int().positive(),
  /** The latest captures counted (newest last): a retry of one of them is not a second visit. */
  captureIds: z.array(captureIdSchema).max(MAX_CAPTURE_IDS).optional(),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** A highlight's W3C Web Annotation selectors; the shape itself is lib/anchor's (the schema is checked against it). */
export type { Selectors };

const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict();

export const selectorsSchema = z.tuple([
  z
    .object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_QUOTE_CHARS),
      prefix: z.string().max(MAX_QUOTE_CONTEXT_CHARS),
      suffix: z.string().max(MAX_QUOTE_CONTEXT_CHARS),
      copies: z.number().int().min(1).max(MAX_QUOTE_COPIES).optional(),
      places: z.number().int().min(1).max(MAX_QUOTE_COPIES).optional(),
      nearestCopy: z.number().int().min(1).max(MAX_NEAREST_COPY).optional(),
    })
    .strict(),
  textPositionSelectorSchema,
  z
    .object({
      type: z.literal('XPathSelector'),
      value: z
        .string()
        .max(2000)
        .regex(/^(\/[a-z][a-z0-9-]*\[\d+\])+$/, validationMessage('elementPath')),
      refinedBy: textPositionSelectorSchema,
    })
    .strict()
    .optional(),
]) satisfies z.ZodType<Selectors>;

export const highlightIdSchema = z.string().regex(HIGHLIGHT_ID_PATTERN, validationMessage('highlightId'));
export const noteSchema = z.string().max(MAX_NOTE_CHARS, validationMessage('noteLong', MAX_NOTE_CHARS));

/** A reader's highlight, as the background stores it. */
export const highlightRecordSchema = z.object({
  id: highlightIdSchema,
  /** The page's address without tracking parameters or fragment: where it is re-attached. */
  pageUrl: httpUrlSchema,
  /** The stored article it belongs to, when the page holds one. */
  articleId: articleIdSchema.optional(),
  selectors: selectorsSchema,
  note: noteSchema,
  /** Whether the last visit could place it on the page. */
  placed: z.boolean(),
  /** The page's text where the last visit placed it, when that text differs from the quote. */
  changedTo: z.string().max(MAX_QUOTE_CHARS).optional(),
  /** Where the last visit could not place it, a candidate the reader may confirm. */
  maybeHere: selectorsSchema.optional(),
  /** Its position leaves out script and style text, as stored before database v3. */
  legacyPositions: z.literal(true).optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type HighlightRecord = z.infer<typeof highlightRecordSchema>;

/** What a visit learnt about its page's highlights. */
export const placementSchema = z
  .object({
    placed: z
      .array(
        z
          .object({
            id: highlightIdSchema,
            changedTo: z.string().max(MAX_QUOTE_CHARS).optional(),
            position: textPositionSelectorSchema.optional(),
          })
          .strict(),
      )
      .max(MAX_HIGHLIGHTS_PER_PAGE),
    unplaced: z
      .array(z.object({ id: highlightIdSchema, maybeHere: selectorsSchema.optional() }).strict())
      .max(MAX_HIGHLIGHTS_PER_PAGE),
  })
  .strict();
export type Placement = z.infer<typeof placementSchema>;
