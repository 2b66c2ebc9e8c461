// The answer the background gives a popup read while a restore commits (lib/background/restore-watch.ts), instead of
// the data: how far the commit is. Part of the protocol's results (protocol.ts), readable by any extension page.

/** How far a running commit is: records merged so far, of all it holds. */
export interface RestoreProgress {
  written: number;
  total: number;
}

/** A read's answer while a restore commits. */
export interface Restoring {
  restoring: RestoreProgress;
}

/** Whether a read was answered "restoring" rather than with its data. */
export function isRestoring(answer: unknown): answer is Restoring {
  return typeof answer === 'object' && answer !== null && 'restoring' in answer;
}
