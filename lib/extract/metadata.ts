// Article metadata from the page's own declarations (JSON-LD, then meta tags, then markup such as <time>):
// no library reads it per article when a page holds several.
import { directionOfLang, directionOfText, type Direction } from '../text/direction';
import { ARTICLE_TYPES, PUBLISHED_DATE_KEYS, typeName } from './schema-org';
import { canonicalUrl } from './url';

const MAX_JSON_LD_SCRIPTS = 8;
const MAX_JSON_LD_CHARS = 200_000;

export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
  image?: string;
}

/** The first schema.org article object declared in JSON-LD, if any. */
export function readJsonLdArticle(doc: Document): JsonLdArticle | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    const raw = scripts[i].textContent ?? '';
    if (raw.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const found = findArticleNode(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticleNode(node: unknown, depth: number): JsonLdArticle | null {
  if (depth > 4 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findArticleNode(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(typeName(t)))) {
    return {
      headline: asText(record.headline) ?? asText(record.name),
      datePublished: asText(record.datePublished),
      author: nameOf(record.author),
      publisher: nameOf(record.publisher),
      url: asText(record.url) ?? asText((record.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']),
      image: urlOf(record.image),
    };
  }
  return findArticleNode(record['@graph'], depth + 1);
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return asText(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => Boolean(n));
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return asText((value as Record<string, unknown>).name);
  return undefined;
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return asText(value);
  if (Array.isArray(value)) return urlOf(value[0]);
  if (value && typeof value === 'object') return asText((value as Record<string, unknown>).url);
  return undefined;
}

export function metaContent(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** An ISO 8601 timestamp with offset, or undefined when the value is not a real date. */
export function toIsoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString();
}

export function absoluteHttpUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base || undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text of the first element matching the selectors, tried in order of preference. */
export function firstMatchText(scope: ParentNode, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const text = scope.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

/**
 * The author line of a block, without its "By" and without the date that often shares the line
 * (`By Ana Rusu · <time>10 June</time>`).
 */
export function bylineIn(scope: ParentNode, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const el = scope.querySelector(selector);
    if (!el) continue;
    let text = el.textContent ?? '';
    for (const time of el.querySelectorAll('time')) text = text.replace(time.textContent ?? '', ' ');
    const cleaned = text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(by|por|par|von|di|da|door|av|от|автор:?|بقلم|كتب)\s+/i, '')
      .replace(/[\s·|•,–—-]+$/u, '')
      .trim();
    if (cleaned) return cleaned;
  }
  return undefined;
}

/** A publication time declared inside a block: microdata first, then the first <time datetime>. */
export function publishedTimeIn(scope: ParentNode): string | undefined {
  const micro = scope.querySelector('[itemprop="datePublished"]');
  const declared =
    micro?.getAttribute('datetime') ??
    micro?.getAttribute('content') ??
    scope.querySelector('time[datetime]')?.getAttribute('datetime');
  return toIsoDate(declared);
}

/**
 * What a page declares about itself, read once per extraction: its JSON-LD article, addresses, titles, author, site,
 * date, language, direction and image. Every article on the page is assembled from this and its own block.
 */
export interface PageMetadata {
  ld: JsonLdArticle | null;
  /** rel=canonical, og:url or the address itself (see canonicalUrl). */
  canonicalUrl: string;
  /** og:url as declared. */
  ogUrl?: string;
  /** The JSON-LD headline, og:title (or twitter:title) and the document's title, those that are set. */
  titles: string[];
  /** og:title alone. */
  ogTitle?: string;
  /** The document's <title>. */
  documentTitle: string;
  /** The `author` or `article:author` meta tag. */
  author?: string;
  /** og:site_name or application-name. */
  siteName?: string;
  /** The first publication date among PUBLISHED_DATE_KEYS, as ISO 8601. */
  publishedAt?: string;
  /** The document's language (see langOf). */
  lang?: string;
  /** The root element's `dir`. */
  dir?: string;
  /** og:image or twitter:image, as declared. */
  image?: string;
}

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld = readJsonLdArticle(doc);
  const titles = [ld?.headline, metaContent(doc, 'og:title', 'twitter:title'), doc.title].filter((t): t is string =>
    Boolean(t?.trim()),
  );
  return {
    ld,
    canonicalUrl: canonicalUrl(doc, pageUrl),
    ogUrl: metaContent(doc, 'og:url'),
    titles,
    ogTitle: metaContent(doc, 'og:title'),
    documentTitle: doc.title,
    author: metaContent(doc, 'author', 'article:author'),
    siteName: metaContent(doc, 'og:site_name', 'application-name'),
    publishedAt: toIsoDate(metaContent(doc, ...PUBLISHED_DATE_KEYS)),
    lang: langTag(
      doc.documentElement.getAttribute('lang')?.trim() ||
        doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim() ||
        metaContent(doc, 'og:locale', 'language', 'inLanguage'),
    ),
    dir: doc.documentElement.getAttribute('dir') ?? undefined,
    image: metaContent(doc, 'og:image', 'twitter:image'),
  };
}

/** A block's language: its own or an ancestor's `lang`, else the page's. */
export function langOf(container: Element | null, page: PageMetadata): string | undefined {
  return langTag(container?.closest('[lang]')?.getAttribute('lang')?.trim()) ?? page.lang;
}

function langTag(lang: string | null | undefined): string | undefined {
  return lang?.trim().replace('_', '-').slice(0, 35) || undefined;
}

/** A block's declared direction (its own or an ancestor's `dir`), else the page's. */
export function dirOf(container: Element | null, page: PageMetadata): string | undefined {
  return container?.closest('[dir]')?.getAttribute('dir') ?? page.dir;
}

/** The first of the values that has text, whitespace collapsed; '' when none has. */
export function firstText(...values: (string | null | undefined)[]): string {
  for (const value of values) {
    const cleaned = value?.replace(/\s+/g, ' ').trim();
    if (cleaned) return cleaned;
  }
  return '';
}

export function resolveDirection(
  declared: string | null | undefined,
  lang: string | undefined,
  text: string,
): Direction {
  if (declared === 'rtl' || declared === 'ltr') return declared;
  return directionOfLang(lang) ?? directionOfText(text);
}
