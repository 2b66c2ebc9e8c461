// Typed senders for the protocol (protocol.ts), over whichever extension API the caller hands in: the polyfilled
// one in extension-senders.ts, the browser's own in the gate, which runs on every page without the polyfill.
// Type-only imports of protocol.ts keep zod out.
import { unanswered, unwrapReply, wrap } from './envelope';
import type { MessageType, PayloadOf, Protocol, ResultOf } from './protocol';

export type ToBackground = { [T in MessageType]: Protocol[T]['to'] extends 'background' ? T : never }[MessageType];
export type ToPage = { [T in MessageType]: Protocol[T]['to'] extends 'page' ? T : never }[MessageType];

export interface RuntimeMessaging {
  sendMessage(message: unknown): Promise<unknown>;
}

export interface TabMessaging {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** A reply, or an UnansweredError when the background gave none (a stopped worker: see envelope.ts). */
export function backgroundSender(runtime: RuntimeMessaging) {
  return async <T extends ToBackground>(type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> => {
    let reply: unknown;
    try {
      reply = await runtime.sendMessage(wrap(type, payload));
    } catch (cause) {
      throw unanswered(cause);
    }
    return unwrapReply<ResultOf<T>>(reply);
  };
}

export function tabSender(tabs: TabMessaging) {
  return async <T extends ToPage>(tabId: number, type: T, payload: PayloadOf<T>): Promise<ResultOf<T>> =>
    unwrapReply<ResultOf<T>>(await tabs.sendMessage(tabId, wrap(type, payload)));
}
