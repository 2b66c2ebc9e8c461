import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackup } from '@/lib/backup/backup-reader';
import { BACKUP_FORMAT, backupFileName, createBackup, type RecordUpgrades } from '@/lib/backup/format';
import { arabicArticle, article, highlight, topics } from './records';

const DB = 3;
const backup = () =>
  createBackup(
    { topics, articles: [article(), arabicArticle()], highlights: [highlight()] },
    DB,
    new Date('2026-12-01T03:00:00Z'),
  );
const read = (value: unknown, dbVersion = DB) => readBackup(JSON.stringify(value), { dbVersion });
const errorOf = (value: unknown) => {
  const result = read(value);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('backup file', () => {
  it('round-trips exactly, Arabic and mixed text included', () => {
    const original = backup();
    const result = read(original);
    expect(result).toEqual({ ok: true, backup: original });
    if (result.ok) expect(result.backup.articles[1].title).toBe('محادثات «ستورم شادو» في إسطنبول 2026');
  });

  it('is named by the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59))).toBe('beatwatch-backup-2026-01-05.json');
  });

  it('refuses what is not a backup, saying so', () => {
    expect(readBackup('{"format": "beatwatch-backup", "topics": [', { dbVersion: DB })).toMatchObject({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
    expect(errorOf({ topics: [] })).toMatch(/not a Beatwatch backup/);
    expect(errorOf([1, 2])).toMatch(/not a Beatwatch backup/);
    expect(errorOf(null)).toMatch(/not a Beatwatch backup/);
    expect(errorOf({ format: 'beatwatch-topics', version: 1, topics: [] })).toMatch(/not a Beatwatch backup/);
  });

  it('refuses a file from a newer Beatwatch', () => {
    expect(errorOf({ ...backup(), version: 2 })).toMatch(/newer Beatwatch/);
    expect(errorOf({ ...backup(), dbVersion: DB + 1 })).toMatch(/newer Beatwatch/);
    expect(errorOf({ ...backup(), version: '1' })).toMatch(/no valid version/);
  });

  it('names the first bad record and the field', () => {
    const file = backup();
    file.articles[1] = { ...file.articles[1], url: 'javascript:alert(1)' };
    file.highlights[0] = { ...file.highlights[0], note: 42 as unknown as string };
    expect(errorOf(file)).toBe(
      'Article 2 (“محادثات «ستورم شادو» في إسطنبول 2026”, “fedcba9876543210fedcba9876543210”): url: expected an http(s) URL. Nothing was restored.',
    );
  });

  it('refuses wrong types and wrong ids', () => {
    const wrongType = backup() as unknown as { highlights: Record<string, unknown>[] };
    wrongType.highlights[0].createdAt = '2026-12-01';
    expect(errorOf(wrongType)).toMatch(/^Highlight 1 .*createdAt: /);
    expect(errorOf({ ...backup(), articles: [article({ id: '../../etc/passwd' })] })).toMatch(
      /^Article 1 .*id: not an article id/,
    );
    expect(errorOf({ ...backup(), articles: 'all of them' })).toMatch(/damaged: articles: /);
  });

  it('refuses duplicate ids and topics whose query does not parse', () => {
    expect(errorOf({ ...backup(), highlights: [highlight(), highlight()] })).toMatch(/^Highlight 2: the id .* twice/);
    expect(errorOf({ ...backup(), topics: [{ ...topics[0], query: '("unclosed' }] })).toMatch(/^Topic 1 /);
  });

  it('refuses huge strings, naming the record', () => {
    const huge = 'x'.repeat(5_000_001);
    expect(errorOf({ ...backup(), articles: [article({ text: huge })] })).toMatch(/^Article 1 .*text: /);
    expect(errorOf({ ...backup(), highlights: [highlight({ note: huge })] })).toMatch(/^Highlight 1 .*note: /);
  });

  it('drops unknown keys, __proto__ and constructor included, without polluting any prototype', () => {
    const text = JSON.stringify(backup()).replace(
      '"title":"Talks resume in Istanbul"',
      '"title":"Talks resume in Istanbul","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}',
    );
    const result = readBackup(`{"__proto__":{"polluted":true},${text.slice(1)}`, { dbVersion: DB });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not a Beatwatch backup/) });
    const later = readBackup(text.replace('"topics":', '"__proto__":{"polluted":true},"topics":'), { dbVersion: DB });
    expect(later).toMatchObject({ ok: false, error: expect.stringMatching(/damaged: it has a field “__proto__”/) });
    const inRecord = readBackup(text, { dbVersion: DB });
    expect(inRecord.ok).toBe(true);
    if (inRecord.ok) {
      expect(Object.hasOwn(inRecord.backup.articles[0], '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(inRecord.backup.articles[0])).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('neutralises bidi overrides in the message that quotes a hostile title', () => {
    const hostile = article({ title: '\u202Egnp.exe\u202C <script>alert(1)</script>', url: 'ftp://x' });
    expect(errorOf({ ...backup(), articles: [hostile] })).toMatch(/^Article 1 \(“gnp\.exe <script>/);
  });

  it('marks highlights from a file written before database version 4 as having legacy positions', () => {
    const result = read({ ...backup(), dbVersion: 3 }, 4);
    expect(result).toMatchObject({ ok: true, backup: { dbVersion: 4, highlights: [{ legacyPositions: true }] } });
    expect(read({ ...backup(), dbVersion: 4 }, 4)).toMatchObject({ ok: true, backup: { highlights: [highlight()] } });
    expect(read({ ...backup(), dbVersion: 3, highlights: [7] }, 4)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Highlight 1: Invalid input: expected object, received number/),
    });
  });

  it('upgrades an older file through the hooks before validating it', () => {
    const v1 = { ...backup(), dbVersion: 3 } as Record<string, unknown>;
    // A hypothetical database version 4 renamed highlight notes; the backup written at version 3 is converted.
    const renamed = { ...v1, highlights: [{ ...highlight(), note: undefined, comment: 'old' }] };
    const recordUpgrades: Record<number, RecordUpgrades> = {
      4: {
        highlights: (h) => {
          const { comment, ...rest } = h as Record<string, unknown>;
          return { ...rest, note: comment };
        },
      },
    };
    const result = readBackup(JSON.stringify(renamed), { dbVersion: 4, recordUpgrades });
    expect(result).toMatchObject({ ok: true, backup: { dbVersion: 4, highlights: [{ note: 'old' }] } });
    expect(readBackup(JSON.stringify({ ...v1, version: 0 }), { dbVersion: 3 })).toMatchObject({
      ok: false,
      error: 'This backup has no valid version number.',
    });
  });

  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = read(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record({ format: fc.constant(BACKUP_FORMAT), version: fc.constant(1), dbVersion: fc.constant(DB) }),
        fc.dictionary(fc.constantFrom('topics', 'articles', 'highlights', 'createdAt'), fc.jsonValue()),
        (head, rest) => {
          const result = read({ ...head, ...rest });
          if (!result.ok) expect(result.error).toMatch(/\.$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a truncated file', () => {
    const text = JSON.stringify(backup());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        expect(readBackup(text.slice(0, cut), { dbVersion: DB }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
