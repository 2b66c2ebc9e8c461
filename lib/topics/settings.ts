// The reader's topics in browser.storage: `sync` so they follow the reader to their other
// browsers, `local` once sync's quota is exceeded. Everything read back is validated:
// storage can hold whatever an older version (or another extension build) wrote.
import { browser } from 'wxt/browser';
import { topicSchema, type Topic } from '../schema';
import {
  AREA_KEY,
  currentArea,
  migrateTopicsStore,
  onTopicsChanged,
  readStoredTopics,
  STORE_VERSION,
  TOPICS_KEY,
} from './storage';
import { MAX_TOPICS } from '../limits';
import { parseQuery } from './query';

/** The stored topics; entries that fail validation are skipped, never passed on. */
export async function loadTopics(): Promise<Topic[]> {
  return parseStoredTopics(await readStoredTopics());
}

export function parseStoredTopics(raw: unknown): Topic[] {
  const migrated = migrateTopicsStore(raw);
  if (!migrated.ok) return [];
  const topics: Topic[] = [];
  for (const item of migrated.store.topics) {
    const topic = topicSchema.safeParse(item);
    if (topic.success) topics.push(topic.data);
  }
  return topics;
}

export class TopicsError extends Error {}

/** Validates and writes all topics at once; a bad topic changes nothing. */
export async function saveTopics(topics: Topic[]): Promise<void> {
  // Topics stored by a newer version are never overwritten by an older one (unreadable ones may be).
  const stored = migrateTopicsStore(await readStoredTopics());
  if (!stored.ok && stored.newer) throw new TopicsError(stored.error);
  if (topics.length > MAX_TOPICS) throw new TopicsError(`At most ${MAX_TOPICS} topics can be tracked.`);
  const ids = new Set<string>();
  const valid = topics.map((topic, i) => {
    const parsed = topicSchema.safeParse(topic);
    if (!parsed.success) throw new TopicsError(`Topic ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    if (ids.has(parsed.data.id)) throw new TopicsError(`Topic ${i + 1}: duplicate id "${parsed.data.id}"`);
    const query = parseQuery(parsed.data.query);
    if (!query.ok) throw new TopicsError(`Topic ${i + 1} (“${parsed.data.name}”): ${query.error.message}`);
    ids.add(parsed.data.id);
    return parsed.data;
  });
  const value = { [TOPICS_KEY]: { version: STORE_VERSION, topics: valid } };
  if ((await currentArea()) === 'sync') {
    try {
      await browser.storage.sync.set(value);
      return;
    } catch (error) {
      // Sync holds ~100 KB: past its quota, topics move to local storage for good.
      if (!/quota/i.test(String(error))) throw error;
    }
  }
  await browser.storage.local.set({ ...value, [AREA_KEY]: 'local' });
}

/** Calls back with the new topics whenever they change in either area. */
export function watchTopics(onChange: (topics: Topic[]) => void): () => void {
  return onTopicsChanged(() => void loadTopics().then(onChange));
}

/** A readable, unique id: the name's letters plus a random suffix. */
export function newTopicId(name: string, random: () => number = Math.random): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return slug ? `${slug}-${suffix}` : `topic-${suffix}`;
}
