// Wires the badge setting to storage.local; the background follows the change (storage.onChanged).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BadgeSetting } from '@/components/badge-setting';
import { DEFAULT_BADGE_MODE, loadBadgeMode, saveBadgeMode, type BadgeMode } from '@/lib/settings/badge-mode';

export function BadgeSection() {
  const [mode, setMode] = useState<BadgeMode>(DEFAULT_BADGE_MODE);
  useEffect(() => void loadBadgeMode(browser.storage.local).then(setMode), []);
  return (
    <BadgeSetting mode={mode} onChange={(next) => void saveBadgeMode(browser.storage.local, next).then(setMode)} />
  );
}
