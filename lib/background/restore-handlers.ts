// The background's side of a restore in parts (see the protocol's `restore:` messages): each part is validated by the
// protocol's schemas on arrival and kept aside (db/restore-staging.ts); the preview counts, the commit merges in one
// transaction. Any refusal throws the staged records away, so a failure half-way changes nothing.
import { BackupError } from '../backup/backup-errors';
import { countOutcomes, mergeTopics, type RestoreSummary } from '../backup/merge';
import type { Database } from '../db/database';
import {
  beginStaging,
  discardStaging,
  finishedStaging,
  finishStaging,
  commitStaged,
  previewStaged,
  stageRecords,
} from '../db/restore-staging';
import { MAX_TOPICS } from '../limits';
import type { Handlers } from '../messaging/protocol';
import type { Topic } from '../schema';
import type { RestoreWatch } from './restore-watch';

export interface RestoreDeps {
  database: () => PromiseLike<Database>;
  loadTopics: () => Promise<Topic[]>;
  saveTopics: (topics: Topic[]) => Promise<void>;
  /** Has search take in what a commit wrote. */
  indexSearch: () => void;
  now: () => number;
  /** Knows while a commit runs (the popup's reads answer at once meanwhile). */
  watch: RestoreWatch;
  newRestoreId?: () => string;
}

type RestoreHandlers = Pick<
  Handlers<'background'>,
  'restore:begin' | 'restore:part' | 'restore:preview' | 'restore:commit' | 'restore:discard' | 'restore:status'
>;

export function createRestoreHandlers(deps: RestoreDeps): RestoreHandlers {
  const newRestoreId = deps.newRestoreId ?? (() => crypto.randomUUID());

  /** Runs a step of a restore; a refused step throws the staged records away before the error goes back. */
  async function step<T>(restoreId: string, run: (db: Database) => Promise<T>): Promise<T> {
    const db = await deps.database();
    try {
      return await run(db);
    } catch (error) {
      await discardStaging(db, restoreId).catch(() => {});
      throw error;
    }
  }

  /** The backup's topics against the reader's: which are new, and refused when they would be too many to follow. */
  async function topicsOutcome(topics: Topic[]) {
    const merged = mergeTopics(await deps.loadTopics(), topics);
    if (merged.topics.length > MAX_TOPICS)
      throw new BackupError({ code: 'tooManyTopics', details: [merged.topics.length, MAX_TOPICS] });
    const counts = countOutcomes(
      topics.map((t) =>
        merged.added.includes(t) ? { kind: 'new' as const, record: t } : { kind: 'unchanged' as const },
      ),
    );
    return { merged, counts };
  }

  return {
    async 'restore:begin'() {
      const restoreId = newRestoreId();
      await beginStaging(await deps.database(), restoreId);
      return { restoreId };
    },

    async 'restore:part'({ restoreId, part, articles, highlights }) {
      return step(restoreId, (db) => stageRecords(db, restoreId, part, { articles, highlights }));
    },

    async 'restore:preview'({ restoreId, parts, articles, highlights, topics }): Promise<RestoreSummary> {
      return step(restoreId, async (db) => {
        const { counts } = await topicsOutcome(topics);
        await finishStaging(db, restoreId, { parts, articles, highlights, topics });
        return { topics: counts, ...(await previewStaged(db, restoreId)) };
      });
    },

    async 'restore:commit'({ restoreId }): Promise<RestoreSummary> {
      return step(restoreId, async (db) => {
        const state = await finishedStaging(db, restoreId);
        const { merged, counts } = await topicsOutcome(state.topics);
        // Until the topics are saved too: a read in between would count articles under topics not yet followed.
        return deps.watch.commit(state.articles + state.highlights, async (progress) => {
          const records = await commitStaged(db, restoreId, deps.now(), progress);
          deps.indexSearch();
          // After the records: a failure here leaves articles whose topics are missing, which restoring again repairs.
          if (merged.added.length) await deps.saveTopics(merged.topics);
          return { topics: counts, ...records };
        });
      });
    },

    'restore:status'() {
      return deps.watch.status();
    },

    async 'restore:discard'({ restoreId }) {
      await discardStaging(await deps.database(), restoreId);
      return { discarded: true as const };
    },
  };
}
