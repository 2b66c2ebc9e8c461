// Typed senders for the protocol in messages.ts over the polyfilled extension API: the one place most of
// Beatwatch calls runtime/tabs messaging from (the gate builds its own, see entrypoints/gate.ts).
import { browser } from 'wxt/browser';
import { backgroundSender, tabSender } from './sender';

export const sendToBackground = backgroundSender(browser.runtime);
export const sendToTab = tabSender(browser.tabs);
