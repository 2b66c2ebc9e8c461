// The backup file: everything a reader gathered (topics, articles with facts and matches, highlights and notes) in
// one JSON document, named and versioned so that any later Beatwatch can read it. A file is untrusted input: it is
// upgraded to the current shapes, then validated whole with zod before anything is written.
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

export const BACKUP_FORMAT = 'beatwatch-backup';
/** The layout of the file itself; the records inside follow the database version that wrote them (`dbVersion`). */
export const BACKUP_VERSION = 1;

/** Files larger than this are refused before they are read (runtime messages carry at most 64 MiB in Chrome). */
export const MAX_BACKUP_BYTES = 60 * 1024 * 1024;
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

/** Brings one JSON object written by an older version a step closer to today's shapes (before validation). */
export type RawUpgrade = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Record upgrades by database version: entry N converts the records of a file written at database version N-1 the
 * way migration N converted the stored ones. Only migrations that change what a backup holds need one.
 */
export const RECORD_UPGRADES: Readonly<Record<number, RawUpgrade>> = {
  // 4: highlight positions written before it leave out script and style text, as migration 4 marks stored ones.
  4: (file) => ({
    ...file,
    highlights: Array.isArray(file.highlights)
      ? file.highlights.map((h: unknown) =>
          typeof h === 'object' && h !== null && !Array.isArray(h) ? { ...h, legacyPositions: true } : h,
        )
      : file.highlights,
  }),
};

/** File layout upgrades: entry N converts a version N-1 file to version N. */
export const FORMAT_UPGRADES: Readonly<Record<number, RawUpgrade>> = {};

export interface ReadOptions {
  /** The database version records are brought to. */
  dbVersion: number;
  recordUpgrades?: Readonly<Record<number, RawUpgrade>>;
  formatUpgrades?: Readonly<Record<number, RawUpgrade>>;
}

export type ReadResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Reads a backup file's text: parsed, upgraded, validated whole. The error names the first bad record. */
export function readBackup(text: string, options: ReadOptions): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON: it may be cut short, or not a Beatwatch backup.' };
  }
  return checkBackup(data, options);
}

/** Upgrades and validates an already parsed backup (the background checks what the options page sends). */
export function checkBackup(data: unknown, options: ReadOptions): ReadResult {
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    !('format' in data) ||
    data.format !== BACKUP_FORMAT
  )
    return { ok: false, error: 'This is not a Beatwatch backup (it does not say "format": "beatwatch-backup").' };
  const upgraded = upgrade(data, options);
  if (!upgraded.ok) return upgraded;
  const parsed = backupSchema.safeParse(upgraded.file);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0], upgraded.file) };
  const duplicate = firstDuplicate(parsed.data);
  if (duplicate) return { ok: false, error: duplicate };
  for (const [i, topic] of parsed.data.topics.entries()) {
    const query = parseQuery(topic.query);
    if (!query.ok) return { ok: false, error: `Topic ${i + 1} (“${topic.name}”): ${query.error.message}.` };
  }
  return { ok: true, backup: parsed.data };
}

function upgrade(
  file: Record<string, unknown>,
  { dbVersion, recordUpgrades = RECORD_UPGRADES, formatUpgrades = FORMAT_UPGRADES }: ReadOptions,
): { ok: true; file: Record<string, unknown> } | { ok: false; error: string } {
  const { version, dbVersion: fileDbVersion } = file;
  if (!Number.isInteger(version) || (version as number) < 1)
    return { ok: false, error: 'This backup has no valid version number.' };
  if (
    (version as number) > BACKUP_VERSION ||
    (Number.isInteger(fileDbVersion) && (fileDbVersion as number) > dbVersion)
  )
    return { ok: false, error: 'This backup was made by a newer Beatwatch: update Beatwatch to restore it.' };
  if (!Number.isInteger(fileDbVersion) || (fileDbVersion as number) < 1)
    return { ok: false, error: 'This backup does not say which database version wrote it.' };
  let out = file;
  for (let v = (version as number) + 1; v <= BACKUP_VERSION; v++) {
    const step = formatUpgrades[v];
    if (!step) return { ok: false, error: `This backup's version ${String(version)} can no longer be read.` };
    out = { ...step(out), version: v };
  }
  for (let v = (fileDbVersion as number) + 1; v <= dbVersion; v++) {
    const step = recordUpgrades[v];
    if (step) out = step(out);
  }
  return { ok: true, file: { ...out, dbVersion } };
}

const LISTS = { topics: 'Topic', articles: 'Article', highlights: 'Highlight' } as const;

/** "Article 13 (“Title”, id 0f3a…): url: expected an http(s) URL." */
function describeIssue(issue: z.core.$ZodIssue, file: Record<string, unknown>): string {
  const [list, index, ...rest] = issue.path;
  if (typeof list === 'string' && Object.hasOwn(LISTS, list) && typeof index === 'number') {
    const record: unknown = (file[list] as unknown[])[index];
    const field = rest.length ? `${rest.join('.')}: ` : '';
    return `${LISTS[list as keyof typeof LISTS]} ${index + 1}${label(record)}: ${field}${issue.message}. Nothing was restored.`;
  }
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `This backup is damaged: ${where}${issue.message}. Nothing was restored.`;
}

/** Embeddings, overrides and isolates: a hostile title could otherwise reorder the message around it. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** What the reader can recognise a record by: its title or name, and its id, shortened and quoted safely. */
function label(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const { title, name, id } = record as Record<string, unknown>;
  const parts = [title ?? name, id]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => part.replace(BIDI_CONTROLS, ''))
    .map((part) => (part.length > 60 ? `${part.slice(0, 60)}…` : part));
  return parts.length ? ` (${parts.map((part) => `“${part}”`).join(', ')})` : '';
}

function firstDuplicate(backup: Backup): string | null {
  for (const list of ['topics', 'articles', 'highlights'] as const) {
    const seen = new Set<string>();
    for (const [i, record] of backup[list].entries()) {
      if (seen.has(record.id))
        return `${LISTS[list]} ${i + 1}: the id “${record.id}” appears twice. Nothing was restored.`;
      seen.add(record.id);
    }
  }
  return null;
}
