import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  createCaptureOutbox,
  DEFAULT_BACKOFF,
  newCaptureId,
  type IdentifiedCapture,
} from '@/lib/page/capture-outbox';
import type { Capture } from '@/lib/schema';
import { CAPTURE_ID_PATTERN } from '@/lib/limits';
import { retried } from '@/lib/page/backoff';
import { RefusedError, UnansweredError, unwrapReply } from '@/lib/messaging/envelope';

const capture = (url: string): Capture => ({
  article: { url, pageUrl: url, title: url, dir: 'ltr', excerpt: 'x', text: 'body' },
  matches: [{ topicId: 't', score: 1, mentions: 1, hits: [] }],
});

/** An outbox whose waits are recorded, not waited. */
function outbox(send: (capture: IdentifiedCapture) => Promise<unknown>, timeoutMs?: number) {
  const waits: number[] = [];
  const failures: string[] = [];
  const endings: string[] = [];
  let ids = 0;
  const box = createCaptureOutbox({
    send,
    sleep: async (ms) => void waits.push(ms),
    newId: () => `capture-${++ids}`,
    timeoutMs,
    onFailure: (capture, attempt, error) => failures.push(`${capture.captureId} ${attempt} ${error}`),
    onSettled: (capture, attempts, result) => endings.push(`${capture.captureId} ${attempts} ${result.ok}`),
  });
  return { box, waits, failures, endings };
}

describe('backoffDelay', () => {
  it('doubles from half a second and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(backoffDelay(10_000)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffDelay(-1)).toBe(500);
  });
});

describe('createCaptureOutbox', () => {
  it('retries a failed send with backoff until acknowledged, the same capture id every time', async () => {
    const seen: string[] = [];
    const { box, waits, failures } = outbox(async (c) => {
      seen.push(c.captureId);
      if (seen.length < 4) throw new Error('The message port closed before a response was received.');
    });
    const result = await box.put('a', capture('https://a.example/1'));
    expect(result).toMatchObject({ ok: true, capture: { captureId: 'capture-1' } });
    expect(seen).toEqual(['capture-1', 'capture-1', 'capture-1', 'capture-1']);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(failures).toEqual(
      [1, 2, 3].map((n) => `capture-1 ${n} The message port closed before a response was received.`),
    );
    expect(box.pending).toBe(0);
  });

  it('gives up after a bounded number of attempts and says why', async () => {
    let attempts = 0;
    const { box, waits } = outbox(async () => {
      attempts++;
      throw new Error('QuotaExceededError');
    });
    expect(await box.put('a', capture('https://a.example/1'))).toEqual({ ok: false, error: 'QuotaExceededError' });
    expect(attempts).toBe(DEFAULT_BACKOFF.maxAttempts);
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('keeps asking a background that does not answer longer than one that answers with an error', async () => {
    let attempts = 0;
    const { box, waits, endings } = outbox(async () => {
      attempts++;
      // What the sender throws for a worker stopped mid-request (lib/messaging/senders.ts).
      throw new UnansweredError('Could not establish connection. Receiving end does not exist.');
    });
    const result = await box.put('a', capture('https://a.example/1'));
    expect(result).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    expect(attempts).toBe(DEFAULT_BACKOFF.maxUnansweredAttempts);
    expect(DEFAULT_BACKOFF.maxUnansweredAttempts).toBeGreaterThan(DEFAULT_BACKOFF.maxAttempts);
    expect(waits.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(new Set(waits.slice(4))).toEqual(new Set([8000]));
    expect(endings).toEqual([`capture-1 ${DEFAULT_BACKOFF.maxUnansweredAttempts} false`]);
  });

  it('stores a capture the worker answers only after 20 missing answers, and says so once', async () => {
    let attempts = 0;
    const { box, endings } = outbox(async () => {
      if (++attempts <= 20) throw new UnansweredError('The message port closed before a response was received.');
    });
    expect(await box.put('a', capture('https://a.example/1'))).toMatchObject({ ok: true });
    expect(attempts).toBe(21);
    expect(endings).toEqual(['capture-1 21 true']);
  });

  it('counts answered errors against the shorter bound, whatever missing answers came before', async () => {
    let attempts = 0;
    const { box } = outbox(async () => {
      attempts++;
      if (attempts <= 5) throw new UnansweredError('worker stopped');
      return unwrapReply({ ok: false, error: 'QuotaExceededError' });
    });
    expect(await box.put('a', capture('https://a.example/1'))).toEqual({ ok: false, error: 'QuotaExceededError' });
    expect(attempts).toBe(DEFAULT_BACKOFF.maxAttempts);
  });

  it('gives up at once on a refusal (schema, provenance): one attempt, no wait, said as refused', async () => {
    let attempts = 0;
    const { box, waits, failures } = outbox(async () => {
      attempts++;
      // As the background replies to a capture provenance refuses; unwrapReply is what the real sender runs.
      return unwrapReply({ ok: false, error: 'capture refused: the article is on another site', refused: true });
    });
    expect(await box.put('a', capture('https://a.example/1'))).toEqual({
      ok: false,
      error: 'capture refused: the article is on another site',
      refused: true,
    });
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
    expect(failures).toEqual(['capture-1 1 capture refused: the article is on another site']);
    expect(box.pending).toBe(0);
  });

  it('still retries an error reply that is not a refusal (a write the browser refused may pass later)', async () => {
    let attempts = 0;
    const { box } = outbox(async () => {
      if (++attempts < 3) return unwrapReply({ ok: false, error: 'QuotaExceededError: the quota has been exceeded' });
      return unwrapReply({ ok: true, result: { created: true } });
    });
    expect(await box.put('a', capture('https://a.example/1'))).toMatchObject({ ok: true });
    expect(attempts).toBe(3);
  });

  it('sends each capture on its own: one failing does not hold back another', async () => {
    const order: string[] = [];
    const { box } = outbox(async (c) => {
      order.push(c.article.url);
      if (c.article.url.endsWith('/bad')) throw new Error('refused');
    });
    const [bad, good] = await Promise.all([
      box.put('bad', capture('https://a.example/bad')),
      box.put('good', capture('https://a.example/good')),
    ]);
    expect(bad.ok).toBe(false);
    expect(good.ok).toBe(true);
    // The good one went out at once, before the bad one's first retry.
    expect(order.slice(0, 3)).toEqual(['https://a.example/bad', 'https://a.example/good', 'https://a.example/bad']);
  });

  it('does not send a key twice while it waits, and frees it once settled', async () => {
    let release!: () => void;
    const sends: string[] = [];
    const { box } = outbox(async (c) => {
      sends.push(c.captureId);
      if (sends.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = box.put('a', capture('https://a.example/1'));
    const second = box.put('a', capture('https://a.example/1'));
    expect(second).toBe(first);
    expect(box.pending).toBe(1);
    release();
    await first;
    expect(box.pending).toBe(0);
    await box.put('a', capture('https://a.example/1'));
    expect(sends).toEqual(['capture-1', 'capture-2']);
  });

  it('retries a send that never answers, under the same id', async () => {
    const seen: string[] = [];
    const { box, waits } = outbox((c) => {
      seen.push(c.captureId);
      // The first never settles (a worker gone without closing the channel); the second is acknowledged.
      return seen.length === 1 ? new Promise(() => {}) : Promise.resolve({ created: false });
    }, 30_000);
    expect((await box.put('a', capture('https://a.example/1'))).ok).toBe(true);
    expect(seen).toEqual(['capture-1', 'capture-1']);
    expect(waits).toContain(30_000);
  });

  it('counts a send that never answers as unanswered: it gets the longer bound', async () => {
    let attempts = 0;
    const { box, failures } = outbox(() => {
      attempts++;
      return new Promise(() => {});
    }, 30_000);
    expect(await box.put('a', capture('https://a.example/1'))).toEqual({ ok: false, error: 'no answer in 30000 ms' });
    expect(attempts).toBe(DEFAULT_BACKOFF.maxUnansweredAttempts);
    expect(failures[0]).toBe('capture-1 1 no answer in 30000 ms');
  });
});

describe('newCaptureId', () => {
  it('makes 32 hex digits the background accepts', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newCaptureId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(CAPTURE_ID_PATTERN);
    expect(newCaptureId((bytes) => bytes.fill(255))).toBe('f'.repeat(32));
  });
});

describe('retried', () => {
  it('tries again after each failure with backoff, and gives the last error after the last attempt', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let calls = 0;
    expect(
      await retried(async () => {
        if (++calls < 3) throw new Error('worker stopped');
        return 'injected';
      }, sleep),
    ).toBe('injected');
    expect(waits).toEqual([500, 1000]);
    await expect(
      retried(async () => Promise.reject(new Error(`refused ${++calls}`)), sleep, {
        baseMs: 1,
        capMs: 2,
        maxAttempts: 3,
        maxUnansweredAttempts: 5,
      }),
    ).rejects.toThrow('refused 6');
    expect(waits.slice(2)).toEqual([1, 2]);
  });

  it('asks a background that does not answer up to the longer bound', async () => {
    let calls = 0;
    await expect(
      retried(
        async () => {
          calls++;
          throw new UnansweredError('Could not establish connection. Receiving end does not exist.');
        },
        async () => {},
        { baseMs: 1, capMs: 2, maxAttempts: 3, maxUnansweredAttempts: 5 },
      ),
    ).rejects.toBeInstanceOf(UnansweredError);
    expect(calls).toBe(5);
  });

  it('does not ask again after a refusal', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      retried(
        async () => {
          calls++;
          throw new RefusedError('"page:activate" is not accepted from this sender');
        },
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toBeInstanceOf(RefusedError);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
