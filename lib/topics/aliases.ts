// Suggests a place's name in other languages from the browser's own region names (Intl.DisplayNames), so a reader
// tracking "Ukraine" can add أوكرانيا, Украина and 乌克兰 without any data shipped or fetched.
import { normalizeTerm } from '../text/normalize';

/** Languages whose names are offered, in this order. */
export const ALIAS_LOCALES = [
  'en',
  'ar',
  'ru',
  'uk',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'zh',
  'ja',
  'ko',
  'tr',
  'fa',
  'he',
  'hi',
  'pl',
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// ISO 3166 user-assigned and exceptional codes: not places a reader tracks.
const NOT_REGIONS = new Set([
  'AA',
  'QM',
  'QN',
  'QO',
  'QP',
  'QQ',
  'QR',
  'QS',
  'QT',
  'QU',
  'QV',
  'QW',
  'QX',
  'QY',
  'QZ',
  'XA',
  'XB',
  'ZZ',
  'EU',
  'EZ',
  'UN',
]);

const namesByLocale = new Map<string, Map<string, string>>();
const formatters = new Map<string, Intl.DisplayNames | undefined>();

function displayNames(locale: string): Intl.DisplayNames | undefined {
  if (formatters.has(locale)) return formatters.get(locale);
  let formatter: Intl.DisplayNames | undefined;
  try {
    formatter = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    // An invalid locale tag from the caller: it simply contributes no names.
    formatter = undefined;
  }
  formatters.set(locale, formatter);
  return formatter;
}

/** Normalized region name → region code in one locale, built once per locale. */
function regionsByName(locale: string): Map<string, string> {
  let byName = namesByLocale.get(locale);
  if (byName !== undefined) return byName;
  byName = new Map();
  const names = displayNames(locale);
  if (names !== undefined) {
    for (const a of LETTERS) {
      for (const b of LETTERS) {
        const code = a + b;
        if (NOT_REGIONS.has(code)) continue;
        const name = names.of(code);
        if (name !== undefined && name !== code) byName.set(normalizeTerm(name), code);
      }
    }
  }
  namesByLocale.set(locale, byName);
  return byName;
}

const wordsByLocale = new Map<string, readonly string[]>();

/** The normalized one-word region names of a locale (Nigeria, النيجر, Германия), built once per locale. */
export function regionWords(locale: string): readonly string[] {
  let words = wordsByLocale.get(locale);
  if (words === undefined) {
    words = [...regionsByName(locale).keys()].filter((name) => /^\p{L}+$/u.test(name));
    wordsByLocale.set(locale, words);
  }
  return words;
}

/**
 * Names of the region called `term` (in English or in one of `locales`) in other languages, excluding any that
 * normalize to the term itself; [] when the term names no region.
 */
export function suggestAliases(term: string, locales: string[] = []): string[] {
  const key = normalizeTerm(term.trim());
  if (key === '') return [];
  let code: string | undefined;
  for (const locale of ['en', ...locales]) {
    code = regionsByName(locale).get(key);
    if (code !== undefined) break;
  }
  if (code === undefined) return [];
  const seen = new Set([key]);
  const out: string[] = [];
  for (const locale of [...ALIAS_LOCALES, ...locales]) {
    const name: string | undefined = displayNames(locale)?.of(code);
    if (name === undefined || name === code) continue;
    const normalized = normalizeTerm(name);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    out.push(name);
  }
  return out;
}
