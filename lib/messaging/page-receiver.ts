// The page side of the protocol (protocol.ts): what the background asks of the scripts it loads into a
// page (the extractor, the highlighter). The background is the protocol's boundary and zod-checks everything it
// receives; what it sends a page is its own. So a page checks the sender, the envelope and the direction, and
// reads the few payload fields by hand: zod stays out of the scripts injected into pages, where building its
// schemas cost several milliseconds of each article page's longest task.
import { isRecord, receiveWith } from './envelope';
import type { Handlers, SenderInfo } from './protocol';

type PageHandlers = Handlers<'page'>;
type PageMessage = keyof PageHandlers;

const noFields = (payload: unknown) => (isRecord(payload) && Object.keys(payload).length === 0 ? {} : undefined);

/** Every message the background may send a page, with its payload read (undefined when malformed). */
const pagePayloads: { [T in PageMessage]: (payload: unknown) => Parameters<PageHandlers[T]>[0] | undefined } = {
  'page:highlight-selection': noFields,
  'page:extract-main': noFields,
  'page:mark-facts': (payload) =>
    isRecord(payload) && typeof payload.on === 'boolean' && Object.keys(payload).length === 1
      ? { on: payload.on }
      : undefined,
};

/** Builds a page script's receiving side (see receiveWith in lib/envelope.ts). */
export function createPageReceiver(handlers: Partial<PageHandlers>, isBackground: (sender: SenderInfo) => boolean) {
  return receiveWith<SenderInfo>(
    (type) => {
      const read = Object.hasOwn(pagePayloads, type) ? pagePayloads[type as PageMessage] : undefined;
      if (!read) return undefined;
      return {
        accepts: isBackground,
        read: (payload) => {
          const value = read(payload);
          return value === undefined ? { ok: false, error: '' } : { ok: true, value };
        },
      };
    },
    handlers as Record<string, ((payload: unknown) => unknown) | undefined>,
  );
}

/** The part of the extension API a page script listens with. */
export interface PageRuntime {
  id: string;
  onMessage: {
    addListener(listener: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined): void;
  };
}

/**
 * Answers the background's messages in a page script: only the background may send them (the extension's id, and
 * no tab: another page script or a web page cannot pose as it).
 */
export function listenToBackground(runtime: PageRuntime, handlers: Partial<PageHandlers>): void {
  const receive = createPageReceiver(handlers, (sender) => sender.id === runtime.id && !sender.tab);
  runtime.onMessage.addListener((message, sender) => receive(message, sender));
}
