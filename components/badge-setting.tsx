import type { BadgeMode } from '@/lib/settings/badge-mode';
import { t } from '@/lib/i18n/messages';

/** Props of BadgeSetting. */
export interface Props {
  mode: BadgeMode;
  onChange: (mode: BadgeMode) => void;
}

/** What the number on the toolbar button counts: the topics matched in the tab shown, or what is new everywhere. */
export function BadgeSetting({ mode, onChange }: Props) {
  const options: [BadgeMode, string][] = [
    ['tab', t('badgeTab')],
    ['new', t('badgeNew')],
  ];
  return (
    <fieldset class="badge-setting">
      <legend>{t('badgeLegend')}</legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name="badge-mode"
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
