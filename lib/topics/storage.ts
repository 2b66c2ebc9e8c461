// Where the reader's topics live in browser.storage (`sync`, or `local` once sync's quota was exceeded), with no
// zod: the extractor loaded into article pages reads topics through here. lib/topics/settings.ts builds the validated
// reading and writing on top of it.
import { browser } from 'wxt/browser';
import { MAX_QUERY_CHARS, MAX_TOPIC_ID_CHARS, MIN_MENTIONS_RANGE } from '../limits';
import type { TopicInput } from './compile';

export const TOPICS_KEY = 'topics';
export const AREA_KEY = 'topicsArea';

/** The stored value once read: every entry still to be validated by its reader. */
export interface TopicsStore {
  version: number;
  topics: unknown[];
}

/**
 * Append-only migrations of the stored topics, like the database's: entry N upgrades version N-1 to N, and a
 * shipped entry is never edited, so topics stored by any older version reach the current shape.
 */
export const TOPIC_MIGRATIONS: readonly ((store: TopicsStore) => TopicsStore)[] = [
  // 1: { version: 1, topics: Topic[] }, from nothing stored.
  () => ({ version: 1, topics: [] }),
];

export const STORE_VERSION = TOPIC_MIGRATIONS.length;

/**
 * The stored value brought to STORE_VERSION, or why it cannot be: topics saved by a newer Beatwatch (another of
 * the reader's browsers may run one) or a value that is not a topics store. Nothing stored reads as no topics.
 */
export function migrateTopicsStore(
  raw: unknown,
): { ok: true; store: TopicsStore } | { ok: false; error: string; newer: boolean } {
  let store: TopicsStore = { version: 0, topics: [] };
  if (raw !== undefined) {
    const { version, topics } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || !Array.isArray(topics))
      return { ok: false, error: 'The stored topics are not in a format Beatwatch knows.', newer: false };
    if (version > STORE_VERSION)
      return {
        ok: false,
        error: `The topics were saved by a newer version of Beatwatch (format ${version}; this one reads up to ${STORE_VERSION}). Update Beatwatch to edit them.`,
        newer: true,
      };
    store = { version, topics };
  }
  while (store.version < STORE_VERSION) store = TOPIC_MIGRATIONS[store.version](store);
  return { ok: true, store };
}

export type AreaName = 'sync' | 'local';

export async function currentArea(): Promise<AreaName> {
  const { [AREA_KEY]: area } = await browser.storage.local.get(AREA_KEY);
  return area === 'local' || !browser.storage.sync ? 'local' : 'sync';
}

/** The stored value as it is: the caller validates it. */
export async function readStoredTopics(): Promise<unknown> {
  const area = await currentArea();
  const { [TOPICS_KEY]: raw } = await browser.storage[area].get(TOPICS_KEY);
  return raw;
}

/** Calls back whenever the topics change in either area. */
export function onTopicsChanged(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (TOPICS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The three fields matching needs, read by hand from what storage holds. Entries without a string id and query
 * are skipped; a minMentions outside MIN_MENTIONS_RANGE is dropped (the default rule applies). lib/topics/settings.ts checks
 * everything else the editor and the background rely on.
 */
export function topicsForMatching(raw: unknown): TopicInput[] {
  const migrated = migrateTopicsStore(raw);
  if (!migrated.ok) return [];
  const { topics } = migrated.store;
  const out: TopicInput[] = [];
  for (const item of topics) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, query, minMentions } = item as Record<string, unknown>;
    if (
      typeof id !== 'string' ||
      typeof query !== 'string' ||
      id.length > MAX_TOPIC_ID_CHARS ||
      query.length > MAX_QUERY_CHARS
    )
      continue;
    const min =
      typeof minMentions === 'number' &&
      Number.isInteger(minMentions) &&
      minMentions >= MIN_MENTIONS_RANGE.min &&
      minMentions <= MIN_MENTIONS_RANGE.max
        ? minMentions
        : undefined;
    out.push(min === undefined ? { id, query } : { id, query, minMentions: min });
  }
  return out;
}
