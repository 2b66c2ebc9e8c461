// Every full article on a page, the page's own first, each with its own text and metadata: Readability
// finds one body per call and cannot tell the page's article from appended ones (the only importer of it).
import { Readability } from '@mozilla/readability';
import { MAX_TEXT_CHARS } from '../limits';
import type { ExtractedArticle } from '../schema';
import { cleanArticleContent, collectBlocks, joinBlocks, stripNonText, textLength, trimBlocks } from './clean';
import {
  absoluteHttpUrl,
  bylineIn,
  documentLang,
  firstMatchText,
  metaContent,
  publishedTimeIn,
  readJsonLdArticle,
  resolveDirection,
  toIsoDate,
  type JsonLdArticle,
} from './metadata';
import { ARTICLE_BLOCK_SELECTOR, PUBLISHED_DATE_KEYS } from './schema-org';
import { canonicalUrl, cleanUrl } from './url';

const MIN_ARTICLE_CHARS = 400;
const EXCERPT_CHARS = 280;
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe']);
/**
 * Text read from one article (about 13,000 words; the longest article in the extraction corpus has 53,000
 * characters): bounds the work on giant or hostile pages. Readability's share grows faster than the text: on a
 * 1 MB page, 120,000 characters made it a 40–50 ms task, 80,000 about 30 ms (npm run bench:page).
 */
const TEXT_BUDGET = 80_000;
const HEADING = 'h1, [itemprop="headline"], h2';
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[rel="author"]',
  '[itemprop="author"]',
  '.byline',
  '.author',
];

/** A full article (not a teaser) in the page: an <article>-like block with a heading and real body text. */
export function findArticleContainers(doc: Document): Element[] {
  const candidates = doc.querySelectorAll(`${ARTICLE_BLOCK_SELECTOR}, [data-article-url]`);
  const full: Element[] = [];
  for (const el of candidates) {
    // Microdata on <html> or <body> describes the page, not a block in it.
    if (el === doc.documentElement || el === doc.body) continue;
    if (full.some((outer) => outer.contains(el))) continue;
    if (!el.querySelector(HEADING)) continue;
    if (!hasProse(el, MIN_ARTICLE_CHARS)) continue;
    // Keep the innermost full article: a wrapper around several articles is not itself one.
    for (let i = full.length - 1; i >= 0; i--) if (el.contains(full[i]!)) full.splice(i, 1);
    full.push(el);
  }
  return full;
}

/** At least `min` characters in the block's paragraphs (captions and asides aside); stops counting there. */
function hasProse(el: Element, min: number): boolean {
  let total = 0;
  for (const p of el.querySelectorAll('p')) {
    if (p.closest('figure, figcaption, aside, nav, footer')) continue;
    total += (p.textContent ?? '').trim().length;
    if (total >= min) return true;
  }
  return false;
}

/** What the page says about its own article: used to tell it apart from articles appended below it. */
interface PageIdentity {
  /** The page's addresses as `urlKey`s. */
  urls: Set<string>;
  titles: string[];
  ld: JsonLdArticle | null;
}

function pageIdentity(doc: Document, pageUrl: string): PageIdentity {
  const ld = readJsonLdArticle(doc);
  const urls = new Set<string>();
  for (const raw of [pageUrl, canonicalUrl(doc, pageUrl), metaContent(doc, 'og:url'), ld?.url]) {
    const key = raw ? urlKey(raw, pageUrl) : null;
    if (key) urls.add(key);
  }
  const titles = [ld?.headline, metaContent(doc, 'og:title', 'twitter:title'), doc.title].filter((t): t is string =>
    Boolean(t?.trim()),
  );
  return { urls, titles, ld };
}

/**
 * Extracts each full article on the page, the page's own first. A page with no marked-up article
 * goes through Readability whole; marked-up articles are extracted one by one, so one article's
 * title is never joined to another's body and the library cannot pick an appended article instead
 * of the page's own (it picks the strongest block, not the one the URL names).
 */
export function extractArticles(doc: Document, pageUrl: string): ExtractedArticle[] {
  return finishExtraction(planExtraction(doc, pageUrl).map(({ step }) => runToEnd(step)));
}

/**
 * One task's share of extracting an article: the article, nothing, or the next share of the same work. Copying a
 * long article and parsing the copy took ~40 ms together on a 1 MB page; as two tasks, neither nears 50 ms.
 */
export type ExtractionStep = () => ExtractedArticle | null | ExtractionStep;

/** Runs a step and the shares it hands back, all at once. */
export function runToEnd(step: ExtractionStep): ExtractedArticle | null {
  let result = step();
  while (typeof result === 'function') result = result();
  return result;
}

/** One article's extraction, with a cheap key that names it: the same key, the same article. */
export interface PlannedArticle {
  /** Which article, and in which role: lets a caller that scans a page again skip articles it extracted. */
  key: string;
  step: ExtractionStep;
}

/**
 * The same work as extractArticles, as steps per article (the page's own first), so a caller
 * on the page's main thread can run each in its own idle period; finishExtraction joins them.
 */
export function planExtraction(doc: Document, pageUrl: string): PlannedArticle[] {
  const identity = pageIdentity(doc, pageUrl);
  const containers = findArticleContainers(doc);
  // The page's own article outside any marked-up block: named by the address and the title.
  const pageKey = (scope: string) =>
    `page\n${scope}\n${urlKey(pageUrl, pageUrl) ?? pageUrl}\n${identity.titles[0] ?? ''}`;
  if (containers.length === 0)
    return [{ key: pageKey('whole'), step: () => extractOne(doc, pageUrl, null, identity, []) }];
  const belongs = containers.map((c) => belongsToPage(c, pageUrl, identity));
  let mainIndex = belongs.indexOf('page');
  if (mainIndex < 0) mainIndex = belongs.indexOf('unknown');
  const steps: PlannedArticle[] = [];
  // Every marked-up article declares another address and the page's headline stands outside them:
  // the page's own article is not marked up, and is what remains without the appended ones.
  // Otherwise, with no article that is the page's own, each keeps its own address in page order.
  if (mainIndex < 0 && hasOwnHeadlineOutside(doc, containers, identity)) {
    steps.push({ key: pageKey('outside blocks'), step: () => extractOne(doc, pageUrl, null, identity, containers) });
  }
  const order =
    mainIndex < 0
      ? containers.map((_, i) => i)
      : [mainIndex, ...containers.map((_, i) => i).filter((i) => i !== mainIndex)];
  for (const index of order) {
    const container = containers[index]!;
    const own = index === mainIndex;
    // A block is named by its address and headline: a site that swaps a story inside the same element changes both.
    const key = `block\n${own ? pageKey('own block') : ''}\n${ownUrl(container, pageUrl) ?? ''}\n${headingOf(container) ?? ''}`;
    steps.push({ key, step: () => extractOne(doc, pageUrl, container, own ? identity : null, []) });
  }
  return steps;
}

/** The articles of a plan's steps, each with an address of its own. */
export function finishExtraction(results: (ExtractedArticle | null)[]): ExtractedArticle[] {
  return dedupeUrls(results.filter((a): a is ExtractedArticle => a !== null));
}

/** The page's main article only (used when the reader clips a page by hand). */
export function extractMainArticle(doc: Document, pageUrl: string): ExtractedArticle | null {
  return extractArticles(doc, pageUrl)[0] ?? null;
}

/** Whether a marked-up article is the page's own ('page'), declares another address ('other'), or says neither. */
function belongsToPage(container: Element, pageUrl: string, identity: PageIdentity): 'page' | 'other' | 'unknown' {
  const own = ownUrl(container, pageUrl);
  if (own && identity.urls.has(urlKey(own, pageUrl)!)) return 'page';
  const heading = headingOf(container);
  if (heading && identity.titles.some((t) => sameTitle(t, heading))) return 'page';
  return own ? 'other' : 'unknown';
}

/** An address for comparison only: sites mix http and https, www and not, trailing slashes. */
function urlKey(raw: string, base: string): string | null {
  const clean = cleanUrl(raw.trim(), base);
  if (!clean) return null;
  const url = new URL(clean);
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

function hasOwnHeadlineOutside(doc: Document, containers: Element[], identity: PageIdentity): boolean {
  for (const h1 of doc.querySelectorAll('h1')) {
    if (containers.some((c) => c.contains(h1))) continue;
    const text = h1.textContent ?? '';
    if (identity.titles.some((t) => sameTitle(t, text))) return true;
  }
  return false;
}

/** A headline and a page title match when one contains the other (titles often carry " | Site"). */
function sameTitle(a: string, b: string): boolean {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 12 && (x.includes(y) || y.includes(x)));
}

const normalizeTitle = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * One article. `identity` is set for the page's own article, whose metadata comes from the page's
 * declarations; an appended article's comes from its own markup. `exclude` are appended articles
 * to leave out when the page's own article is not marked up.
 */
function extractOne(
  doc: Document,
  pageUrl: string,
  container: Element | null,
  identity: PageIdentity | null,
  exclude: Element[],
): ExtractionStep {
  const clone = copyFor(doc, container, exclude);
  stripNonText(clone.body ?? clone.documentElement);
  return () => extractFromCopy(doc, pageUrl, container, identity, clone);
}

/** The second share of extractOne: the library on the copy, then Beatwatch's clean-up and metadata. */
function extractFromCopy(
  doc: Document,
  pageUrl: string,
  container: Element | null,
  identity: PageIdentity | null,
  clone: Document,
): ExtractedArticle | null {
  const parsed = new Readability(clone, {
    charThreshold: MIN_ARTICLE_CHARS,
    keepClasses: true,
    serializer: (node: Node) => node,
  }).parse();
  const content = (parsed?.content as unknown as Element | null | undefined) ?? null;
  if (!content || isTeaserList(content)) return null;

  const scope: ParentNode = container ?? doc;
  const heading = container ? headingOf(container) : undefined;
  const title = identity
    ? firstText(heading, identity.ld?.headline, metaContent(doc, 'og:title'), parsed?.title, doc.title)
    : firstText(heading, parsed?.title);
  const contentImage = leadImageIn(content);
  cleanArticleContent(content);
  // The headline in all its forms, so that a copy of it at the top of the body is dropped.
  const titles = [title, parsed?.title, firstMatchText(scope, ['h1']), ...(identity?.titles ?? [])].filter(
    (t): t is string => Boolean(t),
  );
  const text = joinBlocks(trimBlocks(collectBlocks(content), { titles })).slice(0, MAX_TEXT_CHARS);
  if (text.length < MIN_ARTICLE_CHARS / 2) return null;

  const ld = identity?.ld ?? null;
  const lang = documentLang(doc, container ?? undefined) ?? parsed?.lang ?? undefined;
  const declaredDir = container?.closest('[dir]')?.getAttribute('dir') ?? doc.documentElement.getAttribute('dir');
  return buildArticle({
    url: identity
      ? canonicalUrl(doc, pageUrl)
      : (ownUrl(container!, pageUrl) ?? syntheticUrl(doc, pageUrl, container!, text)),
    pageUrl,
    title,
    text,
    byline: firstText(
      ld?.author,
      bylineIn(scope, BYLINE_SELECTORS),
      identity ? metaContent(doc, 'author', 'article:author') : undefined,
      identity ? parsed?.byline : undefined,
    ),
    siteName: firstText(
      identity?.ld?.publisher,
      metaContent(doc, 'og:site_name', 'application-name'),
      parsed?.siteName,
    ),
    publishedAt:
      toIsoDate(ld?.datePublished) ??
      (identity ? toIsoDate(metaContent(doc, ...PUBLISHED_DATE_KEYS)) : undefined) ??
      publishedTimeIn(scope) ??
      (identity ? toIsoDate(parsed?.publishedTime) : undefined),
    lang,
    dir: resolveDirection(declaredDir, lang, text),
    leadImage: absoluteHttpUrl(
      (identity ? (ld?.image ?? metaContent(doc, 'og:image', 'twitter:image')) : undefined) ??
        (container ? leadImageIn(container) : contentImage),
      pageUrl,
    ),
  });
}

/**
 * What the library returns on a section front: a run of teaser cards (several <article> blocks,
 * each little more than a linked headline and a line of summary). Teasers are never an article.
 */
function isTeaserList(content: Element): boolean {
  const cards = [...content.querySelectorAll(ARTICLE_BLOCK_SELECTOR)];
  const teasers = cards.filter((card) => !hasProse(card, MIN_ARTICLE_CHARS) && card.querySelector('a[href]'));
  if (teasers.length < 3) return false;
  const teaserChars = teasers.reduce((sum, card) => sum + textLength(card), 0);
  return teaserChars >= textLength(content) * 0.5;
}

/**
 * An article's own address, from the site's markup: data-* URLs, its microdata, or a link that is
 * its headline. Links elsewhere inside it (logos, tags, authors) are not its address.
 */
function ownUrl(container: Element, pageUrl: string): string | null {
  const declared =
    container.getAttribute('data-article-url') ??
    container.getAttribute('data-url') ??
    (container.hasAttribute('itemscope') ? container.getAttribute('itemid') : null) ??
    microdataUrl(container) ??
    headlineLink(container);
  return declared ? cleanUrl(declared.trim(), pageUrl) : null;
}

function microdataUrl(container: Element): string | null {
  if (!container.hasAttribute('itemscope')) return null;
  for (const el of container.querySelectorAll('[itemprop="url"], [itemprop="mainEntityOfPage"]')) {
    // A property of a nested item (publisher, logo, author) describes that item, not the article.
    if (el.parentElement?.closest('[itemscope]') !== container) continue;
    const value = el.getAttribute('content') ?? el.getAttribute('href') ?? el.getAttribute('itemid');
    if (value) return value;
  }
  return null;
}

function headlineLink(container: Element): string | null {
  const heading = container.querySelector(HEADING);
  const link = heading?.querySelector('a[href]') ?? heading?.closest('a[href]');
  if (!heading || !link || !container.contains(link)) return null;
  const headingChars = textLength(heading);
  return headingChars > 0 && textLength(link) >= headingChars * 0.8 ? link.getAttribute('href') : null;
}

/** Without a URL of its own, an appended article is told apart by its heading. */
function syntheticUrl(doc: Document, pageUrl: string, container: Element, text: string): string {
  return `${canonicalUrl(doc, pageUrl)}#article-${hashCode(headingOf(container) ?? text.slice(0, 200))}`;
}

/** Two articles with one URL (a site reusing data-url): the later one gets its heading's hash. */
function dedupeUrls(articles: ExtractedArticle[]): ExtractedArticle[] {
  const seen = new Set<string>();
  return articles.map((article) => {
    if (!seen.has(article.url)) {
      seen.add(article.url);
      return article;
    }
    const url = `${article.url.replace(/#.*$/, '')}#article-${hashCode(article.title || article.text.slice(0, 200))}`;
    seen.add(url);
    return { ...article, url };
  });
}

/**
 * A copy of the page for the library, which mutates what it reads: with `container`, the page's
 * <head> and that article alone (no need to copy a heavy page once per appended article);
 * otherwise the whole page minus `exclude`, found in the copy by their child-index paths.
 */
function copyFor(doc: Document, container: Element | null, exclude: Element[]): Document {
  const source = container ?? (exclude.length === 0 ? doc.body : null);
  if (source) {
    const copy = doc.cloneNode(false) as Document;
    const root = copy.importNode(doc.documentElement, false);
    copy.appendChild(root);
    if (doc.head) root.appendChild(copy.importNode(doc.head, true));
    const body = copy.importNode(doc.body ?? doc.documentElement, false);
    root.appendChild(body);
    const budget = { left: TEXT_BUDGET };
    if (container) {
      const imported = importWithinBudget(copy, container, budget);
      if (imported) body.appendChild(imported);
    } else {
      for (let child = source.firstChild; child && budget.left > 0; child = child.nextSibling) {
        const imported = importWithinBudget(copy, child, budget);
        if (imported) body.appendChild(imported);
      }
    }
    return copy;
  }
  const paths = exclude.map((el) => pathFrom(doc.documentElement, el));
  const copy = doc.cloneNode(true) as Document;
  for (const path of paths) if (path) follow(copy.documentElement, path)?.remove();
  return copy;
}

/**
 * Copies a node, but only its first TEXT_BUDGET characters of text: the library's cost grows
 * with the page, and a digest needs the title, the lead and a bounded body, not a megabyte.
 */
function importWithinBudget(copy: Document, node: Node, budget: { left: number }): Node | null {
  if (budget.left <= 0) return null;
  // Code and styles are dropped before extraction anyway; their text must not spend the budget.
  if (node.nodeType === 1 && NOT_TEXT.has((node as Element).localName)) return null;
  const size = node.textContent?.length ?? 0;
  if (size <= budget.left || node.nodeType !== 1) {
    budget.left -= size;
    return copy.importNode(node, true);
  }
  const shallow = copy.importNode(node, false);
  for (let child = node.firstChild; child && budget.left > 0; child = child.nextSibling) {
    const imported = importWithinBudget(copy, child, budget);
    if (imported) shallow.appendChild(imported);
  }
  return shallow;
}

/** Child indexes from root down to el. */
function pathFrom(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let node: Element | null = el; node !== root; node = node.parentElement) {
    const parent: Element | null = node?.parentElement ?? null;
    if (!node || !parent) return null;
    path.push(Array.prototype.indexOf.call(parent.children, node));
  }
  return path.reverse();
}

function follow(root: Element, path: number[]): Element | null {
  let node: Element | undefined = root;
  for (const i of path) node = node?.children[i];
  return node ?? null;
}

/** The first real picture: not a data: placeholder, a tracking pixel or an icon. */
function leadImageIn(scope: ParentNode): string | undefined {
  for (const img of scope.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? img.getAttribute('data-src');
    if (!src || src.startsWith('data:')) continue;
    const width = Number(img.getAttribute('width'));
    if (width > 0 && width < 100) continue;
    return src;
  }
  return undefined;
}

function headingOf(container: Element): string | undefined {
  for (const selector of HEADING.split(', ')) {
    const text = firstText(container.querySelector(selector)?.textContent);
    if (text) return text;
  }
  return undefined;
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
  const flat = fields.text.replace(/\s+/g, ' ');
  const excerpt = flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')}…` : flat;
  const article: ExtractedArticle = {
    url: fields.url,
    pageUrl: fields.pageUrl,
    title: fields.title.slice(0, 1000),
    dir: fields.dir,
    excerpt,
    text: fields.text,
  };
  if (fields.byline) article.byline = fields.byline.slice(0, 500);
  if (fields.siteName) article.siteName = fields.siteName.slice(0, 300);
  if (fields.publishedAt) article.publishedAt = fields.publishedAt;
  if (fields.lang) article.lang = fields.lang;
  if (fields.leadImage) article.leadImage = fields.leadImage;
  return article;
}
