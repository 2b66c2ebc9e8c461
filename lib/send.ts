// Typed senders for the protocol in messages.ts: the one place that calls runtime/tabs messaging.
import { browser } from 'wxt/browser';
import { envelope, unwrapReply, type MessageType, type PayloadOf, type Protocol, type ResultOf } from './messages';

type ToBackground = { [T in MessageType]: Protocol[T]['to'] extends 'background' ? T : never }[MessageType];
type ToContent = { [T in MessageType]: Protocol[T]['to'] extends 'content' ? T : never }[MessageType];

export async function sendToBackground<T extends ToBackground>(type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> {
  return unwrapReply<ResultOf<T>>(await browser.runtime.sendMessage(envelope(type, payload)));
}

export async function sendToTab<T extends ToContent>(tabId: number, type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> {
  return unwrapReply<ResultOf<T>>(await browser.tabs.sendMessage(tabId, envelope(type, payload)));
}
