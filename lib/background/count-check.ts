// The self-check of the count records (lib/db/list-counts.ts), at most once a day: each list is recounted from its
// articles, one after another, and repaired when its records are wrong. Counts are kept in the same transaction as
// the articles, so a wrong one means a bug or a database changed by hand: worth a warning, not an error for the reader.
import { NO_TOPIC } from '../db/article-lists';
import type { Database } from '../db/database';
import { checkListCounts, countedLists, DAY_MS } from '../db/list-counts';

const CHECKED_KEY = 'counts-checked-at';

/** Recounts every list when the last check is a day old or more; returns the lists it repaired. */
export async function checkCountsWhenDue(
  db: Database,
  topicIds: string[],
  now: number,
  warn: (message: string) => void = console.warn,
): Promise<string[]> {
  const last = await db.get('meta', CHECKED_KEY);
  if (typeof last === 'number' && now - last < DAY_MS && now >= last) return [];
  const lists = [...new Set([...topicIds, NO_TOPIC, ...(await countedLists(db))])];
  const repaired: string[] = [];
  for (const list of lists) if (await checkListCounts(db, list)) repaired.push(list);
  await db.put('meta', now, CHECKED_KEY);
  if (repaired.length) warn(`Beatwatch: counts repaired for ${repaired.join(', ')}`);
  return repaired;
}
