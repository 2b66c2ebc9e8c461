// Suggests a place's name in other languages from the browser's own region names (Intl.DisplayNames), so a reader
// tracking "Ukraine" can add أوكرانيا, Украина and 乌克兰 without any data shipped or fetched.
import { normalizeTerm } from '../text/normalize';
import { tokenizeTerm } from '../text/tokenize';

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
type NameStyle = 'long' | 'short';
const formatters = new Map<string, Intl.DisplayNames | undefined>();

function displayNames(locale: string, style: NameStyle = 'long'): Intl.DisplayNames | undefined {
  const key = `${style} ${locale}`;
  if (formatters.has(key)) return formatters.get(key);
  let formatter: Intl.DisplayNames | undefined;
  try {
    formatter = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
  } catch {
    // An invalid locale tag from the caller: it simply contributes no names.
    formatter = undefined;
  }
  formatters.set(key, formatter);
  return formatter;
}

/** A locale's region names in both styles (Bosnia and Herzegovina, and Bosnia). */
const bothStyles = (locale: string) => [displayNames(locale, 'long'), displayNames(locale, 'short')];

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

/** One name of a region in the languages whose articles it is looked for in (topic matching, compile.ts). */
export interface RegionName {
  /** The name normalized and split as a query term would be. */
  tokens: string[];
  /** ALIAS_LOCALES that write the region so (long or short style). */
  locales: string[];
}

/** A word's script, told by its first letter: which locales' names can be written as a term in it. */
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'other';
export function scriptOf(word: string): Script {
  const c = word.charCodeAt(0);
  if (c < 0x250) return 'latin';
  if (c >= 0x0600 && c <= 0x06ff) return 'arabic';
  if (c >= 0x0400 && c <= 0x04ff) return 'cyrillic';
  return 'other';
}

let codes: string[] | undefined;

/** The region codes English has a name for (about 260 of the 676 pairs of letters), found once. */
function regionCodes(): string[] {
  if (codes !== undefined) return codes;
  codes = [];
  const english = displayNames('en');
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      const name = english?.of(code);
      if (!NOT_REGIONS.has(code) && name !== undefined && name !== code) codes.push(code);
    }
  }
  return codes;
}

const termKeysByLocale = new Map<string, Map<string, string>>();

/** Region names of a locale, long and short, as query terms (tokens joined by a space) → region code. */
function regionsByTerm(locale: string): Map<string, string> {
  let byTerm = termKeysByLocale.get(locale);
  if (byTerm !== undefined) return byTerm;
  byTerm = new Map();
  for (const names of bothStyles(locale)) {
    if (names === undefined) continue;
    for (const code of regionCodes()) {
      const key = termKeyOf(names.of(code), code);
      if (key !== undefined && !byTerm.has(key)) byTerm.set(key, code);
    }
  }
  termKeysByLocale.set(locale, byTerm);
  return byTerm;
}

/**
 * A region name as a query term's tokens joined by a space; undefined for none, or for an abbreviation in capitals
 * (US, UK, UAE), which as an article's word is far more often something else ("us").
 */
function termKeyOf(name: string | undefined, code: string): string | undefined {
  if (name === undefined || name === code || /^[A-Z.]+$/.test(name)) return undefined;
  const tokens = tokenizeTerm(normalizeTerm(name));
  return tokens.length === 0 ? undefined : tokens.join(' ');
}

let localesByScript: Map<Script, string[]> | undefined;

/** The ALIAS_LOCALES whose region names are written in `script`, found once. */
function localesWriting(script: Script): string[] {
  if (localesByScript === undefined) {
    localesByScript = new Map();
    for (const locale of ALIAS_LOCALES) {
      const sample = displayNames(locale)?.of('FR');
      if (sample === undefined) continue;
      const of = scriptOf(normalizeTerm(sample));
      localesByScript.set(of, [...(localesByScript.get(of) ?? []), locale]);
    }
  }
  return localesByScript.get(script) ?? [];
}

const regionNamesByTerm = new Map<string, RegionName[] | undefined>();
const MAX_CACHED_TERMS = 20_000;

/**
 * When a query term (its normalized tokens) is a country's or territory's name in one of ALIAS_LOCALES: its other
 * names there (CLDR's, long and short), each with the languages that write it so; undefined otherwise.
 */
export function regionNamesOf(tokens: readonly string[]): RegionName[] | undefined {
  const key = tokens.join(' ');
  if (regionNamesByTerm.has(key)) return regionNamesByTerm.get(key);
  let code: string | undefined;
  // Only the locales of the term's script can name it (and building the others' tables costs for nothing).
  for (const locale of localesWriting(scriptOf(key))) {
    code = regionsByTerm(locale).get(key);
    if (code !== undefined) break;
  }
  let out: RegionName[] | undefined;
  if (code !== undefined) {
    const byKey = new Map<string, RegionName>();
    for (const locale of ALIAS_LOCALES) {
      for (const names of bothStyles(locale)) {
        const name = termKeyOf(names?.of(code), code);
        if (name === undefined || name === key) continue;
        const entry = byKey.get(name);
        if (entry === undefined) byKey.set(name, { tokens: name.split(' '), locales: [locale] });
        else if (!entry.locales.includes(locale)) entry.locales.push(locale);
      }
    }
    out = [...byKey.values()];
  }
  // The topic tester compiles every draft as it is typed: the cache must not grow with every keystroke for ever.
  if (regionNamesByTerm.size >= MAX_CACHED_TERMS) regionNamesByTerm.clear();
  regionNamesByTerm.set(key, out);
  return out;
}
