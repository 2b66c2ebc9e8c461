// Every UI string exists in every locale, with the same placeholders, and the Arabic is a translation: a message
// added to English alone, or a `t('…')` in the code with no message, fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CountKey } from '@/lib/i18n/messages';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES = join(ROOT, 'public', '_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(LOCALES);
const english = read('en');
/** Brand names stay as they are. */
const UNTRANSLATED = new Set(['extName']);
/** Messages that describe the locale itself. */
const DESCRIBING = new Set(['uiLocale', 'uiDirection']);
const COUNT_KEYS: CountKey[] = [
  'articleCount',
  'highlightCount',
  'reportCount',
  'matches',
  'allFacts',
  'hits',
  'deleteKeepArticles',
  'deleteWithArticles',
  'imported',
  'unsavedPages',
  'topicCount',
  'markdownExported',
];

/** `key` without a plural suffix its locale knows, and the suffix. */
function split(key: string, locale: string): [string, string | null] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  const match = /^(.*)_([a-z]+)$/.exec(key);
  return match && categories.includes(match[2]) ? [match[1], match[2]] : [key, null];
}
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

/** Every message key the code asks for: t('…'), tCount('…'), and the manifest's __MSG_…__. */
function keysInCode(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/\bt(?:Count)?\('([A-Za-z0-9_]+)'/g)) keys.add(m[1]);
        for (const m of source.matchAll(/: '([a-z][A-Za-z]+)',?$/gm)) if (english[m[1]]) keys.add(m[1]);
      }
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(join(ROOT, dir));
  for (const m of readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g))
    keys.add(m[1]);
  return keys;
}

describe('UI locales', () => {
  it('has English and Arabic, each naming its language and direction', () => {
    expect(locales.sort()).toEqual(['ar', 'en']);
    for (const locale of locales) {
      const messages = read(locale);
      expect(messages.uiLocale?.message).toBe(locale);
      expect(messages.uiDirection?.message).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    }
  });

  it('has no "$1$" in any message: browsers read it as a named placeholder and refuse to load the extension', () => {
    for (const locale of locales) {
      const joined = Object.entries(read(locale)).filter(([, { message }]) => /\$\d+\$/.test(message));
      expect(
        joined.map(([key]) => key),
        locale,
      ).toEqual([]);
    }
  });

  it('has a message for every key the code uses', () => {
    const missing = [...keysInCode()].filter((key) => !english[key]);
    expect(missing).toEqual([]);
  });

  for (const locale of locales.filter((l) => l !== 'en')) {
    const messages = read(locale);
    it(`${locale}: every English message, with the same placeholders`, () => {
      const bases = new Set(Object.keys(messages).map((key) => split(key, locale)[0]));
      const missing = Object.keys(english).filter((key) => split(key, 'en')[1] === null && !messages[key]);
      expect(missing).toEqual([]);
      const unknown = [...bases].filter((base) => !english[base]);
      expect(unknown).toEqual([]);
      for (const [key, { message }] of Object.entries(messages)) {
        const [base] = split(key, locale);
        expect(message.trim(), key).not.toBe('');
        if (split(key, locale)[1] === null)
          expect(placeholders(message), key).toEqual(placeholders(english[base].message));
      }
    });

    it(`${locale}: translated, not copied`, () => {
      const copied = Object.keys(english).filter(
        (key) => !UNTRANSLATED.has(key) && !DESCRIBING.has(key) && messages[key]?.message === english[key].message,
      );
      expect(copied).toEqual([]);
    });
  }

  it('counted messages have a general form in every locale, and only plural forms the locale has', () => {
    for (const locale of locales) {
      const messages = read(locale);
      for (const key of COUNT_KEYS) expect(messages[key], `${locale} ${key}`).toBeDefined();
      const strays = Object.keys(messages).filter((key) => {
        const match = /^(.*)_([a-z]+)$/.exec(key);
        return match && COUNT_KEYS.includes(match[1] as CountKey) && split(key, locale)[1] === null;
      });
      expect(strays, locale).toEqual([]);
    }
  });
});
