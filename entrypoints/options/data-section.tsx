// Wires the "Your data" section to the background (records, restore) and to the reader's downloads.
import { useEffect, useState } from 'preact/hooks';
import { YourData } from '@/components/your-data';
import { writeBackup } from '@/lib/backup/backup-writer';
import { collectHighlights } from '@/lib/backup/collect';
import { answeredProblem } from '@/lib/backup/answered-problem';
import { BackupError } from '@/lib/backup/backup-errors';
import { backupFileName, MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { writeMarkdownZip } from '@/lib/backup/markdown-zip';
import { stageBackup } from '@/lib/backup/restore-upload';
import type { RestoreSummary } from '@/lib/backup/merge';
import { annotationCollection, annotationsFileName, ANNOTATION_MEDIA_TYPE } from '@/lib/backup/web-annotations';
import { DB_VERSION } from '@/lib/db/migrations';
import { backupErrorWords, formatNumber, t, tCount } from '@/lib/i18n/messages';
import { sendToBackground } from '@/lib/messaging/extension-senders';
import { ensurePersistent, type Durability } from '@/lib/storage/durability';
import { readStorageUse, type StorageUse } from '@/lib/storage/usage';
import { loadTopics } from '@/lib/topics/settings';

const source = {
  topics: loadTopics,
  articles: (after: string | undefined, limit: number) => sendToBackground('backup:articles', { after, limit }),
  highlights: (after: string | undefined, limit: number) => sendToBackground('backup:highlights', { after, limit }),
};

/** Hands a file to the reader's downloads through a link (no `downloads` permission needed). */
function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const megabytes = (bytes: number) => formatNumber(Math.round(bytes / 1024 / 1024));
/** A refused file or restore in the reader's language (the page's own refusal, or the background's by code). */
const errorText = (e: unknown) => {
  const problem = e instanceof BackupError ? e.problem : answeredProblem(e);
  return problem ? backupErrorWords(problem) : e instanceof Error ? e.message : String(e);
};

export function DataSection({ onRestored }: { onRestored: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<{ fileName: string; summary: RestoreSummary; restoreId: string } | null>(null);
  const [durability, setDurability] = useState<Durability | null>(null);

  // Asked from a page: persist() is not offered to Chromium's service worker, and the grant covers the origin.
  useEffect(() => void ensurePersistent(navigator.storage).then(setDurability), []);
  const [storageUse, setStorageUse] = useState<StorageUse | null>(null);
  const measureStorage = () => void readStorageUse(navigator.storage).then(setStorageUse);
  useEffect(measureStorage, []);

  const run = async (what: string, task: () => Promise<string>) => {
    setBusy(what);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await task() });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(null);
      // A restore grows the data: the figure follows.
      measureStorage();
    }
  };

  const backUp = () =>
    run(t('backingUp'), async () => {
      const now = new Date();
      // Each page's text becomes a Blob at once: the browser keeps it outside the page's heap.
      const parts: Blob[] = [];
      const counts = await writeBackup(source, DB_VERSION, now, (text) => void parts.push(new Blob([text])));
      const blob = new Blob(parts, { type: 'application/json' });
      download(backupFileName(now), blob);
      return t(
        'backedUp',
        tCount('topicCount', counts.topics),
        tCount('articleCount', counts.articles),
        tCount('highlightCount', counts.highlights),
        formatNumber(Math.round(blob.size / 1024)),
      );
    });

  const choose = (file: File) =>
    run(t('restoreReading', formatNumber(0), megabytes(file.size)), async () => {
      setPending(null);
      if (file.size > MAX_BACKUP_BYTES)
        throw new Error(t('restoreTooBig', megabytes(file.size), megabytes(MAX_BACKUP_BYTES)));
      const staged = await stageBackup(file.stream(), sendToBackground, {
        dbVersion: DB_VERSION,
        onProgress: (read) => setBusy(t('restoreReading', megabytes(read), megabytes(file.size))),
      });
      setPending({ fileName: file.name, ...staged });
      return t('restoreCheck');
    });

  const confirm = () =>
    pending &&
    run(t('restoring'), async () => {
      const { articles, highlights, topics } = await sendToBackground('restore:commit', {
        restoreId: pending.restoreId,
      });
      setPending(null);
      onRestored();
      return t(
        'restored',
        tCount('topicCount', topics.new),
        tCount('articleCount', articles.new),
        tCount('highlightCount', highlights.new),
        formatNumber(articles.updated + highlights.updated),
      );
    });

  const cancel = () => {
    if (pending) void sendToBackground('restore:discard', { restoreId: pending.restoreId }).catch(() => {});
    setPending(null);
    setMessage({ kind: 'ok', text: t('nothingRestored') });
  };

  const exportMarkdown = (withText: boolean) =>
    run(t('exporting'), async () => {
      const now = new Date();
      const parts: Blob[] = [];
      const files = await writeMarkdownZip(source, { withText }, now, (chunks) => {
        if (chunks.length) parts.push(new Blob(chunks as BlobPart[]));
      });
      download(
        backupFileName(now)
          .replace('backup', 'markdown')
          .replace(/\.json$/, '.zip'),
        new Blob(parts, { type: 'application/zip' }),
      );
      return tCount('markdownExported', files);
    });

  const exportAnnotations = () =>
    run(t('annotationsExporting'), async () => {
      const now = new Date();
      const collection = annotationCollection(await collectHighlights(source), now);
      download(annotationsFileName(now), new Blob([JSON.stringify(collection)], { type: ANNOTATION_MEDIA_TYPE }));
      return t('annotationsExported', formatNumber(collection.total));
    });

  return (
    <YourData
      busy={busy}
      message={message}
      pending={pending}
      onBackup={() => void backUp()}
      onChooseBackup={(file) => void choose(file)}
      onConfirmRestore={() => void confirm()}
      onCancelRestore={cancel}
      onExportMarkdown={(withText) => void exportMarkdown(withText)}
      onExportAnnotations={() => void exportAnnotations()}
      durability={durability}
      storageUse={storageUse}
    />
  );
}
