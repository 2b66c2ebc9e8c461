// What a page declares about an article is cleaned here, in the page, to what the background's schema accepts: the
// background stays strict and refuses a whole payload for one bad field, so a year-10000 date or a 5,000-character
// og:image would otherwise cost the reader the article. Cleaned, not refused: a field that cannot be made right is
// dropped when optional, cut when it is text or an address the article needs. No zod here (page scripts import it).
import {
  MAX_BYLINE_CHARS,
  MAX_EXCERPT_CHARS,
  MAX_LANG_CHARS,
  MAX_SITE_NAME_CHARS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  PUBLISHED_YEARS,
} from '../limits';
import type { ExtractedArticle } from '../schema';

/** True when the background's httpUrlSchema accepts the value: an http(s) address of at most MAX_URL_CHARS. */
export function isStorableUrl(value: string): boolean {
  if (value.length > MAX_URL_CHARS) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * An address the schema accepts: the value itself when it does, else its origin and path (the query and fragment of
 * an over-long address are what grows: trackers, session state), else that path cut; undefined when even the origin
 * is too long or the value is no http(s) address.
 */
export function storableUrl(value: string): string | undefined {
  if (isStorableUrl(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Never cut into the host: a shorter host is another site.
  if (url.origin.length + 1 > MAX_URL_CHARS) return undefined;
  const originAndPath = `${url.origin}${url.pathname}`;
  if (isStorableUrl(originAndPath)) return originAndPath;
  // The serialised path is percent-encoded ASCII: a prefix of it still parses.
  const cut = originAndPath.slice(0, MAX_URL_CHARS);
  return isStorableUrl(cut) ? cut : `${url.origin}/`;
}

/** A publication date as ISO 8601 in UTC, or undefined when it is no date or falls outside PUBLISHED_YEARS. */
export function plausibleDate(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= PUBLISHED_YEARS.min && year <= PUBLISHED_YEARS.max ? date.toISOString() : undefined;
}

/**
 * The text cut to `max` characters, counted as the schema counts them (zod: code points, a surrogate pair is one), so
 * what the schema accepts is left whole and a pair is never split.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    if (points === max) return text.slice(0, i);
    points++;
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return text;
}

/**
 * The article with every field in the schema's bounds (lib/schema.ts extractedArticleSchema), or null when its own
 * address or its page's cannot be made a storable one (no http(s) address, or a host beyond MAX_URL_CHARS).
 */
export function sanitizeArticle(article: ExtractedArticle): ExtractedArticle | null {
  const url = storableUrl(article.url);
  const pageUrl = storableUrl(article.pageUrl);
  if (url === undefined || pageUrl === undefined) return null;
  const clean: ExtractedArticle = {
    url,
    pageUrl,
    title: cutText(article.title, MAX_TITLE_CHARS),
    dir: article.dir === 'rtl' ? 'rtl' : 'ltr',
    excerpt: cutText(article.excerpt, MAX_EXCERPT_CHARS),
    text: cutText(article.text, MAX_TEXT_CHARS),
  };
  if (article.byline !== undefined) clean.byline = cutText(article.byline, MAX_BYLINE_CHARS);
  if (article.siteName !== undefined) clean.siteName = cutText(article.siteName, MAX_SITE_NAME_CHARS);
  const publishedAt = article.publishedAt === undefined ? undefined : plausibleDate(article.publishedAt);
  if (publishedAt !== undefined) clean.publishedAt = publishedAt;
  if (article.lang !== undefined) clean.lang = cutText(article.lang, MAX_LANG_CHARS);
  // A lead image is a nicety: one too long to store is left out, not cut into an address that shows nothing.
  const leadImage =
    article.leadImage === undefined || !isStorableUrl(article.leadImage) ? undefined : article.leadImage;
  if (leadImage !== undefined) clean.leadImage = leadImage;
  return clean;
}
