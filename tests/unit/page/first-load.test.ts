import { describe, expect, it } from 'vitest';
import { isFirstLoad } from '@/lib/page/first-load';

describe('isFirstLoad', () => {
  it('lets each page script start once per page', () => {
    const page = {};
    expect(isFirstLoad('extractor', page)).toBe(true);
    expect(isFirstLoad('extractor', page)).toBe(false);
    expect(isFirstLoad('highlighter', page)).toBe(true);
    expect(isFirstLoad('extractor', {})).toBe(true);
  });
});
