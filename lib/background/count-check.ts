// The self-check of the count records (lib/db/list-counts.ts): each list is recounted from its articles about once a
// day and repaired when its records are wrong. One list per call (the one checked longest ago), so a worker start
// reads at most one list's articles, not the whole database while the reader opens the popup. Counts are kept in the
// same transaction as the articles, so a wrong one means a bug or a database changed by hand: worth a warning.
import { NO_TOPIC } from '../db/article-lists';
import type { Database } from '../db/database';
import { checkListCounts, countedLists, DAY_MS } from '../db/list-counts';

const CHECKED_KEY = 'counts-checked-at';

/**
 * Recounts the list checked longest ago, when that was a day ago or more (or never); returns it when its counts were
 * repaired, null otherwise.
 */
export async function checkCountsWhenDue(
  db: Database,
  topicIds: string[],
  now: number,
  warn: (message: string) => void = console.warn,
): Promise<string | null> {
  const stored = await db.get('meta', CHECKED_KEY);
  const checked: Record<string, number> = stored && typeof stored === 'object' ? { ...stored } : {};
  const lists = [...new Set([...topicIds, NO_TOPIC, ...(await countedLists(db))])];
  const due = lists
    .map((list) => ({ list, at: typeof checked[list] === 'number' ? checked[list] : -Infinity }))
    .filter(({ at }) => now - at >= DAY_MS || at > now)
    .sort((a, b) => a.at - b.at)[0];
  if (!due) return null;
  const repaired = await checkListCounts(db, due.list);
  // Lists gone (a topic deleted, its record recounted to nothing) leave the map with it.
  const kept = Object.fromEntries(Object.entries(checked).filter(([list]) => lists.includes(list)));
  await db.put('meta', { ...kept, [due.list]: now }, CHECKED_KEY);
  if (repaired) warn(`Beatwatch: counts repaired for ${due.list}`);
  return repaired ? due.list : null;
}
