// @vitest-environment happy-dom
// The popup while a backup is restored: says so, and how far, in a live region.
import { describe, expect, it } from 'vitest';
import { RestoringState } from '@/components/restoring-state';
import { show, textOf } from './render';

describe('RestoringState', () => {
  it('says how far the restore is, in a polite live region with a labelled progress bar', () => {
    const root = show(<RestoringState progress={{ written: 1250, total: 12000 }} />);
    const region = root.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(textOf(region.querySelector('strong'))).toBe('Restoring your backup… 1,250 of 12,000');
    const bar = region.querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max'), bar.getAttribute('aria-label')]).toEqual([
      '1250',
      '12000',
      'Restore progress',
    ]);
    expect(textOf(region)).toContain('as soon as it is done');
  });

  it('draws an empty restore without dividing by nothing', () => {
    const bar = show(<RestoringState progress={{ written: 0, total: 0 }} />).querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['0', '1']);
  });
});
