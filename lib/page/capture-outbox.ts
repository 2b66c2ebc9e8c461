// The page's outbox of captures: each capture is sent on its own and counts as sent only when the background has
// acknowledged the write. A failure (a worker stopped mid-write, a write the browser refused) is retried with backoff
// (a missing answer for longer than an error answer: see backoff.ts), and the retry itself wakes a stopped worker; a
// refusal (the background's schema or provenance said no, which no retry can change) is given up at once. Every
// capture carries an id the background remembers, so a retry of a write that did land (only its answer was lost)
// changes nothing. No zod, no extension API: pure and tested.
import { isRefused, UnansweredError } from '../messaging/envelope';
import type { Capture } from '../schema';
import { backoffDelay, DEFAULT_BACKOFF, retried, type BackoffOptions } from './backoff';

export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions };

/** A capture with the id its retries share. */
export type IdentifiedCapture = Capture & { captureId: string };

export interface OutboxDeps {
  send: (capture: IdentifiedCapture) => Promise<unknown>;
  sleep: (ms: number) => Promise<void>;
  newId: () => string;
  backoff?: BackoffOptions;
  /** A send that has not answered by then is retried (a write that did land is not counted twice). */
  timeoutMs?: number;
  /** Told of each failed attempt (DevTools and the reliability suite see the retries). */
  onFailure?: (capture: IdentifiedCapture, attempt: number, error: string) => void;
  /** Told how a capture ended after `attempts` tries (the reliability suite waits for every retried capture's end). */
  onSettled?: (capture: IdentifiedCapture, attempts: number, result: OutboxResult) => void;
}

/** `refused`: the background refused the capture for good (it was tried once, and must not be sent again as is). */
export type OutboxResult = { ok: true; capture: IdentifiedCapture } | { ok: false; error: string; refused?: true };

export interface CaptureOutbox {
  /**
   * Sends a capture unless the same `key` is already waiting; resolves once it was acknowledged or, after the last
   * attempt, given up (the key is then free for a later try).
   */
  put(key: string, capture: Capture): Promise<OutboxResult>;
  /** Captures not yet acknowledged. */
  readonly pending: number;
}

function withTimeout<T>(work: Promise<T>, ms: number | undefined, sleep: (ms: number) => Promise<void>): Promise<T> {
  if (ms === undefined) return work;
  return Promise.race([
    work,
    sleep(ms).then(() => {
      throw new UnansweredError(`no answer in ${ms} ms`);
    }),
  ]);
}

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

export function createCaptureOutbox(deps: OutboxDeps): CaptureOutbox {
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const waiting = new Map<string, Promise<OutboxResult>>();

  async function deliver(capture: IdentifiedCapture): Promise<OutboxResult> {
    let attempts = 0;
    const send = () => {
      attempts++;
      return withTimeout(deps.send(capture), deps.timeoutMs, deps.sleep);
    };
    try {
      await retried(send, deps.sleep, backoff, (tries, cause) => deps.onFailure?.(capture, tries, messageOf(cause)));
      return settled(capture, attempts, { ok: true, capture });
    } catch (cause) {
      const error = messageOf(cause);
      return settled(capture, attempts, isRefused(cause) ? { ok: false, error, refused: true } : { ok: false, error });
    }
  }

  function settled(capture: IdentifiedCapture, attempts: number, result: OutboxResult): OutboxResult {
    deps.onSettled?.(capture, attempts, result);
    return result;
  }

  return {
    put(key, capture) {
      const already = waiting.get(key);
      if (already) return already;
      const delivery = deliver({ ...capture, captureId: deps.newId() }).finally(() => waiting.delete(key));
      waiting.set(key, delivery);
      return delivery;
    },
    get pending() {
      return waiting.size;
    },
  };
}

/** A capture id (32 hex digits): crypto.randomUUID exists only in secure contexts, and news is still read over http. */
export function newCaptureId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
