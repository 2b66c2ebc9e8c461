import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkCountsWhenDue } from '@/lib/background/count-check';
import { saveCapture } from '@/lib/db/articles';
import { openDatabase, type Database } from '@/lib/db/database';
import { DAY_MS, readListCounts } from '@/lib/db/list-counts';

let db: Database;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`count-check-${++n}`);
  const url = 'https://n.example/a';
  await saveCapture(
    db,
    {
      article: { url, pageUrl: url, title: 'Ukraine talks', dir: 'ltr', excerpt: '', text: 'Ukraine talks.' },
      matches: [{ topicId: 'ukraine', score: 1, mentions: 1, hits: [] }],
    },
    { now: 5 },
  );
});
afterEach(() => db.close());

it('recounts every list at most once a day, and says which it repaired', async () => {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], DAY_MS, warn)).toEqual([]);
  expect(warnings).toEqual([]);
  const [right] = await readListCounts(db, ['ukraine']);
  await db.put('list-counts', { ...right, articles: 9 });
  // Checked less than a day ago: left for the next check.
  expect(await checkCountsWhenDue(db, ['ukraine'], 1.5 * DAY_MS, warn)).toEqual([]);
  expect(await checkCountsWhenDue(db, ['ukraine'], 2 * DAY_MS, warn)).toEqual(['ukraine']);
  expect(await readListCounts(db, ['ukraine'])).toEqual([right]);
  expect(warnings).toEqual(['Beatwatch: counts repaired for ukraine']);
});
