// @vitest-environment happy-dom
// "N pages could not be saved — Retry": shown only when something failed, with the pages' titles as text.
import { describe, expect, it, vi } from 'vitest';
import { UnsavedCaptures } from '@/components/unsaved-captures';
import { click, show, textOf } from './render';

const failed = (title: string) => ({
  title,
  url: `https://n.example/${encodeURIComponent(title)}`,
  error: 'QuotaExceededError: The quota has been exceeded.',
  failedAt: 1,
});

describe('UnsavedCaptures', () => {
  it('says nothing when every capture was stored', () => {
    expect(show(<UnsavedCaptures failed={[]} busy={false} result={null} onRetry={vi.fn()} />).childNodes).toHaveLength(
      0,
    );
  });

  it('counts the unsaved pages, names them as text and why, and retries on the button', () => {
    const onRetry = vi.fn();
    const root = show(
      <UnsavedCaptures
        failed={[failed('Talks'), failed('<img src=x onerror=alert(1)>')]}
        busy={false}
        result={null}
        onRetry={onRetry}
      />,
    );
    expect(textOf(root.querySelector('p'))).toBe('2 pages could not be saved. Retry');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Talks',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(textOf(root)).toContain('Why: QuotaExceededError');
    click(root.querySelector('button'));
    expect(onRetry).toHaveBeenCalledTimes(1);
    const one = show(<UnsavedCaptures failed={[failed('Talks')]} busy={true} result={null} onRetry={onRetry} />);
    expect(textOf(one.querySelector('p'))).toBe('1 page could not be saved. Retrying…');
    expect(one.querySelector('button')!.disabled).toBe(true);
  });

  it("tells what the reader's Retry did, also once nothing is left to retry", () => {
    const root = show(<UnsavedCaptures failed={[]} busy={false} result={{ saved: 2, failed: 0 }} onRetry={vi.fn()} />);
    expect(textOf(root)).toBe('Saved 2; 0 still could not be saved.');
    expect(root.querySelector('button')).toBeNull();
  });
});
