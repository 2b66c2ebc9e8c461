// The options page's side of a restore: the file is read in parts (backup-reader.ts) and each part's validated
// records go to the background as soon as they are read, one message in flight, so neither side ever holds the whole
// file. The background answers the last message with what restoring would do; the reader then commits or cancels.
import type { PayloadOf, ResultOf } from '../messaging/protocol';
import type { RestoreSummary } from './merge';
import { readBackupStream, type StreamOptions } from './backup-reader';

type RestoreMessage = 'restore:begin' | 'restore:part' | 'restore:preview' | 'restore:commit' | 'restore:discard';
export type RestoreSender = <T extends RestoreMessage>(type: T, payload: PayloadOf<T>) => Promise<ResultOf<T>>;

export interface StagedRestore {
  restoreId: string;
  summary: RestoreSummary;
}

/**
 * Reads, validates and sends the whole file, then asks what restoring it would do. On any refusal (of the file here,
 * or of a part by the background) the parts sent so far are thrown away and the error is rethrown.
 */
export async function stageBackup(
  stream: ReadableStream<Uint8Array>,
  send: RestoreSender,
  options: StreamOptions,
): Promise<StagedRestore> {
  const { restoreId } = await send('restore:begin', {});
  try {
    let part = 0;
    const totals = await readBackupStream(
      stream,
      async ({ articles, highlights }) => {
        await send('restore:part', { restoreId, part, articles, highlights });
        part++;
      },
      options,
    );
    const summary = await send('restore:preview', {
      restoreId,
      parts: part,
      articles: totals.articles,
      highlights: totals.highlights,
      topics: totals.topics,
    });
    return { restoreId, summary };
  } catch (error) {
    await send('restore:discard', { restoreId }).catch(() => {});
    throw error;
  }
}
