import { useRef, useState } from 'preact/hooks';
import type { CountSummary, RestoreSummary } from '@/lib/backup/merge';
import { formatNumber, t, uiLanguage, type MessageKey } from '@/lib/i18n/messages';
import type { Durability } from '@/lib/storage/durability';
import { formatBytes, type StorageUse } from '@/lib/storage/usage';

/** Props of YourData. */
export interface Props {
  /** What is under way ("Backing up…"), which disables the buttons. */
  busy: string | null;
  message: { kind: 'ok' | 'error'; text: string } | null;
  /** A checked backup waiting for the reader's confirmation. */
  pending: { fileName: string; summary: RestoreSummary } | null;
  onBackup: () => void;
  onChooseBackup: (file: File) => void;
  onConfirmRestore: () => void;
  onCancelRestore: () => void;
  onExportMarkdown: (withText: boolean) => void;
  onExportAnnotations: () => void;
  /** Whether the browser keeps the data under disk pressure; null while it is being asked. */
  durability: Durability | null;
  /** The space the data takes and the browser allows; null while asked or when the browser cannot say. */
  storageUse: StorageUse | null;
}

const DURABILITY_WORDS = {
  persistent: 'storagePersistent',
  'best-effort': 'storageBestEffort',
  unknown: 'storageUnknown',
} as const;

const ROWS: [keyof RestoreSummary, MessageKey][] = [
  ['topics', 'dataTopics'],
  ['articles', 'dataArticles'],
  ['highlights', 'highlights'],
];

/** The options page's "Your data" section: back up, restore after a summary, export as Markdown. */
export function YourData({
  busy,
  message,
  pending,
  onBackup,
  onChooseBackup,
  onConfirmRestore,
  onCancelRestore,
  onExportMarkdown,
  onExportAnnotations,
  durability,
  storageUse,
}: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [withText, setWithText] = useState(false);
  return (
    <section aria-label={t('dataHeading')} class="your-data">
      <h2>{t('dataHeading')}</h2>
      <p class="muted">{t('dataAbout')}</p>
      <h3>{t('storageHeading')}</h3>
      <p class="muted durability" data-durability={durability ?? 'checking'}>
        {t(durability ? DURABILITY_WORDS[durability] : 'storageChecking')}
      </p>
      {storageUse && <StorageUseLine use={storageUse} />}
      <div class="toolbar">
        <button type="button" onClick={onBackup} disabled={!!busy}>
          {t('backUpEverything')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={!!busy || !!pending}>
          {t('restoreFromBackup')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('backupFileToRestore')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onChooseBackup(file);
          }}
        />
      </div>
      {pending && (
        <div class="restore-summary" role="dialog" aria-label={t('restoreSummary')}>
          <p>
            <strong>{pending.fileName}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col">{t('restoreInBackup')}</th>
                <th scope="col">{t('restoreNew')}</th>
                <th scope="col">{t('restoreAlreadyHere')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([key, label]) => (
                <SummaryRow key={key} label={t(label)} counts={pending.summary[key]} />
              ))}
            </tbody>
          </table>
          <p class="muted">{t('restoreExplained')}</p>
          <div class="toolbar">
            <button type="button" onClick={onConfirmRestore} disabled={!!busy}>
              {t('restore')}
            </button>
            <button type="button" class="link" onClick={onCancelRestore} disabled={!!busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('markdownExport')}</h3>
      <p class="muted">{t('markdownAbout')}</p>
      <div class="toolbar">
        <label>
          <input type="checkbox" checked={withText} onChange={(e) => setWithText(e.currentTarget.checked)} />{' '}
          {t('markdownWithText')}
        </label>
        <button type="button" onClick={() => onExportMarkdown(withText)} disabled={!!busy}>
          {t('markdownExport')}
        </button>
      </div>
      <h3>{t('annotationsHeading')}</h3>
      <p class="muted">{t('annotationsAbout')}</p>
      <div class="toolbar">
        <button type="button" onClick={onExportAnnotations} disabled={!!busy}>
          {t('annotationsExport')}
        </button>
      </div>
      {busy && (
        <p role="status" class="muted">
          {busy}
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function StorageUseLine({ use }: { use: StorageUse }) {
  const language = uiLanguage();
  const used = formatBytes(use.used, language);
  return (
    <p class="muted storage-use" data-used={use.used} data-quota={use.quota}>
      {use.quota === undefined
        ? t('storageUsed', used)
        : t('storageUsedOfQuota', used, formatBytes(use.quota, language))}
    </p>
  );
}

function SummaryRow({ label, counts }: { label: string; counts: CountSummary }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatNumber(counts.total)}</td>
      <td>{formatNumber(counts.new)}</td>
      <td>
        {formatNumber(counts.present)}
        {counts.updated ? ` ${t('restoreNewerInBackup', formatNumber(counts.updated))}` : ''}
      </td>
    </tr>
  );
}
