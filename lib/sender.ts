// Typed senders for the protocol in messages.ts, over whichever extension API the caller hands in: the
// polyfilled one for most of Beatwatch (lib/send.ts), the browser's own for the gate that runs on every page.
// Type-only imports of messages.ts keep zod out.
import { unwrapReply, wrap } from './envelope';
import type { MessageType, PayloadOf, Protocol, ResultOf } from './messages';

export type ToBackground = { [T in MessageType]: Protocol[T]['to'] extends 'background' ? T : never }[MessageType];
export type ToContent = { [T in MessageType]: Protocol[T]['to'] extends 'content' ? T : never }[MessageType];

export interface RuntimeMessaging {
  sendMessage(message: unknown): Promise<unknown>;
}

export interface TabMessaging {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

export function backgroundSender(runtime: RuntimeMessaging) {
  return async <T extends ToBackground>(type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> =>
    unwrapReply<ResultOf<T>>(await runtime.sendMessage(wrap(type, payload)));
}

export function tabSender(tabs: TabMessaging) {
  return async <T extends ToContent>(tabId: number, type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> =>
    unwrapReply<ResultOf<T>>(await tabs.sendMessage(tabId, wrap(type, payload)));
}
