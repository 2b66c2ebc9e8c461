import { t } from '@/lib/i18n/messages';

/** Props of UndoToast. */
export interface Props {
  text: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** A short-lived notice after a delete, with the way back. */
export function UndoToast({ text, onUndo, onDismiss }: Props) {
  return (
    <div class="toast" role="status" aria-live="polite">
      <span>{text}</span>
      <span>
        <button class="link" onClick={onUndo}>
          {t('undo')}
        </button>{' '}
        <button class="link" onClick={onDismiss} aria-label={t('dismiss')}>
          ✕
        </button>
      </span>
    </div>
  );
}
