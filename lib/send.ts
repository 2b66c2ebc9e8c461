// Typed senders for the protocol in messages.ts: the one place that calls runtime/tabs messaging.
// Type-only imports of messages.ts keep zod out of the gate content script.
import { browser } from 'wxt/browser';
import { unwrapReply, wrap } from './envelope';
import type { MessageType, PayloadOf, Protocol, ResultOf } from './messages';

type ToBackground = { [T in MessageType]: Protocol[T]['to'] extends 'background' ? T : never }[MessageType];
type ToContent = { [T in MessageType]: Protocol[T]['to'] extends 'content' ? T : never }[MessageType];

export async function sendToBackground<T extends ToBackground>(type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> {
  return unwrapReply<ResultOf<T>>(await browser.runtime.sendMessage(wrap(type, payload)));
}

export async function sendToTab<T extends ToContent>(tabId: number, type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> {
  return unwrapReply<ResultOf<T>>(await browser.tabs.sendMessage(tabId, wrap(type, payload)));
}
