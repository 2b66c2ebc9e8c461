// Text direction for a piece of text or a language tag. Pages often omit `dir` (common on
// Arabic sites), and a digest item must still render right to left when its text is.

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'ckb', 'dv', 'sd', 'ug', 'syr']);
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u052F\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF]/u;

export type Direction = 'ltr' | 'rtl';

export function directionOfLang(lang: string | null | undefined): Direction | null {
  if (!lang) return null;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? (RTL_LANGS.has(primary) ? 'rtl' : 'ltr') : null;
}

/** The direction of most strong characters in the first part of the text. */
export function directionOfText(text: string, sample = 2000): Direction {
  let rtl = 0;
  let ltr = 0;
  const end = Math.min(text.length, sample);
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (RTL_CHAR.test(ch)) rtl++;
    else if (LTR_CHAR.test(ch)) ltr++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}
