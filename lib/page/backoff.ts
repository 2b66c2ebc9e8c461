// Retry timing shared by the page scripts' messages to the background (the gate's activation, the extractor's
// captures): a stopped worker wakes on the next message, so waiting a little and sending again is enough.
// Only the dependency-free envelope is imported: the gate loads this on every page.
import { isRefused, isUnanswered } from '../messaging/envelope';

export interface BackoffOptions {
  /** The first retry's delay. */
  baseMs: number;
  /** No delay grows beyond this. */
  capMs: number;
  /** Attempts in all, the first send included, while the background answers with an error (a write it could not make). */
  maxAttempts: number;
  /**
   * Attempts in all while the background does not answer (its worker stopped, or starting slowly on a busy machine):
   * more than maxAttempts, since every retry wakes the worker and no one but the sender remembers the request.
   */
  maxUnansweredAttempts: number;
}

/** 8 answered failures span 31.5 s of waits; 24 unanswered ones, about 2 min 40 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 8000, maxAttempts: 8, maxUnansweredAttempts: 24 };

/** The wait before retry number `retry` (0 for the first retry): 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s … */
export function backoffDelay(retry: number, options: Pick<BackoffOptions, 'baseMs' | 'capMs'> = DEFAULT_BACKOFF) {
  // 2 ** 30 already dwarfs any cap; stopping there keeps the figure finite.
  return Math.min(options.capMs, options.baseMs * 2 ** Math.min(Math.max(0, retry), 30));
}

/**
 * Runs `attempt` until it resolves, waiting backoffDelay between tries and telling `onFailure` of each failed try
 * (counting from 1); rejects with the last error after the last attempt its kind is worth (see BackoffOptions), at
 * once for a refusal (the background said no for good: asking again cannot help).
 */
export async function retried<T>(
  attempt: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
  options: BackoffOptions = DEFAULT_BACKOFF,
  onFailure?: (tries: number, error: unknown) => void,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      onFailure?.(tries, error);
      const bound = isUnanswered(error) ? options.maxUnansweredAttempts : options.maxAttempts;
      if (isRefused(error) || tries >= bound) throw error;
      await sleep(backoffDelay(tries - 1, options));
    }
  }
}
