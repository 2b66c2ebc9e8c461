// Wires browser events to Beatwatch's background logic (lib/background). The only owner of
// the IndexedDB database.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureGateRegistered } from '@/lib/background/gate-registration';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { badgeText, memoryArea, TabTopics, type SessionArea } from '@/lib/background/tab-topics';
import { pageHighlights } from '@/lib/db/highlights';
import { openDatabase } from '@/lib/db/database';
import { cleanUrl } from '@/lib/extract/url';
import { extractFacts } from '@/lib/facts/extract';
import { classifySender, createReceiver } from '@/lib/messaging/protocol';
import { sendToTab } from '@/lib/messaging/extension-senders';
import { loadTopics } from '@/lib/settings';
import { compileTopics } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';

const HIGHLIGHT_MENU_ID = 'beatwatch-highlight';
const HIGHLIGHT_COMMAND = 'highlight-selection';
const HIGHLIGHT_CSS =
  '::highlight(beatwatch-highlight){background-color:rgba(255,210,63,.55);color:inherit}' +
  '::highlight(beatwatch-fact){background-color:rgba(90,170,255,.35);color:inherit}';

export default defineBackground(() => {
  // The gate content script on every page (registered, not declared: see gate-registration.ts).
  void ensureGateRegistered(browser.scripting).catch((error: unknown) =>
    console.error('Beatwatch: cannot register the gate', error),
  );
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

  const injectHighlighter = async (tabId: number) => {
    await browser.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/highlighter.js'] });
  };

  const highlightSelectionIn = async (tabId: number) => {
    await injectHighlighter(tabId);
    return sendToTab(tabId, 'page:highlight-selection', {});
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
    highlightSelectionIn,
    markFactsIn: async (tabId, on) => {
      await injectHighlighter(tabId);
      return sendToTab(tabId, 'page:mark-facts', { on });
    },
    matchArticle: (article, topics) => matchTopics(article, compileTopics(topics)),
    // Seven, the most the digest shows: on the seed page it finds five of the six facts its README names, five finds four.
    factsFor: (article, matches) =>
      extractFacts(article, { max: 7, topicTerms: [...new Set(matches.flatMap((m) => m.hits.map((h) => h.term)))] }),
  });

  const receive = createReceiver('background', handlers, (sender) =>
    classifySender(sender, browser.runtime.id, browser.runtime.getURL('/')),
  );
  browser.runtime.onMessage.addListener((message, sender) => receive(message, sender));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new document in the tab starts a new count; the gate and extractor recapture.
    if (change.status === 'loading' && change.url) void tabTopics.clear(tabId).then(() => setBadge(tabId, 0));
    // A page with stored highlights gets them painted again.
    if (change.status === 'complete' && tab.url && /^https?:/.test(tab.url)) {
      void hasHighlights(tab.url)
        .then((yes) => (yes ? injectHighlighter(tabId) : undefined))
        .catch(() => {});
    }
  });

  const hasHighlights = async (url: string) => (await pageHighlights(await db, cleanUrl(url) ?? url)).length > 0;

  // Highlighting by context menu and by keyboard shortcut (rebindable in the browser's shortcut settings).
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: 'Highlight with Beatwatch', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID && tab?.id !== undefined)
      void highlightSelectionIn(tab.id).catch(() => {});
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== HIGHLIGHT_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await highlightSelectionIn(tab.id).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabTopics.clear(tabId));
});
