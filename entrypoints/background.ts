// Wires browser events to Beatwatch's background logic (lib/background). The only owner of
// the IndexedDB database.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { factsFor, matchArticle } from '@/lib/background/capture-analysis';
import { checkCountsWhenDue } from '@/lib/background/count-check';
import { ensureGateRegistered } from '@/lib/background/gate-registration';
import { FailedCaptures } from '@/lib/background/failed-captures';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { finishedWebPage, pageScripts, startsNewDocument } from '@/lib/background/page-scripts';
import { SearchIndexer } from '@/lib/background/search-indexer';
import { memoryArea, TabTopics, type SessionArea } from '@/lib/background/tab-topics';
import { topicSync } from '@/lib/background/topic-sync';
import { badgeModes } from '@/lib/background/toolbar-badge';
import { pageHighlights } from '@/lib/db/highlights';
import { reopeningDatabase } from '@/lib/db/database';
import { readListCounts } from '@/lib/db/list-counts';
import { BADGE_MODE_KEY, loadBadgeMode } from '@/lib/settings/badge-mode';
import { cleanUrl } from '@/lib/extract/url';
import { classifySender, createReceiver } from '@/lib/messaging/protocol';
import { sendToTab } from '@/lib/messaging/extension-senders';
import { loadTopics, saveTopics } from '@/lib/topics/settings';
import { onTopicsChanged } from '@/lib/topics/storage';
import { ensurePersistent } from '@/lib/storage/durability';
import { t } from '@/lib/i18n/messages';

const HIGHLIGHT_MENU_ID = 'beatwatch-highlight';
const HIGHLIGHT_COMMAND = 'highlight-selection';

export default defineBackground(() => {
  // The gate content script on every page (registered, not declared: see gate-registration.ts).
  void ensureGateRegistered(browser.scripting).catch((error: unknown) =>
    console.error('Beatwatch: cannot register the gate', error),
  );
  // Opened on first use and awaited on every use (main() cannot be async); reopened if the browser closes it.
  const db = reopeningDatabase();
  // Durable storage at once, before the reader opens any page: Firefox's background page may ask (unlimitedStorage
  // grants it without a prompt); Chromium's worker has no persist() and this quietly does nothing there.
  void ensurePersistent(navigator.storage);
  // Search catches up with whatever changed while no worker ran (or rebuilds a missing index).
  const indexer = new SearchIndexer(db);
  void indexer.start();
  // Articles follow the topics: a topic deleted elsewhere leaves its articles in No topic, a new one takes its own.
  const syncTopics = topicSync(db, loadTopics);
  // Then the counts' daily self-check, once the articles follow the topics.
  void syncTopics()
    .then(async () =>
      checkCountsWhenDue(
        await db,
        (await loadTopics()).map((t) => t.id),
        Date.now(),
      ),
    )
    .catch((error: unknown) => console.error('Beatwatch: cannot check the counts', error));
  onTopicsChanged(() => void syncTopics());
  const session = (browser.storage as { session?: SessionArea }).session;
  const tabTopics = new TabTopics(session ?? memoryArea());
  const failedCaptures = new FailedCaptures(session ?? memoryArea());
  const badge = badgeModes(browser, '#1f5f8b', {
    mode: () => loadBadgeMode(browser.storage.local),
    newArticles: async () => {
      const counts = await readListCounts(
        await db,
        (await loadTopics()).map((t) => t.id),
      );
      return counts.reduce((sum, c) => sum + c.newArticles, 0);
    },
    tabCounts: async () =>
      Promise.all(
        (await browser.tabs.query({}))
          .flatMap((tab) => (tab.id === undefined ? [] : [tab.id]))
          .map(async (tabId) => [tabId, (await tabTopics.get(tabId)).length] as [number, number]),
      ),
  });
  const setBadge = (tabId: number, count: number) => badge.tab(tabId, count);
  void badge.apply().catch(() => {});
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && BADGE_MODE_KEY in changes) void badge.apply().catch(() => {});
  });
  onTopicsChanged(() => void badge.refresh().catch(() => {}));

  const scripts = pageScripts(
    {
      insertCSS: (injection) => browser.scripting.insertCSS(injection),
      executeScript: ({ target, files }) => browser.scripting.executeScript({ target, files }),
    },
    sendToTab,
  );
  const handlers = createBackgroundHandlers({
    db,
    loadTopics,
    saveTopics,
    tabTopics,
    failedCaptures,
    setBadge,
    matchArticle,
    factsFor,
    indexSearch: () => void indexer.schedule(),
    countsChanged: () => badge.refresh(),
    ...scripts,
  });

  const receive = createReceiver('background', handlers, (sender) =>
    classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')),
  );
  // The reply is the promise the listener returns (undefined: another listener may answer).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));

  const hasHighlights = async (url: string) => (await pageHighlights(await db, cleanUrl(url) ?? url)).length > 0;
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (startsNewDocument(change)) void tabTopics.clear(tabId).then(() => setBadge(tabId, 0));
    if (finishedWebPage(change, tab.url)) {
      void hasHighlights(tab.url)
        .then((yes) => (yes ? scripts.injectHighlighter(tabId) : undefined))
        .catch(() => {});
    }
  });

  // Highlighting by context menu and by keyboard shortcut (rebindable in the browser's shortcut settings).
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: t('contextHighlight'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID && tab?.id !== undefined)
      void scripts.highlightSelectionIn(tab.id).catch(() => {});
  });
  browser.commands.onCommand.addListener((command) => {
    if (command !== HIGHLIGHT_COMMAND) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined ? scripts.highlightSelectionIn(tab.id) : undefined))
      .catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabTopics.clear(tabId));
});
