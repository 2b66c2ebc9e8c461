import { useRef, useState } from 'preact/hooks';
import type { CountSummary, RestoreSummary } from '@/lib/backup/merge';
import { t, uiLanguage } from '@/lib/i18n/messages';
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

const ROWS = [
  ['topics', 'Topics'],
  ['articles', 'Articles'],
  ['highlights', 'Highlights'],
] as const;

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
    <section aria-label="Your data" class="your-data">
      <h2>Your data</h2>
      <p class="muted">
        Everything Beatwatch keeps stays in this browser. A backup file is the way to move it to another machine or keep
        it safe: it holds your topics, articles with their key facts, highlights and notes.
      </p>
      <h3>{t('storageHeading')}</h3>
      <p class="muted durability" data-durability={durability ?? 'checking'}>
        {t(durability ? DURABILITY_WORDS[durability] : 'storageChecking')}
      </p>
      {storageUse && <StorageUseLine use={storageUse} />}
      <div class="toolbar">
        <button type="button" onClick={onBackup} disabled={!!busy}>
          Back up everything
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={!!busy || !!pending}>
          Restore from a backup…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Backup file to restore"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onChooseBackup(file);
          }}
        />
      </div>
      {pending && (
        <div class="restore-summary" role="dialog" aria-label="Restore summary">
          <p>
            <strong>{pending.fileName}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col">In the backup</th>
                <th scope="col">New</th>
                <th scope="col">Already here</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([key, label]) => (
                <SummaryRow key={key} label={label} counts={pending.summary[key]} />
              ))}
            </tbody>
          </table>
          <p class="muted">
            Restoring adds what is new and keeps the newer copy of what is already here. Nothing is deleted.
          </p>
          <div class="toolbar">
            <button type="button" onClick={onConfirmRestore} disabled={!!busy}>
              Restore
            </button>
            <button type="button" class="link" onClick={onCancelRestore} disabled={!!busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <h3>Export as Markdown</h3>
      <p class="muted">
        One file per article (key facts, your highlights and notes) and a digest per topic, in one zip, for Obsidian or
        any notes app.
      </p>
      <div class="toolbar">
        <label>
          <input type="checkbox" checked={withText} onChange={(e) => setWithText(e.currentTarget.checked)} /> Include
          each article's text
        </label>
        <button type="button" onClick={() => onExportMarkdown(withText)} disabled={!!busy}>
          Export as Markdown
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
      <td>{counts.total}</td>
      <td>{counts.new}</td>
      <td>
        {counts.present}
        {counts.updated ? ` (${counts.updated} newer in the backup)` : ''}
      </td>
    </tr>
  );
}
