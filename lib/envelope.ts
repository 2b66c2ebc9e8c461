// The wire format of Beatwatch's messages, with no dependencies: the gate content script
// that runs on every page imports this, not the zod schemas in messages.ts.

export interface Envelope {
  beatwatch: 1;
  type: string;
  payload: unknown;
}

export type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

export function wrap(type: string, payload: unknown): Envelope {
  return { beatwatch: 1, type, payload };
}

/** Turns a reply into its result, or throws its error: callers see one Promise. */
export function unwrapReply<R>(reply: unknown): R {
  if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
    throw new Error('Beatwatch: no valid answer');
  }
  const { ok, result, error } = reply as { ok: boolean; result?: unknown; error?: unknown };
  if (!ok) throw new Error(typeof error === 'string' ? error : 'Beatwatch: request failed');
  return result as R;
}
