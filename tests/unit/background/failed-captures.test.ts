import { describe, expect, it } from 'vitest';
import { bounded, FailedCaptures, MAX_FAILED_CAPTURES, type FailedCapture } from '@/lib/background/failed-captures';
import { memoryArea } from '@/lib/background/tab-topics';

const entry = (id: string, text = 'body'): FailedCapture => ({
  capture: {
    article: {
      url: `https://n.example/${id}`,
      pageUrl: `https://n.example/${id}`,
      title: id,
      dir: 'ltr',
      excerpt: 'e',
      text,
    },
    matches: [],
    captureId: id,
  },
  error: 'QuotaExceededError: full',
  failedAt: 1,
});

describe('FailedCaptures', () => {
  it('keeps one entry per capture however often it fails, and forgets it once stored', async () => {
    const failed = new FailedCaptures(memoryArea());
    // Concurrent failures (three tabs at once) all stay: changes are made one after another.
    await Promise.all([failed.add(entry('capture-a')), failed.add(entry('capture-b')), failed.add(entry('capture-a'))]);
    expect((await failed.list()).map((e) => e.capture.captureId)).toEqual(['capture-b', 'capture-a']);
    await failed.remove('capture-a');
    await failed.remove('capture-unknown');
    expect((await failed.list()).map((e) => e.capture.captureId)).toEqual(['capture-b']);
  });

  it('reads only well-formed entries from session storage', async () => {
    const area = memoryArea();
    await area.set({ failedCaptures: [entry('capture-ok'), { capture: null }, 'junk'] });
    expect((await new FailedCaptures(area).list()).map((e) => e.capture.captureId)).toEqual(['capture-ok']);
  });
});

describe('bounded', () => {
  it('keeps the newest entries within both the count and the size bound', () => {
    const many = Array.from({ length: MAX_FAILED_CAPTURES + 5 }, (_, i) => entry(`capture-${i}`));
    const kept = bounded(many);
    expect(kept).toHaveLength(MAX_FAILED_CAPTURES);
    expect(kept[kept.length - 1].capture.captureId).toBe(`capture-${MAX_FAILED_CAPTURES + 4}`);
    const big = [entry('capture-old', 'x'.repeat(600)), entry('capture-new', 'x'.repeat(600))];
    expect(bounded(big, 10, 1000).map((e) => e.capture.captureId)).toEqual(['capture-new']);
  });
});
