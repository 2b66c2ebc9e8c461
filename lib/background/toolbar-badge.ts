// The badge on Beatwatch's toolbar button. Chrome's MV3 build has `action`; Firefox's build is MV2 (see README,
// "Firefox"), where the same button and badge methods are `browserAction`.
import { badgeText } from './tab-topics';

/** The badge methods `action` and `browserAction` share: easy to fake in tests. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<unknown> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<unknown> | void;
}

/** Sets a tab's badge to a count of matched topics (empty for none), on whichever toolbar API the build has. */
export function toolbarBadge(api: { action?: BadgeApi; browserAction?: BadgeApi }, color: string) {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('Beatwatch: the manifest declares no toolbar button (action or browser_action)');
  return async (tabId: number, count: number): Promise<void> => {
    await button.setBadgeBackgroundColor({ tabId, color });
    await button.setBadgeText({ tabId, text: badgeText(count) });
  };
}
