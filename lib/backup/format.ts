// The backup file: everything a reader gathered (topics, articles with facts and matches, highlights and notes) in
// one JSON document, named and versioned so that any later Beatwatch can read it. A file is untrusted input: each
// record is upgraded to the current shapes and validated with zod, and nothing is written until all of it passed.
import { z } from 'zod';
import { MAX_TOPICS } from '../limits';
import {
  articleRecordSchema,
  highlightRecordSchema,
  topicSchema,
  type ArticleRecord,
  type HighlightRecord,
  type Topic,
} from '../schema';
import { parseQuery } from '../topics/query';
import { backupErrorText, topicQueryProblem, type BackupProblem } from './backup-errors';
import { validationOf } from '../validation-messages';

export const BACKUP_FORMAT = 'beatwatch-backup';
/** The layout of the file itself; the records inside follow the database version that wrote them (`dbVersion`). */
export const BACKUP_VERSION = 1;

/**
 * Files larger than this are refused before they are read. A year's reading backs up to about 110 MB; the file is
 * read and sent in parts, so the bound is the disk, not a message.
 */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const MAX_BACKUP_ARTICLES = 200_000;
const MAX_BACKUP_HIGHLIGHTS = 500_000;

/**
 * A backup as the current version writes it. Records are the stored records' own schemas, so fields another change
 * adds to them (optional, as every added field must be) travel in backups without a change here; derived data
 * (indexes, search postings) is left out and rebuilt on restore.
 */
export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    /** The database version whose record shapes the file holds. */
    dbVersion: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    topics: z.array(topicSchema).max(MAX_TOPICS),
    articles: z.array(articleRecordSchema).max(MAX_BACKUP_ARTICLES),
    highlights: z.array(highlightRecordSchema).max(MAX_BACKUP_HIGHLIGHTS),
  })
  .strict();
export type Backup = z.infer<typeof backupSchema>;

export interface BackupContents {
  topics: Topic[];
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

export function createBackup(contents: BackupContents, dbVersion: number, now: Date): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, dbVersion, createdAt: now.toISOString(), ...contents };
}

/** `beatwatch-backup-2026-12-01.json`, by the reader's local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `beatwatch-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Brings one record written by an older version a step closer to today's shape (before validation). */
export type RecordUpgrade = (record: unknown) => unknown;
export type RecordList = 'topics' | 'articles' | 'highlights';
export type RecordUpgrades = Readonly<Partial<Record<RecordList, RecordUpgrade>>>;

/**
 * Record upgrades by database version: entry N converts a record written at database version N-1 the way migration
 * N converted the stored ones. Only migrations that change what a backup holds need one. Per record, so that a file
 * is upgraded as it is read, one record at a time.
 */
export const RECORD_UPGRADES: Readonly<Record<number, RecordUpgrades>> = {
  // 4: highlight positions written before it leave out script and style text, as migration 4 marks stored ones.
  4: {
    highlights: (h) => (typeof h === 'object' && h !== null && !Array.isArray(h) ? { ...h, legacyPositions: true } : h),
  },
};

export interface ReadOptions {
  /** The database version records are brought to. */
  dbVersion: number;
  recordUpgrades?: Readonly<Record<number, RecordUpgrades>>;
}

export type ReadResult = { ok: true; backup: Backup } | { ok: false; error: string; problem: BackupProblem };

/** What a backup file says about itself; it comes before its records. */
export interface BackupHeader {
  version: number;
  /** The database version the file's records were written at. */
  dbVersion: number;
}

/** Whether a file's version and database version can be read here; the reason it cannot otherwise. */
export function checkHeader(
  fields: Record<string, unknown>,
  dbVersion: number,
): { ok: true; header: BackupHeader } | { ok: false; problem: BackupProblem } {
  const refuse = (code: BackupProblem['code']) => ({ ok: false as const, problem: { code, details: [] } });
  if (fields.format !== BACKUP_FORMAT) return refuse('notABackup');
  const { version, dbVersion: fileDbVersion } = fields;
  if (!Number.isInteger(version) || (version as number) < 1) return refuse('noVersion');
  if (
    (version as number) > BACKUP_VERSION ||
    (Number.isInteger(fileDbVersion) && (fileDbVersion as number) > dbVersion)
  )
    return refuse('newer');
  if (!Number.isInteger(fileDbVersion) || (fileDbVersion as number) < 1) return refuse('noDbVersion');
  return { ok: true, header: { version: version as number, dbVersion: fileDbVersion as number } };
}

const RECORD_SCHEMAS = { topics: topicSchema, articles: articleRecordSchema, highlights: highlightRecordSchema };
type RecordOf<L extends RecordList> = z.infer<(typeof RECORD_SCHEMAS)[L]>;

/**
 * Upgrades one record of a list from the file's database version to `options.dbVersion` and validates it. The error
 * names the record by its place in the file (`index`, from 0), its title or name, and its id.
 */
export function checkRecord<L extends RecordList>(
  list: L,
  index: number,
  raw: unknown,
  fileDbVersion: number,
  { dbVersion, recordUpgrades = RECORD_UPGRADES }: ReadOptions,
): { ok: true; record: RecordOf<L> } | { ok: false; problem: BackupProblem } {
  let record = raw;
  for (let v = fileDbVersion + 1; v <= dbVersion; v++) {
    const step = recordUpgrades[v]?.[list];
    if (step) record = step(record);
  }
  const parsed = RECORD_SCHEMAS[list].safeParse(record);
  if (parsed.success) return { ok: true, record: parsed.data as RecordOf<L> };
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
  // One of Beatwatch's own checks: by its code, so the reader gets its words in the UI language (zod's own words
  // follow the UI language through zod's locales).
  const own = validationOf(issue.message);
  return {
    ok: false,
    problem: {
      code: PROBLEMS[list].bad,
      details: [index + 1, label(record), `${field}${issue.message}`],
      ...(own && { validation: { ...own, field } }),
    },
  };
}

/** The reader's topics as a whole (the reader already bounds their number): each query parsed. */
export function checkTopics(topics: Topic[]): BackupProblem | null {
  for (const [i, topic] of topics.entries()) {
    const query = parseQuery(topic.query);
    if (!query.ok) return topicQueryProblem(i + 1, unbidi(topic.name), query.error);
  }
  return null;
}

/** "Article 3: the id “…” appears twice." */
export function duplicateId(list: RecordList, index: number, id: string): BackupProblem {
  return { code: PROBLEMS[list].twice, details: [index + 1, shorten(unbidi(id))] };
}

export function tooMany(list: RecordList): BackupProblem {
  return { code: PROBLEMS[list].many, details: [LIST_LIMITS[list]] };
}

export const LIST_LIMITS: Readonly<Record<RecordList, number>> = {
  topics: MAX_TOPICS,
  articles: MAX_BACKUP_ARTICLES,
  highlights: MAX_BACKUP_HIGHLIGHTS,
};

const PROBLEMS = {
  topics: { bad: 'badTopic', twice: 'twiceTopic', many: 'manyTopics' },
  articles: { bad: 'badArticle', twice: 'twiceArticle', many: 'manyArticles' },
  highlights: { bad: 'badHighlight', twice: 'twiceHighlight', many: 'manyHighlights' },
} as const;

/** Embeddings, overrides and isolates: a hostile title could otherwise reorder the message around it. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const unbidi = (text: string) => text.replace(BIDI_CONTROLS, '');
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** What the reader can recognise a record by: its title or name, and its id, shortened and quoted safely. */
function label(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const { title, name, id } = record as Record<string, unknown>;
  const parts = [title ?? name, id]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => shorten(unbidi(part)));
  return parts.length ? `(${parts.map((part) => `“${part}”`).join(', ')})` : '';
}

/** The English words of a problem, for the result of reading a whole file at once. */
export function readFailure(problem: BackupProblem): Extract<ReadResult, { ok: false }> {
  return { ok: false, error: backupErrorText(problem), problem };
}
