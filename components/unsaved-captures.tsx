import { formatNumber, t, tCount } from '@/lib/i18n/messages';
import type { FailedCaptureSummary } from '@/lib/messaging/protocol';

/** Props of UnsavedCaptures. */
export interface Props {
  failed: FailedCaptureSummary[];
  busy: boolean;
  /** What the last Retry did, if the reader pressed it. */
  result: { saved: number; failed: number } | null;
  onRetry: () => void;
}

/** "N pages could not be saved — Retry": captures the browser refused to store, never lost without a word. */
export function UnsavedCaptures({ failed, busy, result, onRetry }: Props) {
  if (failed.length === 0 && !result) return null;
  const latest = failed[failed.length - 1];
  return (
    <section class="unsaved" role="alert">
      {failed.length > 0 && (
        <>
          <p>
            {tCount('unsavedPages', failed.length)}{' '}
            <button onClick={onRetry} disabled={busy}>
              {busy ? t('retryingUnsaved') : t('retryUnsaved')}
            </button>
          </p>
          <ul class="muted">
            {failed.map((page) => (
              <li key={page.url} dir="auto">
                {page.title}
              </li>
            ))}
          </ul>
          {latest && <p class="muted">{t('unsavedWhy', latest.error)}</p>}
        </>
      )}
      {result && (
        <p role="status">{t('retryUnsavedResult', formatNumber(result.saved), formatNumber(result.failed))}</p>
      )}
    </section>
  );
}
