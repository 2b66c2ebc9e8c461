// The popup's side of a restore's commit: once a read was answered "restoring" (lib/messaging/restoring.ts), it asks
// how far the commit is every STATUS_EVERY_MS until no commit runs any more, then reads the digest again. A commit
// that failed changed nothing, so the digest read then is the one from before.
import type { RestoreProgress } from '../messaging/restoring';

export const STATUS_EVERY_MS = 500;
/** Status questions in a row that may go unanswered (a worker restarting) before the popup reads the digest anyway. */
const MAX_FAILURES = 5;

export interface CommitWait {
  /** How far the commit is, or null once none runs. */
  status: () => Promise<RestoreProgress | null>;
  onProgress: (progress: RestoreProgress) => void;
  /** True once the popup no longer waits (it closed, or a wait began anew). */
  stopped: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** Resolves once the commit has ended (or the status cannot be had), reporting its progress meanwhile. */
export async function waitForCommit({ status, onProgress, stopped, sleep = delay }: CommitWait): Promise<void> {
  let failures = 0;
  while (!stopped()) {
    await sleep(STATUS_EVERY_MS);
    if (stopped()) return;
    let progress: RestoreProgress | null;
    try {
      progress = await status();
      failures = 0;
    } catch {
      if (++failures >= MAX_FAILURES) return;
      continue;
    }
    if (progress === null) return;
    if (!stopped()) onProgress(progress);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
