// What the background does for each message. Dependencies come in as arguments so the
// handlers run in unit tests with fake-indexeddb and a fake browser.
import {
  deleteArticle,
  listDigest,
  restoreArticle,
  saveCapture,
} from '../db/articles';
import type { Database } from '../db/open';
import type { Handlers } from '../messages';
import type { ExtractedArticle, FactRecord, Topic, TopicMatchRecord } from '../schema';
import { TabTopics } from './tab-topics';

export interface BackgroundDeps {
  db: Promise<Database>;
  loadTopics: () => Promise<Topic[]>;
  tabTopics: TabTopics;
  setBadge: (tabId: number, count: number) => Promise<void>;
  /** Loads the extractor (Readability, matcher) into a tab; safe to call twice. */
  injectExtractor: (tabId: number) => Promise<void>;
  extractFromTab: (tabId: number) => Promise<ExtractedArticle | null>;
  matchArticle: (article: ExtractedArticle, topics: Topic[]) => TopicMatchRecord[];
  factsFor: (article: ExtractedArticle, matches: TopicMatchRecord[]) => FactRecord[];
  now?: () => number;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<'background'> {
  const now = deps.now ?? Date.now;
  return {
    async 'capture:save'(capture, { tabId }) {
      const topics = await deps.loadTopics();
      const known = new Set(topics.map((t) => t.id));
      // A capture may only claim topics the reader tracks now.
      const matches = capture.matches.filter((m) => known.has(m.topicId));
      if (matches.length === 0) throw new Error('the capture matches no tracked topic');
      const facts = deps.factsFor(capture.article, matches);
      const { record, created } = await saveCapture(await deps.db, { ...capture, matches }, { facts, now: now() });
      let tabTopicCount = 0;
      if (tabId !== undefined) {
        tabTopicCount = await deps.tabTopics.add(tabId, matches.map((m) => m.topicId));
        await deps.setBadge(tabId, tabTopicCount);
      }
      return { articleId: record.id, created, tabTopicCount };
    },

    async 'tab:clip'({ tabId, topicId }) {
      const topics = await deps.loadTopics();
      if (!topics.some((t) => t.id === topicId)) throw new Error('That topic no longer exists.');
      await deps.injectExtractor(tabId);
      const article = await deps.extractFromTab(tabId);
      if (!article) throw new Error('No article text was found on this page.');
      const matches = deps.matchArticle(article, topics);
      const facts = deps.factsFor(article, matches);
      const { record } = await saveCapture(await deps.db, { article, matches }, { clipTo: topicId, facts, now: now() });
      const tabTopicCount = await deps.tabTopics.add(tabId, record.topicIds.filter((id) => topics.some((t) => t.id === id)));
      await deps.setBadge(tabId, tabTopicCount);
      return { articleId: record.id, title: record.title };
    },

    async 'page:activate'(_payload, { tabId }) {
      if (tabId === undefined) throw new Error('no tab to activate');
      await deps.injectExtractor(tabId);
      return { injected: true as const };
    },

    async 'digest:get'() {
      return listDigest(await deps.db, await deps.loadTopics());
    },

    async 'article:delete'({ id }) {
      return (await deleteArticle(await deps.db, id)) ?? null;
    },

    async 'article:restore'({ record }) {
      await restoreArticle(await deps.db, record);
      return { restored: true as const };
    },
  };
}
