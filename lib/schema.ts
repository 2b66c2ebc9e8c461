// Zod schemas for everything that crosses a boundary: messages, stored settings, backup files.
// Types are inferred from these, so the runtime check and the compile-time type never drift apart.
import { z } from 'zod';
import { MAX_TEXT_CHARS } from './limits';

// Extension pages forbid eval by CSP; without this, zod probes `new Function` at first use.
z.config({ jitless: true });

const shortText = (max: number) => z.string().max(max);

export const topicIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'a topic id is 1–64 lowercase letters, digits or dashes');

export const topicSchema = z.object({
  id: topicIdSchema,
  name: z.string().trim().min(1, 'a topic needs a name').max(80, 'a topic name has at most 80 characters'),
  query: z.string().trim().min(1, 'a topic needs a query').max(500, 'a query has at most 500 characters'),
  minMentions: z.number().int().min(1).max(20).optional(),
  createdAt: z.number().int().nonnegative(),
});
export type Topic = z.infer<typeof topicSchema>;

export const httpUrlSchema = z
  .string()
  .max(4096)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

export const hitSchema = z.object({
  field: z.enum(['title', 'text']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  term: shortText(500),
});

export const topicMatchSchema = z.object({
  topicId: topicIdSchema,
  score: z.number().finite(),
  mentions: z.number().int().nonnegative(),
  hits: z.array(hitSchema).max(2000),
});
export type TopicMatchRecord = z.infer<typeof topicMatchSchema>;

export const factSchema = z.object({
  text: shortText(2000),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number().finite(),
  kinds: z.array(z.enum(['quantity', 'date', 'duration', 'quote', 'speech', 'topic'])).max(6),
});
export type FactRecord = z.infer<typeof factSchema>;

/** One article as the content script extracted it. */
export const extractedArticleSchema = z.object({
  url: httpUrlSchema,
  pageUrl: httpUrlSchema,
  title: shortText(1000),
  byline: shortText(500).optional(),
  siteName: shortText(300).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  lang: shortText(35).optional(),
  dir: z.enum(['ltr', 'rtl']),
  excerpt: shortText(1000),
  text: shortText(MAX_TEXT_CHARS),
  leadImage: httpUrlSchema.optional(),
});
export type ExtractedArticle = z.infer<typeof extractedArticleSchema>;

/** What the content script sends when an article matched (or the reader clipped it). */
export const captureSchema = z.object({
  article: extractedArticleSchema,
  matches: z.array(topicMatchSchema).max(1000),
});
export type Capture = z.infer<typeof captureSchema>;

/** A whole stored article, as the popup hands it back to undo a delete. */
export const articleRecordSchema = extractedArticleSchema.extend({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  topicIds: z.array(topicIdSchema).max(1000),
  matches: z.array(topicMatchSchema).max(1000),
  clippedTo: z.array(topicIdSchema).max(1000),
  facts: z.array(factSchema).max(10),
  firstSeenAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative(),
  visits: z.number().int().positive(),
});

export const selectorsSchema = z.tuple([
  z
    .object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(5000),
      prefix: z.string().max(200),
      suffix: z.string().max(200),
    })
    .strict(),
  z
    .object({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    })
    .strict(),
]);

export const highlightIdSchema = z.string().regex(/^h-[0-9a-z-]{8,64}$/);
export const noteSchema = z.string().max(5000, 'a note has at most 5,000 characters');

/** A reader's highlight, as the background stores it. */
export const highlightRecordSchema = z.object({
  id: highlightIdSchema,
  /** The page's address without tracking parameters or fragment: where it is re-attached. */
  pageUrl: httpUrlSchema,
  /** The stored article it belongs to, when the page holds one. */
  articleId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  selectors: selectorsSchema,
  note: noteSchema,
  /** Whether the last visit could place it on the page. */
  placed: z.boolean(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type HighlightRecord = z.infer<typeof highlightRecordSchema>;
