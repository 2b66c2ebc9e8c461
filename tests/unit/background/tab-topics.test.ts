import { describe, expect, it } from 'vitest';
import { badgeText, memoryArea, TabTopics } from '@/lib/background/tab-topics';

describe('TabTopics', () => {
  it('counts distinct topics per tab and forgets a tab on clear', async () => {
    const tabs = new TabTopics(memoryArea());
    expect(await tabs.add(1, ['a', 'b'])).toBe(2);
    expect(await tabs.add(1, ['b', 'c'])).toBe(3);
    expect(await tabs.add(2, ['a'])).toBe(1);
    await tabs.clear(1);
    expect(await tabs.get(1)).toEqual([]);
    expect(await tabs.get(2)).toEqual(['a']);
  });

  it('survives a restart when the area persists (as storage.session does)', async () => {
    const area = memoryArea();
    await new TabTopics(area).add(7, ['x']);
    expect(await new TabTopics(area).add(7, ['y'])).toBe(2);
  });

  it('shows nothing for zero', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
  });
});
