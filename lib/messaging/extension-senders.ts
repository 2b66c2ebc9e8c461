// The protocol's typed senders over the polyfilled extension API, for every script that loads webextension-polyfill:
// the background (sendToTab), the popup, the options page, the extractor and the highlighter (sendToBackground).
// The gate does not load the polyfill: it binds senders.ts to the browser's own API (entrypoints/gate.ts).
import { browser } from 'wxt/browser';
import { backgroundSender, tabSender } from './senders';

export const sendToBackground = backgroundSender(browser.runtime);
export const sendToTab = tabSender(browser.tabs);
