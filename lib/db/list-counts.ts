// Counts kept as records, per list (a topic, or No topic): its articles and their facts, those new since the reader
// last opened it, and its captures per day. Chromium counts an index range by walking it, so a count read from the
// articles themselves grows with the list; these records are read in one request whatever the lists hold. Every
// write that adds, removes or refiles an article hands its record before and after to a CountChanges in the same
// transaction: the counts move with the articles or not at all. checkListCounts recounts a list and repairs it.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ArticleRecord } from '../schema';
import { listKeysFor, listRange, listsOf } from './article-lists';
import type { BeatwatchDB, Database, StoredArticle } from './database';

/** What the popup shows of a list without reading its articles. */
export interface ListCounts {
  /** A topic id, or NO_TOPIC. */
  list: string;
  articles: number;
  facts: number;
  /** Articles first captured after `seenAt`, and their facts. */
  newArticles: number;
  newFacts: number;
  /** When the reader last opened the list; 0 when never. */
  seenAt: number;
}

/** Articles of a list first captured on one UTC day (days since 1970-01-01). */
export interface DayCount {
  list: string;
  day: number;
  captures: number;
}

export const DAY_MS = 86_400_000;

export const dayOf = (time: number): number => Math.floor(time / DAY_MS);

/** The parts of an article its counts depend on. */
export type Counted = Pick<ArticleRecord, 'id' | 'topicIds' | 'facts' | 'firstSeenAt' | 'publishedAt'>;

/** Only what counting reads, so a long walk over the articles does not keep their texts. */
export const countedOf = ({ id, topicIds, facts, firstSeenAt, publishedAt }: Counted): Counted => ({
  id,
  topicIds,
  facts,
  firstSeenAt,
  publishedAt,
});

export function emptyCounts(list: string, seenAt = 0): ListCounts {
  return { list, articles: 0, facts: 0, newArticles: 0, newFacts: 0, seenAt };
}

/** Whether an article counts as new in a list the reader last opened at `seenAt`. */
export const isNewSince = (article: Pick<ArticleRecord, 'firstSeenAt'>, seenAt: number): boolean =>
  article.firstSeenAt > seenAt;

/** Adds (sign 1) or takes away (sign -1) one article's part of its lists' counts and days. */
function count(
  article: Counted,
  sign: 1 | -1,
  lists: (list: string) => ListCounts,
  days: (list: string, day: number) => DayCount,
): void {
  const facts = article.facts.length;
  for (const list of listsOf(article)) {
    const counts = lists(list);
    counts.articles += sign;
    counts.facts += sign * facts;
    if (isNewSince(article, counts.seenAt)) {
      counts.newArticles += sign;
      counts.newFacts += sign * facts;
    }
    days(list, dayOf(article.firstSeenAt)).captures += sign;
  }
}

const dayKey = (list: string, day: number) => `${list} ${day}`;

/** Counts as the articles given make them, lists starting from `start` (seen times are kept). */
export function countArticles(
  articles: Iterable<Counted>,
  start: (list: string) => ListCounts = (list) => emptyCounts(list),
): { lists: Map<string, ListCounts>; days: Map<string, DayCount> } {
  const lists = new Map<string, ListCounts>();
  const days = new Map<string, DayCount>();
  const listCounts = (list: string) => {
    let counts = lists.get(list);
    if (!counts) lists.set(list, (counts = start(list)));
    return counts;
  };
  const dayCount = (list: string, day: number) => {
    const key = dayKey(list, day);
    let found = days.get(key);
    if (!found) days.set(key, (found = { list, day, captures: 0 }));
    return found;
  };
  for (const article of articles) count(article, 1, listCounts, dayCount);
  return { lists, days };
}

type AnyStores = ArrayLike<StoreNames<BeatwatchDB>>;

/** The two count stores of a readwrite transaction that writes articles. */
export interface CountStores {
  lists: IDBPObjectStore<BeatwatchDB, AnyStores, 'list-counts', 'readwrite' | 'versionchange'>;
  days: IDBPObjectStore<BeatwatchDB, AnyStores, 'day-counts', 'readwrite' | 'versionchange'>;
}

export const COUNT_STORES = ['list-counts', 'day-counts'] as const;

/** The count stores of a transaction that includes them (COUNT_STORES). */
export function countStores(tx: {
  objectStore(name: 'list-counts'): unknown;
  objectStore(name: 'day-counts'): unknown;
}): CountStores {
  return {
    lists: tx.objectStore('list-counts') as CountStores['lists'],
    days: tx.objectStore('day-counts') as CountStores['days'],
  };
}

/**
 * The article changes of one transaction, applied to the counts at the end of it: `change(before, after)` for each
 * record written (before undefined: added; after undefined: deleted), then `await save()` before the transaction
 * ends. Each count record is read and written once, however many articles changed.
 */
export class CountChanges {
  private readonly changes: [Counted | undefined, Counted | undefined][] = [];

  constructor(private readonly stores: CountStores) {}

  change(before: Counted | undefined, after: Counted | undefined): void {
    if (before || after) this.changes.push([before, after]);
  }

  async save(): Promise<void> {
    if (!this.changes.length) return;
    const { lists, days } = this.stores;
    const names = new Set(
      this.changes.flatMap(([before, after]) => [before, after].flatMap((a) => (a ? listsOf(a) : []))),
    );
    const stored = new Map(
      await Promise.all([...names].map(async (list) => [list, (await lists.get(list)) ?? emptyCounts(list)] as const)),
    );
    const dayChanges = new Map<string, DayCount>();
    const listCounts = (list: string) => stored.get(list)!;
    const dayCount = (list: string, day: number) => {
      const key = dayKey(list, day);
      let found = dayChanges.get(key);
      if (!found) dayChanges.set(key, (found = { list, day, captures: 0 }));
      return found;
    };
    for (const [before, after] of this.changes) {
      if (before) count(before, -1, listCounts, dayCount);
      if (after) count(after, 1, listCounts, dayCount);
    }
    this.changes.length = 0;
    const changedDays = [...dayChanges.values()].filter((d) => d.captures !== 0);
    const storedDays = await Promise.all(changedDays.map((d) => days.get([d.list, d.day])));
    await Promise.all([
      ...[...stored.values()].map((counts) => lists.put(clamped(counts))),
      ...changedDays.map((change, i) => {
        const captures = (storedDays[i]?.captures ?? 0) + change.captures;
        return captures > 0 ? days.put({ ...change, captures }) : days.delete([change.list, change.day]);
      }),
    ]);
  }
}

/** A count gone below zero was wrong before this change: kept at zero until the self-check recounts it. */
function clamped(counts: ListCounts): ListCounts {
  return {
    ...counts,
    articles: Math.max(0, counts.articles),
    facts: Math.max(0, counts.facts),
    newArticles: Math.max(0, counts.newArticles),
    newFacts: Math.max(0, counts.newFacts),
  };
}

/** The counts of the lists named, in that order (a list with no record yet has none of anything). */
export async function readListCounts(db: Database, lists: string[]): Promise<ListCounts[]> {
  const all = new Map((await db.getAll('list-counts')).map((counts) => [counts.list, counts]));
  return lists.map((list) => all.get(list) ?? emptyCounts(list));
}

/** Captures per day of a list, from `firstDay` to `lastDay` included (0 for a day without any). */
export async function readDayCounts(db: Database, list: string, firstDay: number, lastDay: number): Promise<number[]> {
  const found = await db.getAll('day-counts', IDBKeyRange.bound([list, firstDay], [list, lastDay]));
  const byDay = new Map(found.map((d) => [d.day, d.captures]));
  return Array.from({ length: lastDay - firstDay + 1 }, (_, i) => byDay.get(firstDay + i) ?? 0);
}

/**
 * The reader has seen the lists: what they hold is no longer new. Returns each list's counts as they were before, so
 * the popup can still mark what was new when it opened.
 */
export async function markListsSeen(db: Database, lists: string[], now: number): Promise<ListCounts[]> {
  const tx = db.transaction('list-counts', 'readwrite');
  const before = await Promise.all(lists.map(async (list) => (await tx.store.get(list)) ?? emptyCounts(list)));
  // Never back in time. An article stamped later than `now` (a backup from a machine whose clock ran ahead) stays
  // new by isNewSince but is counted seen here: the self-check puts it back among the new ones.
  await Promise.all(
    before.map((counts) =>
      tx.store.put({ ...counts, newArticles: 0, newFacts: 0, seenAt: Math.max(now, counts.seenAt) }),
    ),
  );
  await tx.done;
  return before;
}

const CHECK_CHUNK = 500;

/**
 * Recounts one list from its articles and repairs its records when they differ (returns whether they did). The
 * articles are read in one read-only transaction with the counts, so what they are compared with is the same moment;
 * the repair adds the difference to whatever the counts are when it is written, so writes in between stay counted.
 */
export async function checkListCounts(db: Database, list: string): Promise<boolean> {
  const read = db.transaction(['articles', ...COUNT_STORES], 'readonly');
  const storedList = (await read.objectStore('list-counts').get(list)) ?? emptyCounts(list);
  const storedDays = await read
    .objectStore('day-counts')
    .getAll(IDBKeyRange.bound([list, -Infinity], [list, Infinity]));
  const index = read.objectStore('articles').index('by-list');
  const articles: Counted[] = [];
  for (let range = listRange(list); ;) {
    const chunk: StoredArticle[] = await index.getAll(range, CHECK_CHUNK);
    articles.push(...chunk.map(countedOf));
    if (chunk.length < CHECK_CHUNK) break;
    const last = chunk[chunk.length - 1];
    const lastKey = listKeysFor(last).find((key) => key.startsWith(`${list} `))!;
    range = IDBKeyRange.bound(lastKey, `${list} ~`, true, false);
  }
  await read.done;
  const expected = countArticles(articles, (name) => emptyCounts(name, storedList.seenAt));
  const wantList = expected.lists.get(list) ?? emptyCounts(list, storedList.seenAt);
  const wantDays = new Map([...expected.days.values()].filter((d) => d.list === list).map((d) => [d.day, d.captures]));
  const fields = ['articles', 'facts', 'newArticles', 'newFacts'] as const;
  const listOff = fields.some((field) => wantList[field] !== storedList[field]);
  const dayOff = new Map<number, number>();
  for (const d of storedDays) dayOff.set(d.day, (wantDays.get(d.day) ?? 0) - d.captures);
  for (const [day, captures] of wantDays) if (!dayOff.has(day)) dayOff.set(day, captures);
  for (const [day, off] of dayOff) if (off === 0) dayOff.delete(day);
  if (!listOff && dayOff.size === 0) return false;

  const write = db.transaction(COUNT_STORES, 'readwrite');
  const lists = write.objectStore('list-counts');
  const days = write.objectStore('day-counts');
  const now = (await lists.get(list)) ?? emptyCounts(list, storedList.seenAt);
  const repaired = { ...now };
  // Seen in between: the new counts were reset then, and what is new now is counted from there.
  const repair = now.seenAt === storedList.seenAt ? fields : (['articles', 'facts'] as const);
  for (const field of repair) repaired[field] = now[field] + wantList[field] - storedList[field];
  const dayNow = await Promise.all([...dayOff.keys()].map((day) => days.get([list, day])));
  await Promise.all([
    lists.put(clamped(repaired)),
    ...[...dayOff].map(([day, off], i) => {
      const captures = (dayNow[i]?.captures ?? 0) + off;
      return captures > 0 ? days.put({ list, day, captures }) : days.delete([list, day]);
    }),
  ]);
  await write.done;
  return true;
}

/** The lists that have count records (a topic deleted since may still have one). */
export async function countedLists(db: Database): Promise<string[]> {
  return db.getAllKeys('list-counts');
}
