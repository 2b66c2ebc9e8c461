import { formatNumber, t } from '@/lib/i18n/messages';
import type { RestoreProgress } from '@/lib/messaging/restoring';

/** Props of RestoringState. */
export interface Props {
  progress: RestoreProgress;
}

/**
 * What the popup shows while a backup is being restored: the digest is read again once it is done. A live region, so
 * a screen reader hears that it is restoring (and then the digest when it comes), not a popup that stays silent.
 */
export function RestoringState({ progress: { written, total } }: Props) {
  return (
    <div class="empty restoring" role="status" aria-live="polite">
      <p>
        <strong>{t('popupRestoring', formatNumber(written), formatNumber(total))}</strong>
      </p>
      <progress max={Math.max(1, total)} value={Math.min(written, total)} aria-label={t('popupRestoringProgress')} />
      <p class="muted">{t('popupRestoringHelp')}</p>
    </div>
  );
}
