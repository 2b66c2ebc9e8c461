// Wires browser events to Beatwatch's background logic (lib/background). The only owner of
// the IndexedDB database.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { badgeText, memoryArea, TabTopics, type SessionArea } from '@/lib/background/tab-topics';
import { openDatabase } from '@/lib/db/open';
import { classifySender, createReceiver } from '@/lib/messages';
import { sendToTab } from '@/lib/send';
import { loadTopics } from '@/lib/settings';
import { compileTopics, matchTopics } from '@/lib/topics/match';

export default defineBackground(() => {
  // Opened once per worker life; handlers await the promise (main() cannot be async).
  const db = openDatabase();
  const session = (browser.storage as { session?: SessionArea }).session;
  const tabTopics = new TabTopics(session ?? memoryArea());
  // Firefox's MV2 build has browserAction, Chrome's MV3 build has action.
  const action = browser.action ?? browser.browserAction;

  const setBadge = async (tabId: number, count: number) => {
    await action.setBadgeBackgroundColor({ tabId, color: '#1f5f8b' });
    await action.setBadgeText({ tabId, text: badgeText(count) });
  };

  const handlers = createBackgroundHandlers({
    db,
    loadTopics,
    tabTopics,
    setBadge,
    injectExtractor: async (tabId) => {
      // The extractor guards against a second load, so repeated injections are harmless.
      await browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
    },
    extractFromTab: (tabId) => sendToTab(tabId, 'page:extract-main', {}),
    matchArticle: (article, topics) => matchTopics(article, compileTopics(topics)),
    // Key facts arrive with lib/facts (issue "Key facts and highlights").
    factsFor: () => [],
  });

  const receive = createReceiver('background', handlers, (sender) =>
    classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')),
  );
  browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab starts a new count; the content script recaptures.
    if (change.status === 'loading' && change.url) void tabTopics.clear(tabId).then(() => setBadge(tabId, 0));
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabTopics.clear(tabId));
});
