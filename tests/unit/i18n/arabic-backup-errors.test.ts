// A backup refused while the UI is in Arabic says why in Arabic: the message, its numbers as the locale writes them, the
// query's own error and what zod found wrong with the record. Only the record's own words (title, id, field name)
// stay as the file has them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import arabic from '../../../public/_locales/ar/messages.json';
import { readBackup } from '@/lib/backup/backup-reader';
import { createBackup } from '@/lib/backup/format';
import { backupErrorWords } from '@/lib/i18n/messages';
import { localizeValidation } from '@/lib/i18n/validation-locale';
import { article, highlight, topics } from '../backup/records';

const messages: Record<string, { message: string }> = arabic;
const installArabic = () => {
  fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | string[]) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
  fakeBrowser.i18n.getUILanguage = () => 'ar';
};
installArabic();
beforeEach(installArabic);

const DB = 3;
const file = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    ...createBackup({ topics, articles: [article()], highlights: [highlight()] }, DB, new Date('2026-12-01T03:00:00Z')),
    ...overrides,
  });
function arabicWords(text: string): string {
  const result = readBackup(text, { dbVersion: DB });
  if (result.ok) throw new Error('the file was read');
  return backupErrorWords(result.problem);
}
/** zod's Arabic names JSON types as JSON does. */
const TYPE_NAMES = new Set(['string', 'number', 'boolean', 'object', 'array', 'null', 'undefined']);
/** Latin words left once the record's own words (quoted, or a field name before a colon) are taken out. */
const english = (words: string) =>
  (
    words
      .replace(/“[^”]*”|«[^»]*»/g, '')
      .replace(/[A-Za-z.]+:/g, '')
      .match(/[A-Za-z]{2,}/g) ?? []
  ).filter((word) => !TYPE_NAMES.has(word));

describe('backup errors in Arabic', () => {
  beforeEach(localizeValidation);

  it('names a bad record, its place as the locale writes numbers and what is wrong in Arabic', () => {
    const words = arabicWords(
      file({ highlights: [highlight(), { ...highlight({ id: 'h-11111111-2222-3333-4444-666666666666' }), note: 42 }] }),
    );
    expect(words).toMatch(new RegExp(`^التظليل ${new Intl.NumberFormat('ar').format(2)} `));
    expect(words).toContain('لم يُستعَد شيء.');
    expect(english(words)).toEqual([]);
  });

  it('says a cut file, another program’s file and a duplicate in Arabic', () => {
    expect(arabicWords('{"format": "beatwatch-backup", "topics": [')).toMatch(/^هذا الملف ليس بصيغة JSON/);
    expect(arabicWords(JSON.stringify({ topics: [] }))).toMatch(/^هذا ليس نسخة احتياطية من Beatwatch/);
    expect(arabicWords(file({ articles: [article(), article()] }))).toBe(
      `المقال ${new Intl.NumberFormat('ar').format(2)}: المعرِّف «0123456789abcdef0123456789abcdef» مكرَّر. لم يُستعَد شيء.`,
    );
  });

  it('says what Beatwatch’s own checks found wrong with a record in Arabic, not only zod’s', () => {
    const words = arabicWords(file({ articles: [article({ url: 'javascript:alert(1)' })] }));
    expect(words).toContain('url: المتوقَّع عنوان http(s). لم يُستعَد شيء.');
    expect(english(words.replace('http(s)', ''))).toEqual([]);
  });

  it('says the background’s refusals of a restore in Arabic, its numbers as the locale writes them', () => {
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(backupErrorWords({ code: 'partOrder', details: [3, 2] })).toBe(
      `وصل الجزء ${ar(3)} من النسخة الاحتياطية بدلًا من الجزء ${ar(2)}. لم يُستعَد شيء.`,
    );
    for (const problem of [
      { code: 'replaced', details: [] },
      { code: 'partsComplete', details: [] },
      { code: 'partsMissing', details: [1, 2, 3, 4] },
      { code: 'notWhole', details: [] },
      { code: 'tooManyTopics', details: [1001, 1000] },
    ] as const) {
      const words = backupErrorWords(problem);
      expect(words, problem.code).toContain('لم يُستعَد شيء');
      expect(english(words), problem.code).toEqual([]);
    }
  });

  it('gives a topic’s query error in Arabic, with one full stop', () => {
    const words = arabicWords(file({ topics: [{ ...topics[0], query: '("unclosed' }] }));
    expect(words).toMatch(new RegExp(`^الموضوع ${new Intl.NumberFormat('ar').format(1)} \\(«Ukraine talks»\\): `));
    expect(words).not.toContain('..');
    expect(english(words)).toEqual([]);
  });
});
