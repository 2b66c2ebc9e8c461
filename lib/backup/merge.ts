// How a restored backup meets what the database already holds. Records are matched by id (an article's id comes from
// its canonical URL, a highlight's is random), so the same reading in two profiles merges rather than duplicates; the
// merge of a record with itself or with its own merge changes nothing, so restoring a file twice is harmless.
import type { ArticleRecord, HighlightRecord, Topic } from '../schema';

export type MergeOutcome<T> = { kind: 'new'; record: T } | { kind: 'updated'; record: T } | { kind: 'unchanged' };

/**
 * The newer record (last seen later; the stored one on a tie) wins its fields; topics, clips, per-topic matches and
 * the topics the reader took it out of are the union of both, and the first visit is the earlier one.
 */
export function mergeArticle(
  existing: ArticleRecord | undefined,
  incoming: ArticleRecord,
): MergeOutcome<ArticleRecord> {
  if (!existing) return { kind: 'new', record: incoming };
  const [newer, older] = incoming.lastSeenAt > existing.lastSeenAt ? [incoming, existing] : [existing, incoming];
  const newerTopics = new Set(newer.matches.map((m) => m.topicId));
  // A "not about this beat" in either copy keeps the article out of that topic.
  const rejectedFrom = union(existing.rejectedFrom ?? [], incoming.rejectedFrom ?? []);
  const merged: ArticleRecord = {
    ...newer,
    topicIds: union(existing.topicIds, incoming.topicIds).filter((topicId) => !rejectedFrom.includes(topicId)),
    ...(rejectedFrom.length > 0 ? { rejectedFrom } : {}),
    clippedTo: union(existing.clippedTo, incoming.clippedTo),
    matches: [...newer.matches, ...older.matches.filter((m) => !newerTopics.has(m.topicId))],
    firstSeenAt: Math.min(existing.firstSeenAt, incoming.firstSeenAt),
    visits: Math.max(existing.visits, incoming.visits),
  };
  return sameRecord(existing, merged) ? { kind: 'unchanged' } : { kind: 'updated', record: merged };
}

/** The highlight edited last (its note, mostly) wins whole; the stored one on a tie. */
export function mergeHighlight(
  existing: HighlightRecord | undefined,
  incoming: HighlightRecord,
): MergeOutcome<HighlightRecord> {
  if (!existing) return { kind: 'new', record: incoming };
  if (incoming.updatedAt <= existing.updatedAt || sameRecord(existing, incoming)) return { kind: 'unchanged' };
  return { kind: 'updated', record: incoming };
}

/** Topics the reader follows stay as they are; topics only the backup has are appended. */
export function mergeTopics(existing: Topic[], incoming: Topic[]): { topics: Topic[]; added: Topic[] } {
  const have = new Set(existing.map((t) => t.id));
  const added = incoming.filter((t) => !have.has(t.id));
  return { topics: [...existing, ...added], added };
}

export interface CountSummary {
  /** In the backup. */
  total: number;
  /** Not in the database yet. */
  new: number;
  /** Already in the database, whether or not the backup's copy is newer. */
  present: number;
  /** Of those present, the ones the backup changes (a newer copy, more topics). */
  updated: number;
}

export interface RestoreSummary {
  topics: CountSummary;
  articles: CountSummary;
  highlights: CountSummary;
}

export function countOutcomes(outcomes: MergeOutcome<unknown>[]): CountSummary {
  const count = (kind: MergeOutcome<unknown>['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const added = count('new');
  return { total: outcomes.length, new: added, present: outcomes.length - added, updated: count('updated') };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Structural equality of two JSON-shaped records (key order aside). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
