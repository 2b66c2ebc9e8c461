import { describe, expect, it } from 'vitest';
import { toolbarBadge, type BadgeApi } from '@/lib/background/toolbar-badge';

function fakeButton() {
  const calls: string[] = [];
  const api: BadgeApi = {
    setBadgeText: async ({ tabId, text }) => void calls.push(`text ${tabId} "${text}"`),
    setBadgeBackgroundColor: async ({ tabId, color }) => void calls.push(`color ${tabId} ${color}`),
  };
  return { api, calls };
}

describe('toolbarBadge', () => {
  it("uses Chrome MV3's action", async () => {
    const action = fakeButton();
    await toolbarBadge({ action: action.api }, '#123456')(4, 2);
    expect(action.calls).toEqual(['color 4 #123456', 'text 4 "2"']);
  });

  it("uses Firefox MV2's browserAction, where there is no action", async () => {
    const browserAction = fakeButton();
    const setBadge = toolbarBadge({ browserAction: browserAction.api }, '#123456');
    await setBadge(9, 1);
    await setBadge(9, 0);
    expect(browserAction.calls).toEqual(['color 9 #123456', 'text 9 "1"', 'color 9 #123456', 'text 9 ""']);
  });

  it('says so when the manifest has no toolbar button', () => {
    expect(() => toolbarBadge({}, '#123456')).toThrow(/no toolbar button/);
  });
});
