// What the toolbar badge counts, as the reader chose it on the options page: the topics matched in the tab shown
// (the default), or the articles new since each topic was last opened, across all tabs. Kept in storage.local; read
// through the schema wherever it crosses into code, so a stored value from elsewhere falls back to the default.
import { z } from 'zod';

export const BADGE_MODE_KEY = 'badgeMode';
export const badgeModeSchema = z.enum(['tab', 'new']);
export type BadgeMode = z.infer<typeof badgeModeSchema>;
export const DEFAULT_BADGE_MODE: BadgeMode = 'tab';

export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadBadgeMode(area: SettingsArea): Promise<BadgeMode> {
  const parsed = badgeModeSchema.safeParse((await area.get(BADGE_MODE_KEY))[BADGE_MODE_KEY]);
  return parsed.success ? parsed.data : DEFAULT_BADGE_MODE;
}

export async function saveBadgeMode(area: SettingsArea, mode: unknown): Promise<BadgeMode> {
  const checked = badgeModeSchema.parse(mode);
  await area.set({ [BADGE_MODE_KEY]: checked });
  return checked;
}
