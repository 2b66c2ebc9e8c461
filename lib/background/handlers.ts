// What the background does for each message. Dependencies come in as arguments so the
// handlers run in unit tests with fake-indexeddb and a fake browser.
import { NO_TOPIC } from '../db/article-lists';
import {
  articleIdFor,
  deleteArticle,
  getArticle,
  listArticles,
  listDigest,
  listNotAbout,
  restoreArticle,
  saveCapture,
  setNotAbout,
  summarizeHighlight,
} from '../db/articles';
import {
  addHighlight,
  confirmMaybeHere,
  countHighlights,
  deleteHighlight,
  listHighlights,
  newHighlightId,
  pageHighlights,
  recordPlacement,
  updateHighlightNote,
} from '../db/highlights';
import { readArticlesPage, readHighlightsPage } from '../db/backup';
import { pendingSearchItems } from '../db/search-index';
import { dayOf, markListsSeen, readDayCounts, readListCounts } from '../db/list-counts';
import { countTopicArticles, deleteTopicArticles, releaseTopic } from '../db/topic-membership';
import { provenanceProblem, sameOrigin, sameSite } from '../extract/provenance';
import { cleanUrl } from '../extract/url';
import type { Database } from '../db/database';
import { Refusal } from '../messaging/envelope';
import type { Handlers } from '../messaging/protocol';
import {
  extractedArticleSchema,
  type Capture,
  type ExtractedArticle,
  type Fact,
  type Topic,
  type TopicMatch,
} from '../schema';
import { FailedCaptures } from './failed-captures';
import { createRestoreHandlers } from './restore-handlers';
import { RestoreWatch } from './restore-watch';
import { search } from './search';
import { memoryArea, TabTopics } from './tab-topics';

export interface BackgroundDeps {
  /** Awaited on every use (the background's reopens a connection the browser closed). */
  db: PromiseLike<Database>;
  loadTopics: () => Promise<Topic[]>;
  /** Validates and stores the reader's topics (a restore adds the backup's). */
  saveTopics: (topics: Topic[]) => Promise<void>;
  tabTopics: TabTopics;
  /** Captures whose write failed, for the popup's retry (in memory when not given). */
  failedCaptures?: FailedCaptures;
  setBadge: (tabId: number, count: number) => Promise<void>;
  /** Loads the extractor (Readability, matcher) into a tab; safe to call twice. */
  injectExtractor: (tabId: number) => Promise<void>;
  extractFromTab: (tabId: number) => Promise<ExtractedArticle | null>;
  /** Loads the highlighter into a tab (idempotent) and has it highlight the current selection. */
  highlightSelectionIn: (tabId: number) => Promise<{ added: boolean }>;
  /** Loads the highlighter into a tab and has it mark (or unmark) the key facts. */
  markFactsIn: (tabId: number, on: boolean) => Promise<{ marked: number }>;
  matchArticle: (article: ExtractedArticle, topics: Topic[]) => TopicMatch[];
  factsFor: (article: ExtractedArticle, matches: TopicMatch[]) => Fact[];
  /** Called after a change to what is new (a capture, a list seen): the badge may show it. */
  countsChanged?: () => Promise<void>;
  /** Told when that badge update fails: nothing waits for it, so nobody else would hear of it. */
  onBadgeError?: (error: unknown) => void;
  /** Called after every write search must take in (it indexes the queue). */
  indexSearch?: () => void;
  /** Knows while a restore commits (a new one when not given). */
  restoreWatch?: RestoreWatch;
  now?: () => number;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<'background'> {
  const now = deps.now ?? Date.now;
  const indexSearch = deps.indexSearch ?? (() => {});
  const failed = deps.failedCaptures ?? new FailedCaptures(memoryArea());
  // The popup's reads: answered at once while a restore commits rather than after it (see restore-watch.ts).
  const watch = deps.restoreWatch ?? new RestoreWatch();
  const onBadgeError =
    deps.onBadgeError ?? ((error: unknown) => console.error('Beatwatch: cannot update the badge', error));
  const badgeFollows = () => void deps.countsChanged?.().catch(onBadgeError);
  /** Runs a write, then has search take it in. */
  const written = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    indexSearch();
    badgeFollows();
    return result;
  };

  /** Stores the tab's main article with the topics it matches (and a clip topic); null without an article. */
  async function clipTab(tabId: number, clipTo?: string) {
    await deps.injectExtractor(tabId);
    // What the tab's page script answers is checked like any message from a page.
    const extracted = extractedArticleSchema.safeParse(await deps.extractFromTab(tabId));
    if (!extracted.success) return null;
    const article = extracted.data;
    const matches = deps.matchArticle(article, await deps.loadTopics());
    const facts = deps.factsFor(article, matches);
    return (await written(saveCapture(await deps.db, { article, matches }, { clipTo, facts, now: now() }))).record;
  }

  /** Stores a page's capture; a write that fails is kept for the reader to see and retry, and leaves once stored. */
  async function storeCapture(capture: Capture, tabId: number | undefined) {
    const topics = await deps.loadTopics();
    const known = new Set(topics.map((t) => t.id));
    // A capture may only claim topics the reader tracks now.
    const matches = capture.matches.filter((m) => known.has(m.topicId));
    const { captureId } = capture;
    if (matches.length === 0) {
      if (captureId) await failed.remove(captureId);
      // Sent again it would match no more: the page must not retry it.
      throw new Refusal('the capture matches no tracked topic');
    }
    const facts = deps.factsFor(capture.article, matches);
    let saved;
    try {
      saved = await written(saveCapture(await deps.db, { ...capture, matches }, { facts, now: now() }));
    } catch (error) {
      if (captureId) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        await failed.add({ capture: { ...capture, captureId }, error: reason, failedAt: now() });
      }
      throw error;
    }
    if (captureId) await failed.remove(captureId);
    const { record, created } = saved;
    let tabTopicCount = 0;
    if (tabId !== undefined) {
      // Topics the reader said this article is not about do not count on the badge either.
      tabTopicCount = await deps.tabTopics.add(
        tabId,
        matches.map((m) => m.topicId).filter((topicId) => record.topicIds.includes(topicId)),
      );
      await deps.setBadge(tabId, tabTopicCount);
    }
    return { articleId: record.id, created, tabTopicCount };
  }

  /** Each topic's counts, those of No topic and the highlights'. */
  async function overview() {
    const db = await deps.db;
    const topics = await deps.loadTopics();
    const [counts, highlights] = await Promise.all([
      readListCounts(db, [...topics.map((t) => t.id), NO_TOPIC]),
      countHighlights(db),
    ]);
    return {
      topics: topics.map((t, i) => ({
        id: t.id,
        name: t.name,
        count: counts[i].articles,
        newArticles: counts[i].newArticles,
        newFacts: counts[i].newFacts,
      })),
      noTopic: counts[topics.length].articles,
      highlights,
    };
  }

  return {
    async 'backup:articles'({ after, limit }) {
      return readArticlesPage(await deps.db, after, limit);
    },

    async 'backup:highlights'({ after, limit }) {
      return readHighlightsPage(await deps.db, after, limit);
    },

    ...createRestoreHandlers({
      database: () => deps.db,
      loadTopics: deps.loadTopics,
      saveTopics: deps.saveTopics,
      indexSearch,
      now,
      watch,
    }),

    async 'capture:save'(capture, { tabId, url }) {
      const problem = provenanceProblem(capture.article, url);
      if (problem) throw new Refusal(`capture refused: ${problem}`);
      return storeCapture(capture, tabId);
    },

    async 'capture:failed'() {
      return (await failed.list()).map(({ capture, error, failedAt }) => ({
        title: capture.article.title,
        url: capture.article.url,
        error,
        failedAt,
      }));
    },

    async 'capture:retry-failed'() {
      let saved = 0;
      for (const { capture } of await failed.list()) {
        try {
          // No tab: the page it came from may be long closed, and its badge was set (or not) back then.
          await storeCapture(capture, undefined);
          saved++;
        } catch {
          // Still failing: storeCapture has kept it in the list (or dropped it, if no tracked topic is left).
        }
      }
      return { saved, failed: (await failed.list()).length };
    },

    async 'tab:clip'({ tabId, topicId }) {
      const topics = await deps.loadTopics();
      if (!topics.some((t) => t.id === topicId)) throw new Error('That topic no longer exists.');
      const record = await clipTab(tabId, topicId);
      if (!record) throw new Error('No article text was found on this page.');
      const tabTopicCount = await deps.tabTopics.add(
        tabId,
        record.topicIds.filter((id) => topics.some((t) => t.id === id)),
      );
      await deps.setBadge(tabId, tabTopicCount);
      return { articleId: record.id, title: record.title };
    },

    async 'page:activate'(_payload, { tabId }) {
      if (tabId === undefined) throw new Error('no tab to activate');
      await deps.injectExtractor(tabId);
      return { injected: true as const };
    },

    async 'highlight:add'({ pageUrl, articleUrl, selectors }, { tabId, url }) {
      if (!url || !sameOrigin(pageUrl, url))
        throw new Refusal("highlight refused: the page is not the sending tab's page");
      const db = await deps.db;
      // A highlight belongs to an article of the page's own site; one named on another site is the page's own.
      let articleId = await articleIdFor(sameSite(articleUrl, pageUrl) ? articleUrl : pageUrl);
      if (!(await getArticle(db, articleId)) && tabId !== undefined) {
        // Highlighting a page that was not captured yet clips it (to the topics it matches, if any).
        articleId = (await clipTab(tabId))?.id ?? articleId;
      }
      const time = now();
      const id = newHighlightId();
      await written(
        addHighlight(
          db,
          {
            id,
            pageUrl: cleanUrl(pageUrl) ?? pageUrl,
            articleId,
            selectors,
            note: '',
            placed: true,
            createdAt: time,
            updatedAt: time,
          },
          time,
        ),
      );
      return { id };
    },

    async 'highlight:for-page'({ pageUrl }, { url }) {
      // A page reads only its own page's highlights: what the reader highlighted elsewhere is none of its business.
      if (!url || !sameOrigin(pageUrl, url))
        throw new Refusal("highlights refused: the page is not the sending tab's page");
      const records = await pageHighlights(await deps.db, cleanUrl(pageUrl) ?? pageUrl);
      return records.map(({ id, selectors, legacyPositions }) =>
        legacyPositions ? { id, selectors, legacyPositions } : { id, selectors },
      );
    },

    async 'highlight:placement'(report) {
      await recordPlacement(await deps.db, report);
      return { recorded: true as const };
    },

    async 'highlight:confirm'({ id }) {
      return { confirmed: await written(confirmMaybeHere(await deps.db, id, now())) };
    },

    async 'highlight:request'(_payload, { tabId }) {
      if (tabId === undefined) throw new Error('no tab to highlight in');
      return deps.highlightSelectionIn(tabId);
    },

    async 'highlight:note'({ id, note }) {
      return summarizeHighlight(await written(updateHighlightNote(await deps.db, id, note, now())));
    },

    async 'highlight:delete'({ id }) {
      return (await written(deleteHighlight(await deps.db, id, now()))) ?? null;
    },

    async 'highlight:restore'({ record }) {
      await written(addHighlight(await deps.db, record, now()));
      return { restored: true as const };
    },

    async 'tab:article'({ tabId }) {
      await deps.injectExtractor(tabId);
      return deps.extractFromTab(tabId);
    },

    async 'tab:mark-facts'({ tabId, on }) {
      return deps.markFactsIn(tabId, on);
    },

    async 'facts:for-urls'({ urls }, { url: senderUrl }) {
      const db = await deps.db;
      // Only the sender's site's articles: a page learns nothing of what the reader keeps from other sites.
      const own = senderUrl ? urls.filter((url) => sameSite(url, senderUrl)) : [];
      const records = await Promise.all(own.map(async (url) => getArticle(db, await articleIdFor(url))));
      return records.flatMap((record) => record?.facts.map((f) => f.text) ?? []);
    },

    async 'digest:get'() {
      return listDigest(await deps.db, await deps.loadTopics());
    },

    async 'digest:overview'() {
      return watch.read(() => overview());
    },

    async 'digest:seen'({ lists }) {
      const before = await markListsSeen(await deps.db, lists, now());
      // The popup draws a topic's cards on this answer: the badge follows without holding it up.
      badgeFollows();
      return { seenBefore: before.map((counts) => counts.seenAt) };
    },

    async 'digest:activity'({ list, days }) {
      const lastDay = dayOf(now());
      return watch.read(async () => ({
        lastDay,
        captures: await readDayCounts(await deps.db, list, lastDay - days + 1, lastDay),
      }));
    },

    async 'digest:articles'({ list, after, limit }) {
      return watch.read(async () => listArticles(await deps.db, list, after, limit));
    },

    async 'digest:highlights'({ after, limit }) {
      return watch.read(async () => listHighlights(await deps.db, after, limit));
    },

    async 'search:query'({ query, limit }) {
      return watch.read(async () => search(await deps.db, await deps.loadTopics(), query, limit));
    },

    async 'search:status'() {
      return { pending: await pendingSearchItems(await deps.db) };
    },

    async 'topic:count'({ topicId }) {
      return { articles: await countTopicArticles(await deps.db, topicId) };
    },

    async 'topic:forget'({ topicId, deleteArticles }) {
      const db = await deps.db;
      const articles = deleteArticles
        ? await written(deleteTopicArticles(db, topicId, now()))
        : await releaseTopic(db, topicId);
      return { articles };
    },

    async 'article:delete'({ id }) {
      return (await written(deleteArticle(await deps.db, id, now()))) ?? null;
    },

    async 'article:not-about'({ id, topicId, notAbout, order }) {
      const db = await deps.db;
      // The order before the verdict goes back to the popup, whose undo sends it with the verdict taken back.
      const before = (await getArticle(db, id))?.topicIds ?? [];
      const record = await setNotAbout(db, id, topicId, notAbout, now(), order);
      if (!record) throw new Error('That article is no longer stored.');
      return { topicIds: record.topicIds, topicIdsBefore: before };
    },

    async 'topic:not-about'({ topicId }) {
      return listNotAbout(await deps.db, topicId);
    },

    async 'article:restore'({ record }) {
      await written(restoreArticle(await deps.db, record, now()));
      return { restored: true as const };
    },
  };
}
