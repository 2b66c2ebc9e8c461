// The page side of the protocol in lib/messages.ts: what the background asks of the scripts it loads into a
// page (the extractor, the highlighter). The background is the protocol's boundary and zod-checks everything it
// receives; what it sends a page is its own. So a page checks the sender, the envelope and the direction, and
// reads the few payload fields by hand: zod stays out of the scripts injected into pages, where building its
// schemas cost several milliseconds of each article page's longest task.
import type { Reply } from './envelope';
import type { Handlers, SenderInfo } from './messages';

type PageHandlers = Handlers<'content'>;
type PageMessage = keyof PageHandlers;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const noFields = (payload: unknown) => (isRecord(payload) && Object.keys(payload).length === 0 ? {} : undefined);

/** Every message the background may send a page, with its payload read (undefined when malformed). */
const pagePayloads: { [T in PageMessage]: (payload: unknown) => Parameters<PageHandlers[T]>[0] | undefined } = {
  'page:highlight-selection': noFields,
  'page:extract-main': noFields,
  'page:mark-facts': (payload) =>
    isRecord(payload) && typeof payload.on === 'boolean' && Object.keys(payload).length === 1 ? { on: payload.on } : undefined,
};

/**
 * Builds a page script's receiving side. Several Beatwatch scripts listen in one page: a page message that this
 * one has no handler for gets no reply from it (undefined), so another can answer.
 */
export function createPageReceiver(handlers: Partial<PageHandlers>, isBackground: (sender: SenderInfo) => boolean) {
  const table = handlers as Record<string, ((payload: unknown) => unknown) | undefined>;
  return (raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined => {
    if (!isRecord(raw) || raw.beatwatch !== 1 || typeof raw.type !== 'string' || Object.keys(raw).some((k) => k !== 'beatwatch' && k !== 'type' && k !== 'payload')) {
      return Promise.resolve({ ok: false, error: 'not a Beatwatch message' });
    }
    const type = raw.type;
    const read = Object.hasOwn(pagePayloads, type) ? pagePayloads[type as PageMessage] : undefined;
    if (!read) return Promise.resolve({ ok: false, error: `unknown message "${type.slice(0, 64)}"` });
    const handler = Object.hasOwn(table, type) ? table[type] : undefined;
    if (!handler) return undefined;
    return (async (): Promise<Reply<unknown>> => {
      if (!isBackground(sender)) return { ok: false, error: `"${type}" is not accepted from this sender` };
      const payload = read(raw.payload);
      if (payload === undefined) return { ok: false, error: `invalid "${type}" payload` };
      try {
        return { ok: true, result: (await handler(payload)) ?? null };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };
}
