import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkCountsWhenDue } from '@/lib/background/count-check';
import { NO_TOPIC } from '@/lib/db/article-lists';
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

it('recounts one list per call, each about once a day, and says which it repaired', async () => {
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const [right] = await readListCounts(db, ['ukraine']);
  await db.put('list-counts', { ...right, articles: 9 });
  // Every list in turn: ukraine, energy, No topic; ukraine was wrong.
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], DAY_MS, warn)).toBe('ukraine');
  expect(await readListCounts(db, ['ukraine'])).toEqual([right]);
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], DAY_MS + 1, warn)).toBeNull();
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], DAY_MS + 2, warn)).toBeNull();
  expect(warnings).toEqual(['Beatwatch: counts repaired for ukraine']);
  const checked = (await db.get('meta', 'counts-checked-at')) as Record<string, number>;
  expect(checked).toEqual({ ukraine: DAY_MS, energy: DAY_MS + 1, [NO_TOPIC]: DAY_MS + 2 });

  // Within the day nothing is read again; a day later, ukraine first.
  await db.put('list-counts', { ...right, articles: 4 });
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], 1.5 * DAY_MS, warn)).toBeNull();
  expect(await checkCountsWhenDue(db, ['ukraine', 'energy'], 2 * DAY_MS, warn)).toBe('ukraine');
  expect(await readListCounts(db, ['ukraine'])).toEqual([right]);
});
