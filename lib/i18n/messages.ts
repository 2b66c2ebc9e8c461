// The UI's words, through browser.i18n: public/_locales/<lang>/messages.json, chosen by the browser's UI language.
// English is the default locale; tests/unit/i18n/locales.test.ts fails when a locale lacks a message.
import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';
import { backupErrorMessageKey, tidy, withoutStop, type BackupProblem } from '../backup/backup-errors';
import { queryErrorMessageKey, type QueryErrorCode } from '../topics/query-errors';
import { validationMessageKey } from '../validation-messages';

export type MessageKey = keyof typeof english;
/** Messages whose number changes the words: `<key>` is the general form, `<key>_<plural category>` the others. */
export type CountKey =
  | 'articleCount'
  | 'highlightCount'
  | 'reportCount'
  | 'matches'
  | 'allFacts'
  | 'hits'
  | 'deleteKeepArticles'
  | 'deleteWithArticles'
  | 'imported'
  | 'unsavedPages'
  | 'topicCount'
  | 'markdownExported';

// Typed by WXT from the English messages; plural forms are looked up by a key built at run time.
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);

/** A message with its `$1`…`$9` filled in. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return getMessage(key, substitutions.map(String));
}

/** What is wrong with a topic query, in the UI language. */
export function queryErrorWords(error: { code: QueryErrorCode; details: readonly string[] }): string {
  return t(queryErrorMessageKey(error.code), ...error.details);
}

/** Why a backup cannot be restored, in the UI language, its numbers in the UI's digits. */
export function backupErrorWords({ code, details, query, validation }: BackupProblem): string {
  const words = details.map((detail) => (typeof detail === 'number' ? formatNumber(detail) : detail));
  if (query) words[2] = withoutStop(queryErrorWords(query));
  if (validation)
    words[2] = `${validation.field}${t(validationMessageKey(validation.code), ...validation.details.map(formatNumber))}`;
  return tidy(t(backupErrorMessageKey(code), ...words));
}

/**
 * The language of the messages shown (`en`, `ar`), as their locale names it: dates and numbers follow the words on
 * screen. (Chromium can answer getUILanguage() with its own default while its messages come from another locale.)
 */
export function uiLanguage(): string {
  return t('uiLocale') || 'en';
}

/** The direction of the messages' language. */
export function uiDirection(): 'ltr' | 'rtl' {
  return t('uiDirection') === 'rtl' ? 'rtl' : 'ltr';
}

/** Page text (a title, a topic's name) set apart inside a message, so its own direction cannot reorder the words. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

let numbers: Intl.NumberFormat | undefined;
let plurals: Intl.PluralRules | undefined;

/** A number written in the UI language (Arabic-Indic digits in Arabic). */
export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(value);
}

/** A counted message: the form for the number's plural category when the locale has one, else the general form. */
export function tCount(key: CountKey, count: number): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const text = formatNumber(count);
  return getMessage(`${key}_${plurals.select(count)}`, [text]) || t(key, text);
}

let dates: Intl.DateTimeFormat | undefined;

/** A day written in the UI language; '' for an unknown time. */
export function formatDate(time: number): string {
  if (!Number.isFinite(time)) return '';
  dates ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
  return dates.format(time);
}

/** Sets the page's language and direction from the UI language: called once by each extension page. */
export function localizeDocument(document: Document): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
}
