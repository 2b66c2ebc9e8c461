// What zod says is wrong with a value, in the UI language, for pages that show it to the reader (the options page
// names a backup's first bad record and what is wrong with it). Only the UI's own languages are bundled; English is
// zod's default.
import { z } from 'zod';
import { ar } from 'zod/locales';
import { uiLanguage } from './messages';

const LOCALES: Readonly<Record<string, typeof ar>> = { ar };

/** Sets zod's messages to the UI language for this page. */
export function localizeValidation(): void {
  const locale = LOCALES[uiLanguage()];
  if (locale) z.config(locale());
}
