// Beatwatch's one protocol: every message between the page scripts (gate, extractor, highlighter: Beatwatch's
// scripts in web pages), the extension pages (popup, options) and the background is declared here once, with its
// direction, its payload schema and its result type. The background, the boundary, parses every payload with zod;
// page scripts read the few background-to-page payloads by hand (page-receiver.ts), which keeps zod out of them.
// `page:` messages are about the page in the sender's or the receiver's tab.
//
// Sequences of several messages:
// - Capture: the gate finds a likely article and sends `page:activate`; the background injects the extractor, which
//   extracts and matches every article on the page and sends `capture:save` for each that matched (again for
//   articles appended or swapped in later).
// - Highlight from the button: the gate's button sends `highlight:request`; the background injects the highlighter
//   and sends it `page:highlight-selection`; the highlighter describes the selection and sends `highlight:add` (the
//   background clips the page first, with `page:extract-main` to the extractor, when the article is not stored).
//   The context menu and the keyboard shortcut start at `page:highlight-selection`.
// - Re-attach on a revisit: the background sees a tab finish loading a page with stored highlights and injects the
//   highlighter, which asks `highlight:for-page`, paints what it can place, reports `highlight:placement`, and tries
//   the rest again while the page fills in. `facts:for-urls` serves `page:mark-facts` the same way.
// - Back up: the options page reads every record in pages (`backup:articles`, `backup:highlights`) and writes the
//   file. Restore: it reads the file in parts, validating each record, and sends `restore:begin`, a `restore:part`
//   per megabyte or so, and `restore:preview` with the counts and topics (the background checks that every part
//   arrived, then counts what is new); once the reader confirms, `restore:commit`; on a refusal or a cancel,
//   `restore:discard`.
// - While a restore commits: the popup's reads of the digest, its lists and search are answered at once with
//   `{ restoring: { written, total } }` instead of waiting out the commit; the popup then asks `restore:status`
//   until it answers null (the commit ended, or failed and changed nothing) and reads the digest again.
import { z } from 'zod';
import { receiveWith, wrap, type Envelope, type SenderContext } from './envelope';
import type { ArticleRecord } from '../schema';
import type { RestoreSummary } from '../backup/merge';
import type { RecordsPage } from '../db/backup';
import type { ArticlePage, DigestTopic, HighlightSummary, NotAboutArticle } from '../db/articles';
import { NO_TOPIC } from '../db/article-lists';
import { MAX_TOPICS } from '../limits';
import type { HighlightPage } from '../db/highlights';
import type { SearchResult } from '../background/search';
import type { RestoreProgress, Restoring } from './restoring';
import {
  articleIdSchema,
  articleRecordSchema,
  captureSchema,
  highlightIdSchema,
  highlightRecordSchema,
  httpUrlSchema,
  noteSchema,
  placementSchema,
  selectorsSchema,
  topicIdSchema,
  topicSchema,
  type HighlightRecord,
  type Selectors,
  type ExtractedArticle,
} from '../schema';

/** Who sends a message: a page script (in a web page's tab), one of the extension's own pages, or the background. */
export type Sender = 'page' | 'extension-page' | 'background';

type Receiver = 'background' | 'page';

interface MessageSpec<From extends Sender, To extends Receiver, Payload extends z.ZodType, Result> {
  from: From;
  to: To;
  payload: Payload;
  /** Type-only: what the receiver answers. */
  result?: Result;
}

function message<Result>() {
  return <From extends Sender, To extends Receiver, Payload extends z.ZodType>(spec: {
    from: From;
    to: To;
    payload: Payload;
  }) => spec as MessageSpec<From, To, Payload, Result>;
}

const empty = z.object({}).strict();
const backupPageLimit = z.number().int().min(1).max(5000);
const restoreIdSchema = z.uuid();
/** Records of one kind in one part of a restore (a part is about a megabyte of the file). */
const MAX_RESTORE_PART = 20_000;
/** Items per page of a list or of search results. */
const MAX_PAGE = 100;

export interface DigestOverview {
  /** Each topic's articles, and how many articles and facts are new since the reader last opened it. */
  topics: { id: string; name: string; count: number; newArticles: number; newFacts: number }[];
  noTopic: number;
  highlights: number;
}

export interface CaptureSaved {
  articleId: string;
  created: boolean;
  /** Tracked topics matched in the sending tab so far (the badge). */
  tabTopicCount: number;
}

export interface FailedCaptureSummary {
  title: string;
  url: string;
  /** The write's error, as the browser named it (e.g. "QuotaExceededError: …"). */
  error: string;
  failedAt: number;
}

export const protocol = {
  /** An article on the page matched tracked topics: store it. */
  'capture:save': message<CaptureSaved>()({ from: 'page', to: 'background', payload: captureSchema }),
  /** Captures the background could not store (a failed write), newest last: the popup offers to retry them. */
  'capture:failed': message<FailedCaptureSummary[]>()({ from: 'extension-page', to: 'background', payload: empty }),
  /** The reader's Retry: stores the failed captures again; the answer counts those stored and those still failing. */
  'capture:retry-failed': message<{ saved: number; failed: number }>()({
    from: 'extension-page',
    to: 'background',
    payload: empty,
  }),
  /** The reader clips the page in a tab to a topic, matched or not. */
  'tab:clip': message<{ articleId: string; title: string }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ tabId: z.number().int().nonnegative(), topicId: topicIdSchema }).strict(),
  }),
  /** Topics with their article counts and newest articles, all at once (npm start, tests; the popup reads pages). */
  'digest:get': message<DigestTopic[]>()({ from: 'extension-page', to: 'background', payload: empty }),
  /** What the popup shows first: each topic's count, and how many articles are in no topic and how many highlights. */
  'digest:overview': message<DigestOverview | Restoring>()({
    from: 'extension-page',
    to: 'background',
    payload: empty,
  }),
  /** One page of a topic's articles (or those in no topic, list "~"), newest first, from where the last page ended. */
  'digest:articles': message<ArticlePage | Restoring>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        list: z.union([topicIdSchema, z.literal(NO_TOPIC)]),
        after: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(MAX_PAGE),
      })
      .strict(),
  }),
  /**
   * The reader opened these lists (or marked them all seen): nothing in them is new any more. The answer is when each
   * was seen before, so the popup marks what was new when it opened.
   */
  'digest:seen': message<{ seenBefore: number[] }>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        lists: z
          .array(z.union([topicIdSchema, z.literal(NO_TOPIC)]))
          .min(1)
          .max(MAX_TOPICS + 1),
      })
      .strict(),
  }),
  /** A list's captures per day, the last `days` days up to today (UTC days), oldest first. */
  'digest:activity': message<{ lastDay: number; captures: number[] } | Restoring>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({ list: z.union([topicIdSchema, z.literal(NO_TOPIC)]), days: z.number().int().min(1).max(366) })
      .strict(),
  }),
  /** One page of every highlight and note, newest first. */
  'digest:highlights': message<HighlightPage | Restoring>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        after: z.tuple([z.number().int().nonnegative(), highlightIdSchema]).optional(),
        limit: z.number().int().min(1).max(MAX_PAGE),
      })
      .strict(),
  }),
  /** Search over titles, texts (and so key facts), highlights and notes, grouped by topic. */
  'search:query': message<SearchResult | Restoring>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(MAX_PAGE) }).strict(),
  }),
  /** How many changes the search index has still to take in (tests and benchmarks wait for 0). */
  'search:status': message<{ pending: number }>()({ from: 'extension-page', to: 'background', payload: empty }),
  /** How many articles a topic holds (the options page asks before deleting it). */
  'topic:count': message<{ articles: number }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ topicId: topicIdSchema }).strict(),
  }),
  /** A topic is being deleted: delete its articles, or keep them under No topic. */
  'topic:forget': message<{ articles: number }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ topicId: topicIdSchema, deleteArticles: z.boolean() }).strict(),
  }),
  /** Deletes an article; the answer is the deleted record, kept by the popup for undo. */
  'article:delete': message<ArticleRecord | null>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ id: articleIdSchema }).strict(),
  }),
  /** Undo of a delete. */
  'article:restore': message<{ restored: true }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ record: articleRecordSchema }).strict(),
  }),
  /**
   * The reader's "not about this beat" (`notAbout` true) on an article of a topic, or its undo (false): the article
   * leaves the topic and a revisit does not put it back.
   */
  'article:not-about': message<{ topicIds: string[]; topicIdsBefore: string[] }>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        id: articleIdSchema,
        topicId: topicIdSchema,
        notAbout: z.boolean(),
        /** An undo's `topicIdsBefore`: the article's topics are written back in that order. */
        order: z.array(topicIdSchema).max(MAX_TOPICS).optional(),
      })
      .strict(),
  }),
  /** The articles the reader took out of a topic, for the topic tester. */
  'topic:not-about': message<NotAboutArticle[]>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ topicId: topicIdSchema }).strict(),
  }),
  /** The gate found a likely article: load the extractor into the sender's tab. */
  'page:activate': message<{ injected: true }>()({ from: 'page', to: 'background', payload: empty }),
  /** The reader highlighted a passage on a page. */
  'highlight:add': message<{ id: string }>()({
    from: 'page',
    to: 'background',
    payload: z.object({ pageUrl: httpUrlSchema, articleUrl: httpUrlSchema, selectors: selectorsSchema }).strict(),
  }),
  /** The highlights to re-attach on a page. */
  'highlight:for-page': message<{ id: string; selectors: Selectors; legacyPositions?: true }[]>()({
    from: 'page',
    to: 'background',
    payload: z.object({ pageUrl: httpUrlSchema }).strict(),
  }),
  /**
   * Which highlights this visit could (not) place, whose text changed, and where the unplaced ones
   * may be now: the popup lists the unplaced ones with their "maybe here".
   */
  'highlight:placement': message<{ recorded: true }>()({
    from: 'page',
    to: 'background',
    payload: placementSchema,
  }),
  /** The reader confirmed a highlight's "maybe here": it moves there. */
  'highlight:confirm': message<{ confirmed: boolean }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ id: highlightIdSchema }).strict(),
  }),
  /** The floating button was pressed: highlight the selection in the sender's tab. */
  'highlight:request': message<{ added: boolean }>()({ from: 'page', to: 'background', payload: empty }),
  /** Sets a highlight's note; the answer is the highlight as the popup shows it. */
  'highlight:note': message<HighlightSummary>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ id: highlightIdSchema, note: noteSchema }).strict(),
  }),
  'highlight:delete': message<HighlightRecord | null>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ id: highlightIdSchema }).strict(),
  }),
  'highlight:restore': message<{ restored: true }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ record: highlightRecordSchema }).strict(),
  }),
  /** Highlights the current selection in the page (context menu, shortcut, floating button). */
  'page:highlight-selection': message<{ added: boolean }>()({ from: 'background', to: 'page', payload: empty }),
  /** Marks (or unmarks) the key-fact sentences of the page's stored articles. */
  'page:mark-facts': message<{ marked: number }>()({
    from: 'background',
    to: 'page',
    payload: z.object({ on: z.boolean() }).strict(),
  }),
  /** The popup's toggle: mark the key facts on the page in a tab. */
  'tab:mark-facts': message<{ marked: number }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ tabId: z.number().int().nonnegative(), on: z.boolean() }).strict(),
  }),
  /** The stored key facts of the articles at these URLs (the page's own and appended ones). */
  'facts:for-urls': message<string[]>()({
    from: 'page',
    to: 'background',
    payload: z.object({ urls: z.array(httpUrlSchema).max(50) }).strict(),
  }),
  /** The main article in a tab, for the topic editor's live test. */
  'tab:article': message<ExtractedArticle | null>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ tabId: z.number().int().nonnegative() }).strict(),
  }),
  /** Asks the extractor in a tab for the page's main article (for a clip). */
  'page:extract-main': message<ExtractedArticle | null>()({ from: 'background', to: 'page', payload: empty }),
  /** A page of stored articles in id order, for a backup. */
  'backup:articles': message<RecordsPage<ArticleRecord>>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ after: articleIdSchema.optional(), limit: backupPageLimit }).strict(),
  }),
  /** A page of stored highlights in id order, for a backup. */
  'backup:highlights': message<RecordsPage<HighlightRecord>>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ after: highlightIdSchema.optional(), limit: backupPageLimit }).strict(),
  }),
  /** Starts a restore in parts, giving up any other under way. */
  'restore:begin': message<{ restoreId: string }>()({ from: 'extension-page', to: 'background', payload: empty }),
  /** One part of the backup's records, in file order, kept aside until the restore is committed. */
  'restore:part': message<{ parts: number }>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        restoreId: restoreIdSchema,
        part: z.number().int().nonnegative(),
        articles: z.array(articleRecordSchema).max(MAX_RESTORE_PART),
        highlights: z.array(highlightRecordSchema).max(MAX_RESTORE_PART),
      })
      .strict(),
  }),
  /** The whole file has been sent (so many parts and records, these topics): what restoring it would add and change. */
  'restore:preview': message<RestoreSummary>()({
    from: 'extension-page',
    to: 'background',
    payload: z
      .object({
        restoreId: restoreIdSchema,
        parts: z.number().int().nonnegative(),
        articles: z.number().int().nonnegative(),
        highlights: z.number().int().nonnegative(),
        topics: z.array(topicSchema).max(MAX_TOPICS),
      })
      .strict(),
  }),
  /** Merges the previewed restore into the reader's data, all or nothing. */
  'restore:commit': message<RestoreSummary>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ restoreId: restoreIdSchema }).strict(),
  }),
  /** How far a running commit is, or null when none runs (the popup asks while it shows the restoring state). */
  'restore:status': message<RestoreProgress | null>()({ from: 'extension-page', to: 'background', payload: empty }),
  /** Throws a restore's parts away (the reader cancelled, or the file was refused). */
  'restore:discard': message<{ discarded: true }>()({
    from: 'extension-page',
    to: 'background',
    payload: z.object({ restoreId: restoreIdSchema }).strict(),
  }),
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type PayloadOf<T extends MessageType> = z.input<Protocol[T]['payload']>;
export type ParsedPayloadOf<T extends MessageType> = z.output<Protocol[T]['payload']>;
export type ResultOf<T extends MessageType> = Exclude<Protocol[T]['result'], undefined>;

export function envelope<T extends MessageType>(type: T, payload: PayloadOf<T>): Envelope {
  return wrap(type, payload);
}

export type Handlers<To extends Receiver> = {
  [T in MessageType as Protocol[T]['to'] extends To ? T : never]: (
    payload: ParsedPayloadOf<T>,
    context: { tabId?: number; url?: string },
  ) => Promise<ResultOf<T>> | ResultOf<T>;
};

/** What the browser says about a message's sender (the fields a receiver reads). */
export interface SenderInfo extends SenderContext {
  id?: string;
}

/** Which kind of sender a message came from, or null when it is not ours at all. */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'page';
  return null;
}

/**
 * Builds the receiving side: validates the envelope, the direction and the payload, then
 * calls the handler. A bad message gets an error reply and reaches no handler. A known
 * message that this receiver has no handler for gets no reply from it (undefined), so
 * another listener can answer.
 */
export function createReceiver<To extends Receiver>(
  to: To,
  handlers: Partial<Handlers<To>>,
  identify: (sender: SenderInfo) => Sender | null,
) {
  return receiveWith<SenderInfo>(
    (type) => {
      const spec = Object.hasOwn(protocol, type) ? protocol[type as MessageType] : undefined;
      if (!spec || spec.to !== to) return undefined;
      return {
        accepts: (sender) => identify(sender) === spec.from,
        read: (payload) => {
          const parsed = spec.payload.safeParse(payload);
          return parsed.success
            ? { ok: true, value: parsed.data }
            : { ok: false, error: z.prettifyError(parsed.error) };
        },
      };
    },
    handlers as Record<string, ((payload: unknown, context: { tabId?: number; url?: string }) => unknown) | undefined>,
  );
}
