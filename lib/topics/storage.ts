// Where the reader's topics live in browser.storage (`sync`, or `local` once sync's quota was exceeded), with no
// zod: the extractor loaded into article pages reads topics through here. lib/topics/settings.ts builds the validated
// reading and writing on top of it.
import { browser } from 'wxt/browser';
import { MAX_QUERY_CHARS, MAX_TOPIC_ID_CHARS, MIN_MENTIONS_RANGE } from '../limits';
import type { TopicInput } from './compile';

export const TOPICS_KEY = 'topics';
export const AREA_KEY = 'topicsArea';
export const STORE_VERSION = 1;

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
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== STORE_VERSION) return [];
  const topics = (raw as { topics?: unknown }).topics;
  if (!Array.isArray(topics)) return [];
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
