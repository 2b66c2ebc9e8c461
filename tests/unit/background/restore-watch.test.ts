// While a restore commits, the popup's reads are answered at once with its progress; never with a mix of before and
// after.
import { describe, expect, it } from 'vitest';
import { RestoreWatch } from '@/lib/background/restore-watch';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe('RestoreWatch', () => {
  it('answers reads with their data when no commit runs', async () => {
    const watch = new RestoreWatch();
    expect(watch.status()).toBeNull();
    expect(await watch.read(async () => 'digest')).toBe('digest');
  });

  it('answers a read asked during a commit with its progress, without running the read', async () => {
    const watch = new RestoreWatch();
    const commit = deferred<string>();
    let report!: (records: number) => void;
    const committed = watch.commit(1000, (merged) => ((report = merged), commit.promise));
    let ran = false;
    expect(
      await watch.read(async () => {
        ran = true;
        return 'digest';
      }),
    ).toEqual({ restoring: { written: 0, total: 1000 } });
    expect(ran).toBe(false);
    report(250);
    report(250);
    expect(watch.status()).toEqual({ written: 500, total: 1000 });
    expect(await watch.read(async () => 'digest')).toEqual({ restoring: { written: 500, total: 1000 } });
    commit.resolve('summary');
    expect(await committed).toBe('summary');
    expect(watch.status()).toBeNull();
    expect(await watch.read(async () => 'digest after')).toBe('digest after');
  });

  it('answers a read still waiting when a commit starts with the progress at once, and drops its late answer', async () => {
    const watch = new RestoreWatch();
    const slowRead = deferred<string>();
    const answer = watch.read(() => slowRead.promise);
    const commit = deferred<void>();
    const committed = watch.commit(10, () => commit.promise);
    expect(await answer).toEqual({ restoring: { written: 0, total: 10 } });
    // The read's own answer (from before or after the commit) comes too late to be used, and its failure is no one's.
    slowRead.reject(new Error('aborted'));
    commit.resolve();
    await committed;
    expect(watch.status()).toBeNull();
  });

  it('ends the restoring state when the commit fails, and passes its error on', async () => {
    const watch = new RestoreWatch();
    await expect(
      watch.commit(5, async (merged) => {
        merged(3);
        throw new Error('QuotaExceededError');
      }),
    ).rejects.toThrow('QuotaExceededError');
    expect(watch.status()).toBeNull();
    expect(await watch.read(async () => 'digest as it was')).toBe('digest as it was');
  });

  it('never reports more written than the total', async () => {
    const watch = new RestoreWatch();
    const commit = deferred<void>();
    void watch.commit(10, (merged) => (merged(8), merged(8), commit.promise));
    expect(watch.status()).toEqual({ written: 10, total: 10 });
    commit.resolve();
  });
});
