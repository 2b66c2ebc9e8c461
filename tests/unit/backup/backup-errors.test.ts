// Every way a backup file can be refused has a code, English words in lib/backup/backup-errors.ts and the same words
// in the UI's English messages (the Arabic ones are checked by tests/unit/i18n/locales.test.ts and
// arabic-backup-errors.test.ts), so the options page can say it in the reader's language.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_ERROR_TEXTS,
  backupErrorMessageKey,
  backupErrorText,
  type BackupErrorCode,
  type BackupProblem,
} from '@/lib/backup/backup-errors';
import { BackupError, readBackup, readBackupStream } from '@/lib/backup/backup-reader';
import { createBackup, LIST_LIMITS } from '@/lib/backup/format';
import { backupErrorWords } from '@/lib/i18n/messages';
import { MAX_NOTE_CHARS, MAX_TOPICS } from '@/lib/limits';
import { VALIDATION_TEXTS, validationMessageKey, type ValidationCode } from '@/lib/validation-messages';
import english from '../../../public/_locales/en/messages.json';
import { arabicArticle, article, highlight, topics } from './records';

const messages: Record<string, { message: string }> = english;
const DB = 3;
const whole = () =>
  createBackup(
    { topics, articles: [article(), arabicArticle()], highlights: [highlight()] },
    DB,
    new Date('2026-12-01T03:00:00Z'),
  ) as unknown as Record<string, unknown>;
const manyTopics = Array.from({ length: MAX_TOPICS + 1 }, (_, i) => ({ ...topics[0], id: `t${i}` }));

/** A file wrong in each way a reader (or another program) can hand over, as its text. */
const WRONG: [BackupErrorCode, string][] = [
  ['notABackup', JSON.stringify({ topics: [] })],
  ['notJson', '{"format": "beatwatch-backup", "topics": ['],
  ['noVersion', JSON.stringify({ ...whole(), version: '1' })],
  ['newer', JSON.stringify({ ...whole(), version: 2 })],
  ['noDbVersion', JSON.stringify({ ...whole(), dbVersion: 'three' })],
  ['listMissing', JSON.stringify({ ...whole(), highlights: undefined })],
  ['notAList', JSON.stringify({ ...whole(), articles: 'all of them' })],
  ['unknownField', JSON.stringify({ ...whole(), extra: 1 })],
  ['badDate', JSON.stringify({ ...whole(), createdAt: 'yesterday' })],
  ['manyTopics', JSON.stringify({ ...whole(), topics: manyTopics })],
  ['topicQuery', JSON.stringify({ ...whole(), topics: [{ ...topics[0], query: '("unclosed' }] })],
  ['badTopic', JSON.stringify({ ...whole(), topics: [{ ...topics[0], name: 7 }] })],
  ['badArticle', JSON.stringify({ ...whole(), articles: [article({ url: 'javascript:alert(1)' })] })],
  ['badHighlight', JSON.stringify({ ...whole(), highlights: [{ ...highlight(), note: 42 }] })],
  ['twiceTopic', JSON.stringify({ ...whole(), topics: [topics[0], topics[0]] })],
  ['twiceArticle', JSON.stringify({ ...whole(), articles: [article(), article()] })],
  ['twiceHighlight', JSON.stringify({ ...whole(), highlights: [highlight(), highlight()] })],
];

function problemOf(text: string): BackupProblem {
  const result = readBackup(text, { dbVersion: DB });
  if (result.ok) throw new Error(`${text.slice(0, 40)} was read`);
  expect(result.error).toBe(backupErrorText(result.problem));
  return result.problem;
}

describe('backup errors', () => {
  it.each(WRONG)('%s: reported with its code and its English words', (code, text) => {
    const problem = problemOf(text);
    expect(problem.code).toBe(code);
    expect(backupErrorText(problem)).not.toMatch(/\$\d/);
  });

  it('words the bounds on articles and highlights with the bound as a number', () => {
    // Files over these bounds (200,000 articles, 500,000 highlights) would take minutes to build here.
    for (const list of ['articles', 'highlights'] as const) {
      const code = `many${list[0].toUpperCase()}${list.slice(1)}` as BackupErrorCode;
      expect(BACKUP_ERROR_TEXTS[code]).toContain('$1');
      expect(backupErrorText({ code, details: [LIST_LIMITS[list]] })).toMatch(/more than [\d,]+ /);
    }
  });

  it('has a reachable example for every code but the size bounds and the background’s refusals', () => {
    // The background's (parts out of order, missing, a restore replaced…): tests/unit/background/backup-handlers.test.ts.
    const covered = new Set(WRONG.map(([code]) => code));
    const untested = Object.keys(BACKUP_ERROR_TEXTS).filter((code) => !covered.has(code as BackupErrorCode));
    expect(untested).toEqual([
      'manyArticles',
      'manyHighlights',
      'replaced',
      'partsComplete',
      'partOrder',
      'partsMissing',
      'notWhole',
      'tooManyTopics',
    ]);
  });

  it('gives a failed check of Beatwatch’s own by its code, with the same English words in the UI messages', () => {
    for (const [code, text] of Object.entries(VALIDATION_TEXTS))
      expect(messages[validationMessageKey(code as ValidationCode)]?.message, code).toBe(text);
    const record = problemOf(WRONG.find(([code]) => code === 'badArticle')![1]);
    expect(record.validation).toEqual({ code: 'httpUrl', details: [], field: 'url: ' });
    expect(backupErrorWords(record)).toBe(backupErrorText(record));
    const id = problemOf(JSON.stringify({ ...whole(), articles: [article({ id: 'not-hex' })] }));
    expect(id.validation).toEqual({ code: 'articleId', details: [], field: 'id: ' });
    const note = problemOf(
      JSON.stringify({ ...whole(), highlights: [{ ...highlight(), note: 'x'.repeat(MAX_NOTE_CHARS + 1) }] }),
    );
    expect(note.validation).toEqual({ code: 'noteLong', details: [MAX_NOTE_CHARS], field: 'note: ' });
    expect(backupErrorWords(note)).toContain(`at most ${MAX_NOTE_CHARS.toLocaleString('en')} characters`);
    // zod's own words (a wrong type) have no code: the UI language's zod locale says them.
    expect(problemOf(WRONG.find(([code]) => code === 'badHighlight')![1]).validation).toBeUndefined();
  });

  it('has the same English words in the UI messages, details filled the same way', () => {
    for (const [code, text] of Object.entries(BACKUP_ERROR_TEXTS))
      expect(messages[backupErrorMessageKey(code as BackupErrorCode)]?.message, code).toBe(text);
    for (const [, text] of WRONG) {
      const problem = problemOf(text);
      expect(backupErrorWords(problem)).toBe(backupErrorText(problem));
    }
  });

  it('keeps numbers as numbers and the query error by code, for the UI to write in its own language', () => {
    const record = problemOf(WRONG.find(([code]) => code === 'badArticle')![1]);
    expect(record.details).toEqual([
      1,
      '(“Talks resume in Istanbul”, “0123456789abcdef0123456789abcdef”)',
      'url: expected an http(s) URL',
    ]);
    const query = problemOf(WRONG.find(([code]) => code === 'topicQuery')![1]);
    expect(query.query?.code).toBe('quoteUnclosed');
    expect(backupErrorText(query)).toBe(
      'Topic 1 (“Ukraine talks”): This quote is never closed: add a closing " after the phrase. Nothing was restored.',
    );
  });

  it('a file read in parts is refused with the same problem', async () => {
    const text = WRONG.find(([code]) => code === 'twiceArticle')![1];
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.subarray(i, i + 100));
        controller.close();
      },
    });
    const refusal = await readBackupStream(stream, async () => {}, { dbVersion: DB }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).problem).toEqual({
      code: 'twiceArticle',
      details: [2, '0123456789abcdef0123456789abcdef'],
    });
  });
});
