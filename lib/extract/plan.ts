// Which articles a page holds and in which role: the page's own (marked up or not) and the ones a site appended
// below it, each named by a cheap key so a later scan can skip what it already extracted. Readability finds one body
// per call and cannot tell the page's article from appended ones: this decides before it is called.
import { OVERLAY, PAGE_PARTS, overlayAround, repeatedArticleBlocks } from './article-blocks';
import { textLength } from './clean';
import { firstText, type PageMetadata } from './metadata';
import { ARTICLE_BLOCK_SELECTOR } from './schema-org';
import { mayNameArticle } from './provenance';
import { CLEAN_RULES } from './rules';
import { cleanUrl, syntheticArticleUrl } from './url';

export const MIN_ARTICLE_CHARS = 400;
const HEADING = 'h1, [itemprop="headline"], h2';

/** One article to extract: the block that holds it (null: the page outside its blocks) and its role. */
export interface ArticlePlan {
  /** Which article, and in which role: the same key, the same article. */
  key: string;
  /**
   * The address the article is stored under, decided here, from the page, so the highlighter finds the same one for
   * a node in its block: the page's canonical for its own article, else the block's own, else a synthetic one.
   */
  url: string;
  container: Element | null;
  /** The page's own article, whose metadata comes from the page's declarations. */
  own: boolean;
  /** Appended articles to leave out when the page's own article is not marked up. */
  exclude: Element[];
}

/**
 * The full articles (not teasers) in the page: <article>-like blocks with a heading and real body text and, when
 * `isOwn` tells the page's own article, blocks of any element that repeat its template (see article-blocks.ts).
 */
export function findArticleContainers(
  doc: Document,
  isOwn?: (block: Element, headline: Element) => boolean,
): Element[] {
  const marked = markedContainers(doc);
  const repeated = isOwn ? repeatedArticleBlocks(doc, MIN_ARTICLE_CHARS, isOwn) : [];
  if (repeated.length === 0) return marked;
  let all = [...new Set([...marked, ...repeated])];
  // A block around several others is a wrapper (an <article> around a whole stream of stories), not an article.
  all = all.filter((el) => all.filter((other) => other !== el && el.contains(other)).length < 2);
  // One block inside another: the same article, named once; the marked-up one names it.
  all = all.filter(
    (el) =>
      !all.some(
        (other) =>
          other !== el && (other.contains(el) || el.contains(other)) && marked.includes(other) && !marked.includes(el),
      ),
  );
  all = all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
  return all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** Blocks marked up as articles (<article>, schema.org items, data-article-url) with a heading and body text. */
function markedContainers(doc: Document): Element[] {
  const candidates = doc.querySelectorAll(`${ARTICLE_BLOCK_SELECTOR}, [data-article-url]`);
  const full: Element[] = [];
  for (const el of candidates) {
    // Microdata on <html> or a <body> (a parse can leave two) describes the page, not a block in it.
    if (el === doc.documentElement || el.localName === 'body') continue;
    // A login or consent box marked up as an article (see OVERLAY).
    if (overlayAround(el)) continue;
    if (full.some((outer) => outer.contains(el))) continue;
    if (!el.querySelector(HEADING)) continue;
    if (!hasProse(el, MIN_ARTICLE_CHARS)) continue;
    // Keep the innermost full article: a wrapper around several articles is not itself one.
    for (let i = full.length - 1; i >= 0; i--) if (el.contains(full[i])) full.splice(i, 1);
    full.push(el);
  }
  return full;
}

/**
 * At least `min` characters in the block's paragraphs (captions, asides and the block's own forms aside: a login
 * box's error messages are paragraphs too); stops counting there.
 */
export function hasProse(el: Element, min: number): boolean {
  let total = 0;
  for (const p of el.querySelectorAll('p')) {
    if (p.closest('figure, figcaption, aside, nav, footer')) continue;
    // A form around the block (ASP.NET pages wrap the whole page in one) is not the block's own.
    const form = p.closest('form');
    if (form && el.contains(form)) continue;
    total += (p.textContent ?? '').trim().length;
    if (total >= min) return true;
  }
  return false;
}

/**
 * What a read of the page outside its article blocks leaves out: the boxes laid over it that the markup declares
 * (OVERLAY) and forms (login and sign-up boxes: labels and error messages). Either stays when it holds the page's
 * headline or main part (PAGE_PARTS: a story a site opens in a modal, the one form ASP.NET pages wrap around
 * everything), and a form with a paragraph of prose stays (a shop's product form holds its description).
 * Readability, given the whole page, takes the longest login box for the article when the page's own text is short.
 */
export function overlayBoxes(doc: Document): Element[] {
  const boxes: Element[] = [];
  for (const el of doc.querySelectorAll(`${OVERLAY}, form`)) {
    if (boxes.some((box) => box.contains(el))) continue;
    if (el.querySelector(PAGE_PARTS) || (el.localName === 'form' && hasProseParagraph(el))) continue;
    boxes.push(el);
  }
  return boxes;
}

const PROSE_WORDS = 25;

/** A paragraph of running text: at least PROSE_WORDS words. */
function hasProseParagraph(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) {
    if ((p.textContent ?? '').trim().split(/\s+/).length >= PROSE_WORDS) return true;
  }
  return false;
}

/**
 * The page's articles, its own first. A page with no marked-up article is one article, the whole page; marked-up
 * articles are extracted one by one, so one article's title is never joined to another's body and the library
 * cannot pick an appended article instead of the page's own (it picks the strongest block, not the one the URL names).
 */
export function planArticles(doc: Document, pageUrl: string, page: PageMetadata): ArticlePlan[] {
  const pageUrls = pageUrlKeys(pageUrl, page);
  const containers = findArticleContainers(doc, (block, headline) => {
    if (page.titles.some((t) => sameTitle(t, headline.textContent ?? ''))) return true;
    const address = ownUrl(block, pageUrl);
    return address !== null && pageUrls.has(urlKey(address, pageUrl) ?? '');
  });
  // The page's own article outside any marked-up block: named by the address and the title.
  const pageKey = (scope: string) => `page\n${scope}\n${urlKey(pageUrl, pageUrl) ?? pageUrl}\n${page.titles[0] ?? ''}`;
  if (containers.length === 0)
    return [{ key: pageKey('whole'), url: page.canonicalUrl, container: null, own: true, exclude: overlayBoxes(doc) }];
  const belongs = containers.map((c) => belongsToPage(c, pageUrl, pageUrls, page.titles));
  let mainIndex = belongs.indexOf('page');
  if (mainIndex < 0) mainIndex = belongs.indexOf('unknown');
  const plans: ArticlePlan[] = [];
  // Every marked-up article declares another address and the page's headline stands outside them:
  // the page's own article is not marked up, and is what remains without the appended ones.
  // Otherwise, with no article that is the page's own, each keeps its own address in page order.
  if (mainIndex < 0 && hasOwnHeadlineOutside(doc, containers, page.titles)) {
    plans.push({
      key: pageKey('outside blocks'),
      url: page.canonicalUrl,
      container: null,
      own: true,
      exclude: [...containers, ...overlayBoxes(doc)],
    });
  }
  const order =
    mainIndex < 0
      ? containers.map((_, i) => i)
      : [mainIndex, ...containers.map((_, i) => i).filter((i) => i !== mainIndex)];
  for (const index of order) {
    const own = index === mainIndex;
    const container = own ? withHeadlineAbove(doc, containers[index], containers, page.titles) : containers[index];
    // A block is named by its address and headline: a site that swaps a story inside the same element changes both.
    const key = `block\n${own ? pageKey('own block') : ''}\n${ownUrl(container, pageUrl) ?? ''}\n${headingOf(container) ?? ''}`;
    plans.push({ key, url: own ? page.canonicalUrl : blockUrl(container, pageUrl, page), container, own, exclude: [] });
  }
  return withDistinctUrls(plans);
}

/**
 * The page's own block when its headline (and with it, often, the lead) stands above it, outside (a bare <article>
 * of body text under a header): the smallest element around both, unless that holds another article or the page.
 */
function withHeadlineAbove(doc: Document, container: Element, containers: Element[], titles: string[]): Element {
  if (!CLEAN_RULES.headlineAbove || container.querySelector('h1')) return container;
  for (const h1 of doc.querySelectorAll('h1')) {
    if (!titles.some((t) => sameTitle(t, h1.textContent ?? ''))) continue;
    if (!(h1.compareDocumentPosition(container) & 4)) continue;
    let around = container.parentElement;
    while (around && !around.contains(h1)) around = around.parentElement;
    if (!around || around.localName === 'body' || around === doc.documentElement) return container;
    return containers.some((c) => c !== container && around.contains(c)) ? container : around;
  }
  return container;
}

/**
 * An appended block's address: its own unless it is on another site than the page (see provenance.ts), else one
 * made from the page's and its headline (its text without one).
 */
function blockUrl(container: Element, pageUrl: string, page: PageMetadata): string {
  const own = ownUrl(container, pageUrl);
  return own && mayNameArticle(own, pageUrl) ? own : syntheticArticleUrl(page.canonicalUrl, blockSeed(container));
}

/** What tells a block apart from the page's other articles: its headline, else the start of its text. */
function blockSeed(container: Element): string {
  return headingOf(container) ?? (container.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Two blocks with one address (a site reusing data-url): the later one is told apart by its headline. */
function withDistinctUrls(plans: ArticlePlan[]): ArticlePlan[] {
  const seen = new Set<string>();
  return plans.map((plan) => {
    let { url } = plan;
    if (seen.has(url) && plan.container) url = syntheticArticleUrl(url, blockSeed(plan.container));
    seen.add(url);
    return url === plan.url ? plan : { ...plan, url };
  });
}

/** The page's addresses as `urlKey`s: what a marked-up article that is the page's own declares. */
function pageUrlKeys(pageUrl: string, page: PageMetadata): Set<string> {
  const urls = new Set<string>();
  for (const raw of [pageUrl, page.canonicalUrl, page.ogUrl, page.ld?.url]) {
    const key = raw ? urlKey(raw, pageUrl) : null;
    if (key) urls.add(key);
  }
  return urls;
}

/** Whether a marked-up article is the page's own ('page'), declares another address ('other'), or says neither. */
function belongsToPage(
  container: Element,
  pageUrl: string,
  pageUrls: Set<string>,
  titles: string[],
): 'page' | 'other' | 'unknown' {
  const own = ownUrl(container, pageUrl);
  if (own && pageUrls.has(urlKey(own, pageUrl)!)) return 'page';
  const heading = headingOf(container);
  if (heading && titles.some((t) => sameTitle(t, heading))) return 'page';
  return own ? 'other' : 'unknown';
}

/** An address for comparison only: sites mix http and https, www and not, trailing slashes. */
function urlKey(raw: string, base: string): string | null {
  const clean = cleanUrl(raw.trim(), base);
  if (!clean) return null;
  const url = new URL(clean);
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

function hasOwnHeadlineOutside(doc: Document, containers: Element[], titles: string[]): boolean {
  for (const h1 of doc.querySelectorAll('h1')) {
    if (containers.some((c) => c.contains(h1))) continue;
    const text = h1.textContent ?? '';
    if (titles.some((t) => sameTitle(t, text))) return true;
  }
  return false;
}

/** A headline and a page title match when one contains the other (titles often carry " | Site"). */
export function sameTitle(a: string, b: string): boolean {
  const x = comparableTitle(a);
  const y = comparableTitle(b);
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 12 && (x.includes(y) || y.includes(x)));
}

const comparableTitle = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * An article's own address, from the site's markup: data-* URLs, its microdata, or a link that is
 * its headline. Links elsewhere inside it (logos, tags, authors) are not its address.
 */
export function ownUrl(container: Element, pageUrl: string): string | null {
  const declared =
    ADDRESS_ATTRIBUTES.map((name) => container.getAttribute(name)).find((value) => value?.trim()) ??
    (container.hasAttribute('itemscope') ? container.getAttribute('itemid') : null) ??
    microdataUrl(container) ??
    headlineLink(container) ??
    bookmarkLink(container);
  return declared ? cleanUrl(declared.trim(), pageUrl) : idUrl(container, pageUrl);
}

// Where infinite-scroll loaders and CMS templates put an appended story's address.
const ADDRESS_ATTRIBUTES = ['data-article-url', 'data-url', 'data-href', 'data-canonical', 'data-permalink'];
// Where they put its id alone; the address is then a link that carries the id, or the page's own pattern.
const ID_ATTRIBUTES = [
  'data-article-id',
  'data-story-id',
  'data-post-id',
  'data-content-id',
  'data-nid',
  'data-history-node-id',
  'data-id',
];

/** The permalink a blog puts beside a post's date (rel=bookmark), outside any list of other posts. */
function bookmarkLink(container: Element): string | null {
  for (const link of container.querySelectorAll('a[rel~="bookmark"][href]')) {
    if (!link.closest('li')) return link.getAttribute('href');
  }
  return null;
}

/**
 * An address from the block's id: a link in the block whose path carries the id (its share links carry its
 * address), else the page's own address with the page's id swapped, where the id is a whole path segment and no
 * segment is a slug (`/node/123`).
 */
function idUrl(container: Element, pageUrl: string): string | null {
  const name = ID_ATTRIBUTES.find((attr) => container.getAttribute(attr)?.trim());
  const id = name ? container.getAttribute(name)!.trim() : '';
  if (!/^[A-Za-z0-9-]{2,40}$/.test(id)) return null;
  const page = cleanUrl(pageUrl);
  const host = page ? new URL(page).hostname : null;
  const carriesId = (url: URL) => url.hostname === host && url.pathname.split(/[^A-Za-z0-9]+/).includes(id);
  for (const link of container.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    const url = parseUrl(href, pageUrl);
    if (!url) continue;
    if (carriesId(url)) return cleanUrl(url.href);
    // Share links carry the address as a parameter.
    let found: string | null = null;
    url.searchParams.forEach((value) => {
      const inner = found ? null : parseUrl(value, pageUrl);
      if (inner && carriesId(inner)) found = cleanUrl(inner.href);
    });
    if (found) return found;
  }
  if (!page) return null;
  const pageAddress = new URL(page);
  const segments = pageAddress.pathname.split('/');
  if (segments.some((segment) => /[-_]/.test(segment))) return null;
  for (const other of container.ownerDocument.querySelectorAll(`[${name}]`)) {
    const otherId = other.getAttribute(name!)?.trim();
    const at = otherId ? segments.indexOf(otherId) : -1;
    if (other === container || at < 0) continue;
    segments[at] = id;
    pageAddress.pathname = segments.join('/');
    return pageAddress.href;
  }
  return null;
}

function parseUrl(raw: string, base: string): URL | null {
  try {
    return new URL(raw.trim(), base || undefined);
  } catch {
    return null;
  }
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

/** A block's headline: its first h1, headline microdata, h2 or (a blog's post title) h3 with text. */
export function headingOf(container: Element): string | undefined {
  for (const selector of [...HEADING.split(', '), 'h3']) {
    const text = firstText(container.querySelector(selector)?.textContent);
    if (text) return text;
  }
  return undefined;
}
