// Every article on a page, as the reader sees it: the only module that imports the
// extraction library. Readability finds the body of one article; Beatwatch adds what it
// lacks for news pages: several full articles on one page, their own metadata, and
// clean-up of the page furniture that sits inside article bodies.
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../schema';
import { blockText, removeNoise } from './clean';
import {
  absoluteHttpUrl,
  documentLang,
  metaContent,
  readJsonLdArticle,
  resolveDirection,
  toIsoDate,
} from './metadata';
import { canonicalUrl, cleanUrl } from './url';

const MIN_ARTICLE_CHARS = 400;
const EXCERPT_CHARS = 280;

/** A full article (not a teaser) in the page: an <article>-like block with a heading and real body text. */
export function findArticleContainers(doc: Document): Element[] {
  const candidates = doc.querySelectorAll('article, [itemtype*="schema.org/NewsArticle"], [itemtype*="schema.org/Article"], [data-article-url]');
  const full: Element[] = [];
  for (const el of candidates) {
    if (full.some((outer) => outer.contains(el))) continue;
    if (!el.querySelector('h1, h2, [itemprop="headline"]')) continue;
    if (paragraphChars(el) < MIN_ARTICLE_CHARS) continue;
    // Keep the innermost full article: a wrapper around several articles is not itself one.
    for (let i = full.length - 1; i >= 0; i--) if (el.contains(full[i]!)) full.splice(i, 1);
    full.push(el);
  }
  return full;
}

function paragraphChars(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll('p')) {
    if (p.closest('figure, figcaption, aside, nav, footer')) continue;
    total += (p.textContent ?? '').trim().length;
  }
  return total;
}

/**
 * Extracts each full article on the page. A page with one article (or none marked up)
 * goes through Readability whole; several marked-up articles are extracted one by one
 * so that one article's title is never joined to another's body. The first article is
 * the one the page's own metadata (JSON-LD, canonical URL) describes; appended ones
 * carry their own URL, heading, byline and time.
 */
export function extractArticles(doc: Document, pageUrl: string): ExtractedArticle[] {
  const containers = findArticleContainers(doc);
  if (containers.length <= 1) {
    const one = extractOne(doc, pageUrl, containers[0] ?? null, true);
    return one ? [one] : [];
  }
  const results: ExtractedArticle[] = [];
  containers.forEach((container, index) => {
    const article = extractOne(doc, pageUrl, container, index === 0);
    if (article) results.push(article);
  });
  return results;
}

/** The page's main article only (used when the reader clips a page by hand). */
export function extractMainArticle(doc: Document, pageUrl: string): ExtractedArticle | null {
  return extractArticles(doc, pageUrl)[0] ?? null;
}

function extractOne(doc: Document, pageUrl: string, container: Element | null, describedByPage: boolean): ExtractedArticle | null {
  const source = container ? isolate(doc, container) : doc;
  const clone = source.cloneNode(true) as Document;
  removeNoise(clone.body ?? clone.documentElement);
  const parsed = new Readability(clone, { charThreshold: MIN_ARTICLE_CHARS, serializer: (node: Node) => node }).parse();
  const text = parsed?.content ? blockText(parsed.content as unknown as Element) : '';
  if (text.length < MIN_ARTICLE_CHARS / 2) return null;

  const scope = container ?? doc;
  const ld = describedByPage ? readJsonLdArticle(doc) : null;
  const lang = documentLang(doc, container ?? undefined) ?? parsed?.lang ?? undefined;
  const declaredDir = container?.closest('[dir]')?.getAttribute('dir') ?? doc.documentElement.getAttribute('dir') ?? parsed?.dir;
  const pageTitle = describedByPage ? firstText(ld?.headline, metaContent(doc, 'og:title')) : '';
  return buildArticle({
    url: describedByPage ? canonicalUrl(doc, pageUrl) : ownUrl(container!, pageUrl) ?? syntheticUrl(doc, pageUrl, container!, text),
    pageUrl,
    title: firstText(container ? headingOf(container) : undefined, pageTitle, parsed?.title, doc.title),
    text,
    byline: firstText(
      ld?.author,
      scope.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent,
      parsed?.byline,
      describedByPage ? metaContent(doc, 'author', 'article:author') : undefined,
    ),
    siteName: firstText(ld?.publisher, metaContent(doc, 'og:site_name', 'application-name'), parsed?.siteName),
    publishedAt:
      toIsoDate(ld?.datePublished) ??
      (describedByPage ? toIsoDate(metaContent(doc, 'article:published_time', 'datePublished', 'date', 'pubdate')) : undefined) ??
      toIsoDate(scope.querySelector('time[datetime]')?.getAttribute('datetime')) ??
      (describedByPage ? toIsoDate(parsed?.publishedTime) : undefined),
    lang,
    dir: resolveDirection(declaredDir, lang, text),
    leadImage: absoluteHttpUrl(
      describedByPage ? (ld?.image ?? metaContent(doc, 'og:image')) : scope.querySelector('img[src]')?.getAttribute('src'),
      pageUrl,
    ),
  });
}

/** An appended article's own address, from the site's markup. */
function ownUrl(container: Element, pageUrl: string): string | null {
  const declared =
    container.getAttribute('data-article-url') ??
    container.getAttribute('data-url') ??
    container.querySelector('[itemprop="url"]')?.getAttribute('content') ??
    container.querySelector('h1 a[href], h2 a[href]')?.getAttribute('href');
  return declared ? cleanUrl(declared, pageUrl) : null;
}

/** Without a URL of its own, an appended article is told apart by its heading. */
function syntheticUrl(doc: Document, pageUrl: string, container: Element, text: string): string {
  return `${canonicalUrl(doc, pageUrl)}#article-${hashCode(headingOf(container) ?? text.slice(0, 200))}`;
}

/** A document holding the page's <head> and one article, so the library sees only that article. */
function isolate(doc: Document, container: Element): Document {
  const isolated = doc.implementation.createHTMLDocument(doc.title);
  for (const node of doc.head?.childNodes ?? []) isolated.head.appendChild(isolated.importNode(node, true));
  const lang = doc.documentElement.getAttribute('lang');
  if (lang) isolated.documentElement.setAttribute('lang', lang);
  isolated.body.appendChild(isolated.importNode(container, true));
  return isolated;
}

function headingOf(container: Element): string | undefined {
  const heading = container.querySelector('h1, [itemprop="headline"], h2');
  return firstText(heading?.textContent ?? undefined);
}

function firstText(...values: (string | null | undefined)[]): string {
  for (const value of values) {
    const cleaned = value?.replace(/\s+/g, ' ').trim();
    if (cleaned) return cleaned;
  }
  return '';
}

function hashCode(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

interface ArticleFields extends Omit<ExtractedArticle, 'excerpt' | 'byline' | 'siteName'> {
  byline?: string;
  siteName?: string;
}

function buildArticle(fields: ArticleFields): ExtractedArticle {
  const excerpt = fields.text.length > EXCERPT_CHARS ? `${fields.text.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')}…` : fields.text;
  const article: ExtractedArticle = {
    url: fields.url,
    pageUrl: fields.pageUrl,
    title: fields.title.slice(0, 1000),
    dir: fields.dir,
    excerpt: excerpt.replace(/\s+/g, ' '),
    text: fields.text,
  };
  if (fields.byline) article.byline = fields.byline.slice(0, 500);
  if (fields.siteName) article.siteName = fields.siteName.slice(0, 300);
  if (fields.publishedAt) article.publishedAt = fields.publishedAt;
  if (fields.lang) article.lang = fields.lang;
  if (fields.leadImage) article.leadImage = fields.leadImage;
  return article;
}
