import { describe, expect, it } from 'vitest';
import { mapInSlices, type Pacing } from '@/lib/time-slices';

/** A clock each item's work moves on by `costMs`, and a record of where the pauses fell. */
function pacing(costMs: number, sliceMs: number) {
  let time = 0;
  const pausedAfter: number[] = [];
  let done = 0;
  const pace: Pacing = {
    now: () => time,
    pause: async () => void pausedAfter.push(done),
    sliceMs,
  };
  const work = (item: number) => {
    time += costMs;
    done++;
    return item * 2;
  };
  return { pace, work, pausedAfter };
}

describe('mapInSlices', () => {
  it('maps every item in order, as map does', async () => {
    const { pace, work } = pacing(3, 8);
    expect(await mapInSlices([1, 2, 3, 4, 5], work, pace)).toEqual([2, 4, 6, 8, 10]);
  });

  it('pauses once a slice has run its time, never after the last item', async () => {
    const { pace, work, pausedAfter } = pacing(3, 8);
    await mapInSlices(
      Array.from({ length: 10 }, (_, i) => i),
      work,
      pace,
    );
    // 3 ms an item: a slice of 8 ms ends after the 3rd item (9 ms), then every 3 items.
    expect(pausedAfter).toEqual([3, 6, 9]);
  });

  it('never pauses for work that fits one slice, and never splits an item', async () => {
    const quick = pacing(1, 8);
    await mapInSlices([1, 2, 3], quick.work, quick.pace);
    expect(quick.pausedAfter).toEqual([]);
    const slow = pacing(50, 8);
    await mapInSlices([1, 2, 3], slow.work, slow.pace);
    expect(slow.pausedAfter).toEqual([1, 2]);
  });

  it('lets other tasks run between slices with the worker pacing', async () => {
    const order: string[] = [];
    const other = new Promise<void>((resolve) => setTimeout(() => (order.push('other task'), resolve()), 0));
    let first = true;
    await mapInSlices([1, 2], (item) => {
      if (first) {
        // Busy past one slice, so a pause follows this item.
        const until = performance.now() + 12;
        while (performance.now() < until);
        first = false;
      }
      order.push(`item ${item}`);
    });
    await other;
    expect(order).toEqual(['item 1', 'other task', 'item 2']);
  });
});
