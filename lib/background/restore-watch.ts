// Whether a restore's commit is running, and how far it is. The commit is one readwrite transaction over the reader's
// articles, highlights and counts (all or nothing), so a read of them asked for meanwhile would wait out the whole
// commit (about 30 s for a year of reading). The popup's reads go through `read`: while a commit runs, or once one
// starts before the read has its answer, they are answered at once with the commit's progress instead. A read's
// answer is therefore either wholly from before the commit or wholly from after it, never a mix, and never late.

import type { RestoreProgress, Restoring } from '../messaging/restoring';

export class RestoreWatch {
  private progress: RestoreProgress | null = null;
  /** Reads waiting for their answer: told at once when a commit starts. */
  private readonly waiting = new Set<(answer: Restoring) => void>();

  /** The running commit's progress, or null when none runs. */
  status(): RestoreProgress | null {
    return this.progress && { ...this.progress };
  }

  /**
   * Runs a commit of `total` records; `commit` reports each batch it merged. A second commit while one runs is
   * refused by the caller's staging (one restore at a time), so one progress is kept.
   */
  async commit<T>(total: number, commit: (merged: (records: number) => void) => Promise<T>): Promise<T> {
    this.progress = { written: 0, total };
    const answer = this.answer();
    for (const tell of [...this.waiting]) tell(answer);
    try {
      return await commit((records) => {
        if (this.progress) this.progress.written = Math.min(total, this.progress.written + records);
      });
    } finally {
      this.progress = null;
    }
  }

  /** The read's answer, or the commit's progress when a commit runs or starts before the read is answered. */
  async read<T>(read: () => Promise<T>): Promise<T | Restoring> {
    if (this.progress) return this.answer();
    let tell!: (answer: Restoring) => void;
    const started = new Promise<Restoring>((resolve) => (tell = resolve));
    this.waiting.add(tell);
    try {
      // The losing read goes on and its answer (or error) is dropped: race listens to both.
      return await Promise.race([read(), started]);
    } finally {
      this.waiting.delete(tell);
    }
  }

  private answer(): Restoring {
    return { restoring: { ...this.progress! } };
  }
}
