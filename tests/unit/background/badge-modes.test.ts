import { describe, expect, it } from 'vitest';
import { badgeModes, type BadgeApi } from '@/lib/background/toolbar-badge';
import { loadBadgeMode, saveBadgeMode, type BadgeMode } from '@/lib/settings/badge-mode';

function fakeButton() {
  const calls: string[] = [];
  const api: BadgeApi = {
    setBadgeText: async ({ tabId, text }) => void calls.push(`text ${tabId ?? 'all'} ${JSON.stringify(text)}`),
    setBadgeBackgroundColor: async ({ tabId }) => void calls.push(`color ${tabId ?? 'all'}`),
  };
  return { api, calls };
}

describe('badgeModes', () => {
  it('per tab by default; one badge of what is new on every tab when chosen, and back', async () => {
    let mode: BadgeMode = 'tab';
    const button = fakeButton();
    const badge = badgeModes({ action: button.api }, '#123456', {
      mode: async () => mode,
      newArticles: async () => 7,
      tabCounts: async () => [
        [1, 2],
        [2, 0],
      ],
    });
    await badge.tab(1, 2);
    await badge.refresh();
    expect(button.calls).toEqual(['color 1', 'text 1 "2"']);

    button.calls.length = 0;
    mode = 'new';
    await badge.apply();
    expect(button.calls).toEqual(['text 1 null', 'text 2 null', 'color all', 'text all "7"']);
    button.calls.length = 0;
    await badge.tab(1, 3);
    await badge.refresh();
    expect(button.calls).toEqual(['color all', 'text all "7"']);

    button.calls.length = 0;
    mode = 'tab';
    await badge.apply();
    expect(button.calls).toEqual(['text all ""', 'color 1', 'color 2', 'text 1 "2"', 'text 2 ""']);
  });
});

describe('the badge setting', () => {
  it('reads what storage holds through its schema, falling back to the per-tab badge', async () => {
    const data = new Map<string, unknown>();
    const area = {
      get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    };
    expect(await loadBadgeMode(area)).toBe('tab');
    await saveBadgeMode(area, 'new');
    expect(await loadBadgeMode(area)).toBe('new');
    data.set('badgeMode', 'everything');
    expect(await loadBadgeMode(area)).toBe('tab');
    await expect(saveBadgeMode(area, 'everything')).rejects.toThrow();
    expect(data.get('badgeMode')).toBe('everything');
  });
});
