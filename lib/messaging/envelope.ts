// The wire format of Beatwatch's messages and the receiving mechanics, with no dependencies:
// scripts in pages import this, not the zod schemas in messages.ts.

export interface Envelope {
  beatwatch: 1;
  type: string;
  payload: unknown;
}

/**
 * A reply. An error reply marked `refused` is a refusal that will never succeed (a malformed or foreign message, a
 * payload the schema rejects, a capture provenance refuses): its sender must not try again. Any other error (a write
 * the browser refused, say) may succeed later; no reply at all (a stopped worker) is the sender's to retry.
 */
export type Reply<R> = { ok: true; result: R } | { ok: false; error: string; refused?: true; problem?: unknown };

/** Thrown by a handler for a request that will never succeed as sent: the reply says so (see Reply). */
export class Refusal extends Error {
  override name = 'Refusal';
}

/**
 * The error a sender sees when the receiver answered with one. `problem` is what the receiver's error carried for the
 * reader (a code and its details, e.g. a refused restore's: lib/backup/backup-errors.ts), as sent: the sender
 * validates it before use.
 */
export class AnsweredError extends Error {
  override name = 'AnsweredError';
  constructor(
    message: string,
    readonly problem?: unknown,
  ) {
    super(message);
  }
}

/** The error a sender sees for a refused request: retrying it cannot help. */
export class RefusedError extends AnsweredError {
  override name = 'RefusedError';
}

/** Whether an error from a send is a refusal (not worth retrying), as opposed to a failure that may pass. */
export function isRefused(error: unknown): boolean {
  return error instanceof RefusedError;
}

/**
 * The error a sender sees when the background gave no answer at all: a worker stopped before or while it handled the
 * request, or one that did not answer in time. Nothing but the sender remembers such a request, so it is worth more
 * tries than an error the background answered with (see lib/page/backoff.ts).
 */
export class UnansweredError extends Error {
  override name = 'UnansweredError';
}

export function isUnanswered(error: unknown): boolean {
  return error instanceof UnansweredError;
}

/**
 * What a failed send means: a script whose extension was reloaded or removed can never be answered ("Extension
 * context invalidated"), so that stays a plain error; any other rejection of sendMessage is a missing answer.
 */
export function unanswered(cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return /context invalidated/i.test(message) ? new Error(message) : new UnansweredError(message);
}

export function wrap(type: string, payload: unknown): Envelope {
  return { beatwatch: 1, type, payload };
}

/** Turns a reply into its result, or throws its error: callers see one Promise. */
export function unwrapReply<R>(reply: unknown): R {
  if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
    throw new Error('Beatwatch: no valid answer');
  }
  const { ok, result, error, refused, problem } = reply as {
    ok: boolean;
    result?: unknown;
    error?: unknown;
    refused?: unknown;
    problem?: unknown;
  };
  if (!ok) {
    const message = typeof error === 'string' ? error : 'Beatwatch: request failed';
    throw refused === true ? new RefusedError(message, problem) : new AnsweredError(message, problem);
  }
  return result as R;
}

/** A plain object (not null, not an array): what envelopes and payloads must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The envelope of a Beatwatch message, or undefined for anything else. */
export function readEnvelope(raw: unknown): Envelope | undefined {
  if (!isRecord(raw)) return undefined;
  const { beatwatch, type } = raw;
  if (beatwatch !== 1 || typeof type !== 'string' || type.length > 64) return undefined;
  if (Object.keys(raw).some((key) => key !== 'beatwatch' && key !== 'type' && key !== 'payload')) return undefined;
  return raw as unknown as Envelope;
}

/** How a receiver treats one message type: whether a sender may send it, and how its payload is read. */
export interface Route<S> {
  accepts(sender: S): boolean;
  read(payload: unknown): { ok: true; value: unknown } | { ok: false; error: string };
}

export interface SenderContext {
  url?: string;
  tab?: { id?: number; url?: string };
}

type Handler = (payload: unknown, context: { tabId?: number; url?: string }) => unknown;

/**
 * The receiving side: checks the envelope, the route (unknown types are refused), the sender and the payload,
 * then calls the handler; a bad message gets an error reply and reaches no handler. A known message this
 * receiver has no handler for gets no reply from it (undefined), so another listener (in a page, another
 * Beatwatch script) can answer.
 */
export function receiveWith<S extends SenderContext>(
  routeOf: (type: string) => Route<S> | undefined,
  handlers: Record<string, Handler | undefined>,
) {
  return (raw: unknown, sender: S): Promise<Reply<unknown>> | undefined => {
    const envelope = readEnvelope(raw);
    if (!envelope) return Promise.resolve({ ok: false, error: 'not a Beatwatch message', refused: true });
    const { type } = envelope;
    const route = routeOf(type);
    if (!route) return Promise.resolve({ ok: false, error: `unknown message "${type}"`, refused: true });
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    if (!handler) return undefined;
    return (async (): Promise<Reply<unknown>> => {
      if (!route.accepts(sender))
        return { ok: false, error: `"${type}" is not accepted from this sender`, refused: true };
      const payload = route.read(envelope.payload);
      if (!payload.ok)
        return {
          ok: false,
          error: `invalid "${type}" payload${payload.error ? `: ${payload.error}` : ''}`,
          refused: true,
        };
      try {
        // The frame's address, else the tab's: handlers check that a page script speaks only for its own page.
        const context = { tabId: sender.tab?.id, url: sender.url ?? sender.tab?.url };
        return { ok: true, result: (await handler(payload.value, context)) ?? null };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // A reader problem the error carries (a code and details) goes along, for the sender to say in its language.
        const problem = isRecord(error) && isRecord(error.problem) ? { problem: error.problem } : {};
        return error instanceof Refusal
          ? { ok: false, error: message, refused: true, ...problem }
          : { ok: false, error: message, ...problem };
      }
    })();
  };
}
