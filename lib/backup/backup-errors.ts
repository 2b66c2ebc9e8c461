// What can be wrong with a backup file, by code, as lib/topics/query-errors.ts does for queries: the reader reports a
// code and its details, the options page shows the UI language's words for it (public/_locales: `backupError` + the
// code, capitalised), and logs and tests use the English below. tests/unit/backup/backup-errors.test.ts keeps the two
// English texts equal.
import { queryErrorText, type QueryErrorCode } from '../topics/query-errors';
import type { ValidationProblem } from '../validation-messages';

/** The English text of each problem; `$1`, `$2` are its details, in the order they are given. */
export const BACKUP_ERROR_TEXTS = {
  notABackup: 'This is not a Beatwatch backup (it does not say "format": "beatwatch-backup").',
  notJson: 'This file is not JSON: it may be cut short, or not a Beatwatch backup.',
  noVersion: 'This backup has no valid version number.',
  newer: 'This backup was made by a newer Beatwatch: update Beatwatch to restore it.',
  noDbVersion: 'This backup does not say which database version wrote it.',
  listMissing: 'This backup is damaged: $1: missing. Nothing was restored.',
  notAList: 'This backup is damaged: $1: expected a list. Nothing was restored.',
  unknownField: 'This backup is damaged: it has a field “$1” that no backup has. Nothing was restored.',
  badDate: 'This backup is damaged: createdAt: $1. Nothing was restored.',
  topicQuery: 'Topic $1 (“$2”): $3. Nothing was restored.',
  badTopic: 'Topic $1 $2: $3. Nothing was restored.',
  badArticle: 'Article $1 $2: $3. Nothing was restored.',
  badHighlight: 'Highlight $1 $2: $3. Nothing was restored.',
  twiceTopic: 'Topic $1: the id “$2” appears twice. Nothing was restored.',
  twiceArticle: 'Article $1: the id “$2” appears twice. Nothing was restored.',
  twiceHighlight: 'Highlight $1: the id “$2” appears twice. Nothing was restored.',
  manyTopics: 'This backup holds more than $1 topics. Nothing was restored.',
  manyArticles: 'This backup holds more than $1 articles. Nothing was restored.',
  manyHighlights: 'This backup holds more than $1 highlights. Nothing was restored.',
  // Refused by the background while it receives the parts or commits (lib/db/restore-staging.ts).
  replaced: 'This restore was stopped or replaced by another one. Nothing was restored; choose the file again.',
  partsComplete: 'This restore already has all its parts. Nothing was restored.',
  partOrder: 'Part $1 of the backup arrived instead of part $2. Nothing was restored.',
  partsMissing: 'Only part of the backup arrived ($1 of $2 articles, $3 of $4 highlights). Nothing was restored.',
  notWhole: 'This restore has not received the whole file yet. Nothing was restored.',
  tooManyTopics: 'Restoring would make $1 topics; at most $2 can be followed. Nothing was restored.',
} as const;

export type BackupErrorCode = keyof typeof BACKUP_ERROR_TEXTS;

/**
 * One reason a backup cannot be restored. Numbers stay numbers so the UI writes them in its own digits; `query` is
 * set for `topicQuery`, whose third detail is the query's own error in English; `validation` for a bad record that
 * failed one of Beatwatch's own checks (lib/validation-messages.ts), whose third detail is its field (`field`, as
 * "url: ") and the check's English words.
 */
export interface BackupProblem {
  code: BackupErrorCode;
  details: readonly (string | number)[];
  query?: { code: QueryErrorCode; details: readonly string[] };
  validation?: ValidationProblem & { field: string };
}

/** The English text of a problem with its details filled in. */
export function backupErrorText({ code, details }: BackupProblem): string {
  return tidy(
    BACKUP_ERROR_TEXTS[code].replace(/\$(\d)/g, (whole, n: string) => {
      const detail = details[Number(n) - 1];
      if (detail === undefined) return whole;
      return typeof detail === 'number' ? detail.toLocaleString('en') : detail;
    }),
  );
}

/**
 * "Article 3 : …" for a record with no title or id to name it by: the space before the colon goes. (The messages
 * cannot write "$1$2": browsers read "$1$" as a named placeholder and refuse the whole extension.)
 */
export const tidy = (words: string) => words.replace(/^(\S+ \S+) :/, '$1:');

/** The UI message that says the same in the reader's language: `backupError` + the code, capitalised. */
export function backupErrorMessageKey(code: BackupErrorCode): `backupError${Capitalize<BackupErrorCode>}` {
  return `backupError${code[0].toUpperCase()}${code.slice(1)}` as `backupError${Capitalize<BackupErrorCode>}`;
}

/** A problem with a query's English words as its third detail. */
export function topicQueryProblem(
  index: number,
  name: string,
  query: { code: QueryErrorCode; details: readonly string[] },
): BackupProblem {
  return { code: 'topicQuery', details: [index, name, withoutStop(queryErrorText(query.code, query.details))], query };
}

/** Query errors are sentences, some with a full stop; inside a backup's message the message's own stop follows. */
export const withoutStop = (words: string) => words.replace(/\.$/, '');

/** A backup that cannot be restored; the message (English) says why and names the first bad record. */
export class BackupError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(backupErrorText(problem));
  }
}
