// The badge on Beatwatch's toolbar button. Chrome's MV3 build has `action`; Firefox's build is MV2 (see README,
// "Firefox"), where the same button and badge methods are `browserAction`.
import type { BadgeMode } from '../settings/badge-mode';
import { badgeText } from './tab-topics';

/** The badge methods `action` and `browserAction` share: easy to fake in tests. */
export interface BadgeApi {
  /** Without a tab: the badge of every tab that has no text of its own. */
  setBadgeText(details: { tabId?: number; text?: string }): Promise<unknown> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<unknown> | void;
}

type ButtonApis = { action?: BadgeApi; browserAction?: BadgeApi };

function buttonOf(api: ButtonApis): BadgeApi {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('Beatwatch: the manifest declares no toolbar button (action or browser_action)');
  return button;
}

/** Sets a tab's badge to a count of matched topics (empty for none), on whichever toolbar API the build has. */
export function toolbarBadge(api: ButtonApis, color: string) {
  const button = buttonOf(api);
  return async (tabId: number, count: number): Promise<void> => {
    await button.setBadgeBackgroundColor({ tabId, color });
    await button.setBadgeText({ tabId, text: badgeText(count) });
  };
}

export interface BadgeSources {
  mode: () => Promise<BadgeMode>;
  /** Articles new since their topic was last opened, over all topics. */
  newArticles: () => Promise<number>;
  /** Each open tab and how many topics matched in it. */
  tabCounts: () => Promise<[tabId: number, count: number][]>;
}

/**
 * The badge in the reader's mode: per tab, topics matched in it (`tab`); or one badge on every tab, the articles new
 * since their topic was last opened (`new`). `tab(tabId, count)` after a match in a tab, `refresh()` after what is new
 * changed, `apply()` after the mode changed.
 */
export function badgeModes(api: ButtonApis, color: string, sources: BadgeSources) {
  const button = buttonOf(api);
  const setTab = toolbarBadge(api, color);
  const showNew = async () => {
    await button.setBadgeBackgroundColor({ color });
    await button.setBadgeText({ text: badgeText(await sources.newArticles()) });
  };
  return {
    async tab(tabId: number, count: number): Promise<void> {
      if ((await sources.mode()) === 'tab') await setTab(tabId, count);
    },
    async refresh(): Promise<void> {
      if ((await sources.mode()) === 'new') await showNew();
    },
    async apply(): Promise<void> {
      const mode = await sources.mode();
      const tabs = await sources.tabCounts();
      if (mode === 'new') {
        // null takes a tab's own text away, so the one badge shows (Firefox requires the property; Chrome reads null
        // as leaving it out).
        await Promise.all(tabs.map(([tabId]) => button.setBadgeText({ tabId, text: null as unknown as string })));
        await showNew();
      } else {
        await button.setBadgeText({ text: '' });
        await Promise.all(tabs.map(([tabId, count]) => setTab(tabId, count)));
      }
    },
  };
}
