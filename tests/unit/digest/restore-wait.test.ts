// The popup asks how far a commit is until it has ended, then reads the digest again.
import { describe, expect, it, vi } from 'vitest';
import { STATUS_EVERY_MS, waitForCommit } from '@/lib/digest/restore-wait';
import type { RestoreProgress } from '@/lib/messaging/restoring';

/** A status that answers `answers` in turn (an Error is thrown), and a sleep that does not wait. */
function fakes(answers: (RestoreProgress | null | Error)[]) {
  const status = vi.fn(async () => {
    const next = answers.shift();
    if (next === undefined) throw new Error('asked once too often');
    if (next instanceof Error) throw next;
    return next;
  });
  const sleep = vi.fn(async () => {});
  return { status, sleep };
}

describe('waitForCommit', () => {
  it('reports the progress until no commit runs, asking every half second', async () => {
    const { status, sleep } = fakes([{ written: 250, total: 1000 }, { written: 750, total: 1000 }, null]);
    const onProgress = vi.fn();
    await waitForCommit({ status, sleep, onProgress, stopped: () => false });
    expect(onProgress.mock.calls).toEqual([[{ written: 250, total: 1000 }], [{ written: 750, total: 1000 }]]);
    expect(status).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[STATUS_EVERY_MS], [STATUS_EVERY_MS], [STATUS_EVERY_MS]]);
  });

  it('asks again after an unanswered question, and gives up waiting after five in a row', async () => {
    const lost = () => new Error('no answer');
    const again = fakes([lost(), { written: 1, total: 2 }, null]);
    const onProgress = vi.fn();
    await waitForCommit({ ...again, onProgress, stopped: () => false });
    expect(onProgress.mock.calls).toEqual([[{ written: 1, total: 2 }]]);
    const gone = fakes([lost(), lost(), lost(), lost(), lost()]);
    await waitForCommit({ ...gone, onProgress: vi.fn(), stopped: () => false });
    expect(gone.status).toHaveBeenCalledTimes(5);
  });

  it('stops asking once the popup stopped waiting', async () => {
    let stopped = false;
    const { status, sleep } = fakes([
      { written: 1, total: 9 },
      { written: 2, total: 9 },
    ]);
    const onProgress = vi.fn(() => {
      stopped = true;
    });
    await waitForCommit({ status, sleep, onProgress, stopped: () => stopped });
    expect(status).toHaveBeenCalledTimes(1);
  });
});
