// Where an article is listed: under each of its topics, or under No topic when it has none, newest first. Each
// record carries its places as `listKeys` (a multi-entry index), so a list is a cursor over one key range and its
// count a count over it: nothing is read or sorted in memory to draw a list, however long it is.
import type { ArticleRecord } from '../schema';

/** The list of articles in no topic (not a topic id: those are lowercase letters, digits and dashes). */
export const NO_TOPIC = '~';

const TIME_DIGITS = 13;
const MAX_TIME = 10 ** TIME_DIGITS - 1;

/** An article's place in time: its publication, else its first visit. */
export function articleTime(record: Pick<ArticleRecord, 'publishedAt' | 'firstSeenAt'>): number {
  const published = record.publishedAt ? Date.parse(record.publishedAt) : NaN;
  const time = Number.isNaN(published) ? record.firstSeenAt : published;
  return Math.min(Math.max(0, Math.floor(time)), MAX_TIME);
}

/** `<list> <time, zero-padded> <id>`: ordered by time within a list, the id breaking ties. */
export function listKey(list: string, time: number, id: string): string {
  return `${list} ${String(time).padStart(TIME_DIGITS, '0')} ${id}`;
}

/** The lists an article is in: its topics, or No topic when it has none. */
export function listsOf(record: Pick<ArticleRecord, 'topicIds'>): string[] {
  return record.topicIds.length ? record.topicIds : [NO_TOPIC];
}

export function listKeysFor(record: Pick<ArticleRecord, 'id' | 'topicIds' | 'publishedAt' | 'firstSeenAt'>): string[] {
  const time = articleTime(record);
  return listsOf(record).map((list) => listKey(list, time, record.id));
}

/** Every key of one list: the space sorts before the digits, `~` after them. */
export function listRange(list: string): IDBKeyRange {
  return IDBKeyRange.bound(`${list} `, `${list} ~`);
}

/** The part of a list older than `after` (a key handed out with the previous page). */
export function listRangeBefore(list: string, after: string | undefined): IDBKeyRange {
  if (after === undefined || !after.startsWith(`${list} `)) return listRange(list);
  return IDBKeyRange.bound(`${list} `, after, false, true);
}
