// The gate script runs on every page; it decides in well under a millisecond whether a page
// is worth handing to the (expensive) extractor, so non-article pages cost the reader almost nothing.
// No regular expressions on the common path: in a fresh isolated world each one's first use costs about a
// tenth of a millisecond (measured in Chromium), more than all the string work they would save.
import { ARTICLE_TYPES, lastTypeName, NON_ARTICLE_TYPES, PUBLISHED_DATE_KEYS, typeName } from './schema-org';
import { classifyUrl, type UrlShape } from './url-shape';

export interface ArticleSignals {
  /** A JSON-LD entity of an article type (NewsArticle, BlogPosting, …) at top level, in `@graph` or as `mainEntity`. */
  jsonLdArticle: boolean;
  /** A schema.org article type declared with microdata (`itemtype`), for sites without JSON-LD. */
  microdataArticle: boolean;
  /** The page's main schema.org type says it is something else: Product, VideoObject, forum post, search results… */
  nonArticleSchema: boolean;
  /** `og:type` is `article`. */
  ogArticle: boolean;
  /** `og:type` names a non-article kind (product, video.*, profile, music.*, book…). */
  ogNonArticle: boolean;
  /** A publication date: meta tags, `itemprop=datePublished`, JSON-LD `datePublished`, or a lone `<time datetime>`. */
  publishedTime: boolean;
  /** Number of `<article>` elements (teaser grids have many). */
  articleElements: number;
  /** Weighted characters in the first paragraphs of the page (CJK characters count more). */
  paragraphChars: number;
  /** Weighted characters of the biggest group of sibling paragraphs: an article body is one block of prose. */
  bodyBlockChars: number;
  /** Paragraphs of at least 120 weighted characters among those sampled. */
  longParagraphs: number;
  /** A password field is present (login and paywall forms). */
  passwordInput: boolean;
  /** A search box arrives pre-filled, as on search-result pages. */
  searchQuery: boolean;
  /** What the canonical (or page) URL looks like. */
  urlShape: UrlShape;
}

export interface GateDecision {
  likely: boolean;
  score: number;
  signals: ArticleSignals;
}

/** `og:type` kinds (the part before any `.`, as in `video.movie`) that are not articles. */
const OG_NON_ARTICLE = new Set([
  'product',
  'og:product',
  'video',
  'music',
  'profile',
  'book',
  'books',
  'business',
  'place',
  'restaurant',
  'game',
]);

const PUBLISHED_META = new Set(PUBLISHED_DATE_KEYS.map((key) => key.toLowerCase()));

// Bounds that keep the gate's cost independent of page size.
const MAX_LD_SCRIPTS = 5;
const MAX_LD_CHARS = 50_000;
const MAX_PARAGRAPHS = 80;
const MAX_METAS = 200;
const MAX_INPUTS = 50;
const MAX_ITEMS = 100;
const MAX_LINE_BREAKS = 60;
const MAX_LINE_CHILDREN = 200;
const MAX_DIVS = 1500;
// One element's text read at most: textContent copies it all (a 5 MB paragraph cost the gate ~110 ms in Chromium).
const MAX_ELEMENT_TEXT = 10_000;
const MAX_ELEMENT_NODES = 500;
const MIN_PARAGRAPH = 30;
const LONG_PARAGRAPH = 120;
// A CJK character carries about as much as a short word; weight it so one threshold fits all scripts.
const CJK_WEIGHT = 2.5;
const SEARCH_FIELDS = new Set(['q', 's', 'query', 'search', 'keyword', 'keywords']);

export const LIKELY_THRESHOLD = 3;

/** Cheap decision: is it worth extracting? No dependencies; must take well under 1 ms on ordinary pages (no layout, no innerText, no getComputedStyle; bounded querySelectorAll counts). */
export function detectArticle(doc: Document): GateDecision {
  const signals = collectSignals(doc);
  const score = scoreSignals(signals);
  return { likely: score >= LIKELY_THRESHOLD, score, signals };
}

/** Additive weights, tuned on tests/fixtures/gate and the extraction corpus; `likely` needs LIKELY_THRESHOLD. */
export function scoreSignals(s: ArticleSignals): number {
  let score = 0;
  if (s.jsonLdArticle) score += 3;
  else if (s.microdataArticle) score += 2;
  if (s.ogArticle) score += 2;
  if (s.publishedTime) score += 1;
  // Product, video and forum pages often also claim og:type=article; their own schema wins, unless the page
  // carries far more prose than a product or video description (an article that embeds its video).
  if (s.nonArticleSchema || s.ogNonArticle) score -= s.jsonLdArticle || longProse(s) ? 2 : 4;

  // Metadata can lie or be missing; one block of prose is what every article has. 1200 weighted
  // characters alone pass the gate, so bare blogs and old sites without metadata still get through.
  const block = s.bodyBlockChars;
  if (block >= 1200) score += 3;
  else if (block >= 600) score += 2;
  else if (block >= 300) score += 1;
  else if (block < 150) score -= 2;
  if (s.longParagraphs >= 3) score += 1;

  // Section fronts: many teaser <article>s, none with a real body.
  if (s.articleElements >= 5 && block < 600) score -= 2;
  else if (s.articleElements >= 1 && s.articleElements <= 3) score += 0.5;

  // A login form in the header is common on real articles; only a form with little else around it is a wall.
  if (s.passwordInput && block < 300) score -= 3;
  if (s.searchQuery) score -= 2;

  if (s.urlShape === 'home') score -= 2;
  else if (s.urlShape === 'listing') score -= 1;
  else if (s.urlShape === 'article') score += 0.5;
  return score;
}

const longProse = (s: ArticleSignals) => s.bodyBlockChars >= 1000 && s.longParagraphs >= 5;

function collectSignals(doc: Document): ArticleSignals {
  let ogType = '';
  let ogUrl = '';
  let publishedTime = false;
  // Tag-name lookups only: browsers answer them from cached collections, while attribute selectors
  // over the whole document cost a full match per element (measured ~20x slower in Chromium).
  // Meta tags are read in the whole document: a stray element in <head> makes the parser move the rest into <body>.
  const metas = doc.getElementsByTagName('meta');
  const metaCount = Math.min(metas.length, MAX_METAS);
  for (let i = 0; i < metaCount; i++) {
    const meta = metas[i];
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (!key) continue;
    const content = meta.getAttribute('content') ?? '';
    if (key === 'og:type') ogType = content.trim().toLowerCase();
    else if (key === 'og:url') ogUrl = content;
    else if (PUBLISHED_META.has(key) && content) publishedTime = true;
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';

  const ld = readJsonLd(doc);
  if (ld.datePublished) publishedTime = true;

  const articleElements = doc.getElementsByTagName('article').length;
  // A lone timestamp dates the page; a column of them dates a list of teasers.
  const timeElements = doc.getElementsByTagName('time').length;
  if (timeElements >= 1 && timeElements <= 3 && articleElements <= 3) publishedTime = true;

  let passwordInput = false;
  let searchQuery = false;
  const inputs = doc.getElementsByTagName('input');
  const inputCount = Math.min(inputs.length, MAX_INPUTS);
  for (let i = 0; i < inputCount; i++) {
    const input = inputs[i];
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password') passwordInput = true;
    else if (
      (type === 'search' || SEARCH_FIELDS.has((input.getAttribute('name') ?? '').toLowerCase())) &&
      (input.getAttribute('value') ?? '').trim()
    ) {
      searchQuery = true;
    }
  }

  const ogArticle = ogType === 'article';
  // Microdata is the costly query; only pages whose JSON-LD and Open Graph are silent or disagree need it.
  let microdataArticle = false;
  let microdataNonArticle = false;
  if (!ld.article && (!ogArticle || ld.nonArticle)) {
    const items = doc.querySelectorAll('[itemtype], [itemprop="datePublished"]');
    const itemCount = Math.min(items.length, MAX_ITEMS);
    for (let i = 0; i < itemCount; i++) {
      const itemtype = items[i].getAttribute('itemtype');
      if (!itemtype) {
        publishedTime = true;
        continue;
      }
      const type = lastTypeName(itemtype);
      if (ARTICLE_TYPES.has(type)) microdataArticle = true;
      else if (NON_ARTICLE_TYPES.has(type)) microdataNonArticle = true;
    }
  }

  const text = measureText(doc);
  const hasArticleType = ld.article || microdataArticle;

  return {
    jsonLdArticle: ld.article,
    microdataArticle,
    nonArticleSchema: (ld.nonArticle || microdataNonArticle) && !hasArticleType,
    ogArticle,
    ogNonArticle: OG_NON_ARTICLE.has(ogType.split('.', 1)[0]),
    publishedTime,
    articleElements,
    paragraphChars: text.chars,
    bodyBlockChars: text.block,
    longParagraphs: text.long,
    passwordInput,
    searchQuery,
    urlShape: classifyUrl(canonical || ogUrl || doc.URL || ''),
  };
}

interface LdSummary {
  article: boolean;
  nonArticle: boolean;
  datePublished: boolean;
}

function readJsonLd(doc: Document): LdSummary {
  const out: LdSummary = { article: false, nonArticle: false, datePublished: false };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const n = Math.min(scripts.length, MAX_LD_SCRIPTS);
  for (let i = 0; i < n; i++) {
    const raw = scripts[i].textContent ?? '';
    let parsed: unknown;
    if (raw.length <= MAX_LD_CHARS) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        // Hand-edited JSON-LD is often invalid (trailing commas, raw newlines); fall back to scanning.
        parsed = undefined;
      }
    }
    if (parsed === undefined) scanLdText(raw.slice(0, MAX_LD_CHARS), out);
    else visitLd(parsed, out, 0);
  }
  return out;
}

// Only top-level entities, @graph members and mainEntity count: nested objects (an article's
// embedded VideoObject, its publisher) do not describe the page.
function visitLd(node: unknown, out: LdSummary, depth: number): void {
  if (depth > 3 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 20)) visitLd(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(obj['@type'] ?? []);
  let isArticle = false;
  for (const t of types) {
    if (typeof t !== 'string') continue;
    const name = typeName(t);
    if (ARTICLE_TYPES.has(name)) isArticle = true;
    else if (NON_ARTICLE_TYPES.has(name)) out.nonArticle = true;
  }
  if (isArticle) {
    out.article = true;
    if (obj.datePublished) out.datePublished = true;
  }
  if (obj['@graph']) visitLd(obj['@graph'], out, depth + 1);
  if (obj.mainEntity) visitLd(obj.mainEntity, out, depth + 1);
}

// Only for JSON-LD that does not parse, which is rare: regular expressions are fine here.
function scanLdText(text: string, out: LdSummary): void {
  const typeRe = /"@type"\s*:\s*(?:\[\s*)?"([^"]+)"/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = typeRe.exec(text)) !== null && count++ < 50) {
    const name = typeName(m[1]);
    if (ARTICLE_TYPES.has(name)) out.article = true;
    else if (NON_ARTICLE_TYPES.has(name)) out.nonArticle = true;
  }
  if (out.article && /"datePublished"\s*:/.test(text)) out.datePublished = true;
}

interface TextMeasure {
  chars: number;
  block: number;
  long: number;
}

function measureText(doc: Document): TextMeasure {
  const out: TextMeasure = { chars: 0, block: 0, long: 0 };
  const weigh = makeWeigher();
  measureParagraphs(doc, out, weigh);
  // Older and some big sites set prose without <p>: lines split by <br>, paragraphs as <div>s, or a marked articleBody.
  if (out.block < 600) measureLineBreaks(doc, out, weigh);
  if (out.block < 600) measureDivText(doc, out, weigh);
  const articleBody = out.block < 600 ? doc.querySelector('[itemprop="articleBody"]') : null;
  if (articleBody) {
    // textContent of one element is linear in its size; cap what it can add rather than its cost.
    const len = weigh(boundedText(articleBody));
    out.block = Math.max(out.block, Math.min(len, 5000));
  }
  out.chars = Math.round(out.chars);
  out.block = Math.round(out.block);
  return out;
}

/**
 * An element's text as textContent reads it, but at most MAX_ELEMENT_TEXT characters from at most MAX_ELEMENT_NODES
 * nodes, walked without recursion: the same string on ordinary paragraphs, a bounded one on hostile pages.
 */
function boundedText(el: Element): string {
  let text = '';
  let nodes = 0;
  const resume: Node[] = [];
  let node: Node | null = el.firstChild;
  while (text.length < MAX_ELEMENT_TEXT && nodes++ < MAX_ELEMENT_NODES) {
    if (!node) {
      node = resume.pop() ?? null;
      if (!node) break;
      continue;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      text += (node.nodeValue ?? '').slice(0, MAX_ELEMENT_TEXT - text.length);
    } else if (node.nodeType === 1 && node.firstChild) {
      if (node.nextSibling) resume.push(node.nextSibling);
      node = node.firstChild;
      continue;
    }
    node = node.nextSibling;
  }
  return text;
}

// The script is decided once, from the first substantial text, so CJK pages are not tested char by char.
function makeWeigher(): (text: string) => number {
  let weight = 0;
  return (text) => {
    const len = text.trim().length;
    if (weight === 0 && len >= MIN_PARAGRAPH / CJK_WEIGHT) weight = hasCjk(text, 200) ? CJK_WEIGHT : 1;
    return len * (weight || 1);
  };
}

/** Kana, CJK ideographs or Hangul among the first `limit` characters. */
function hasCjk(text: string, limit: number): boolean {
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) return true;
  }
  return false;
}

function measureParagraphs(doc: Document, out: TextMeasure, weigh: (text: string) => number): void {
  // getElementsByTagName is live and lazy in browsers: reading the first items does not walk the whole page.
  const ps = doc.getElementsByTagName('p');
  const n = Math.min(ps.length, MAX_PARAGRAPHS);
  const byParent = new Map<Node, number>();
  for (let i = 0; i < n; i++) {
    const p = ps[i];
    const len = weigh(boundedText(p));
    out.chars += len;
    if (len < MIN_PARAGRAPH) continue;
    if (len >= LONG_PARAGRAPH) out.long++;
    const parent = p.parentNode;
    if (!parent) continue;
    const sum = (byParent.get(parent) ?? 0) + len;
    byParent.set(parent, sum);
    if (sum > out.block) out.block = sum;
  }
}

function measureLineBreaks(doc: Document, out: TextMeasure, weigh: (text: string) => number): void {
  const brs = doc.getElementsByTagName('br');
  const n = Math.min(brs.length, MAX_LINE_BREAKS);
  const seen = new Set<Node>();
  for (let i = 0; i < n; i++) {
    const parent = brs[i].parentNode;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    // Only the parent's own text lines: its descendants may be the whole page.
    let sum = 0;
    const children = parent.childNodes;
    const m = Math.min(children.length, MAX_LINE_CHILDREN);
    for (let j = 0; j < m; j++) {
      const child = children[j];
      if (child.nodeType !== 3) continue;
      const len = weigh((child.nodeValue ?? '').slice(0, MAX_ELEMENT_TEXT));
      sum += len;
      if (len >= LONG_PARAGRAPH) out.long++;
    }
    out.chars += sum;
    if (sum > out.block) out.block = sum;
  }
}

// Text set straight into sibling <div>s (generated markup, live tickers): each div's own text nodes only, summed
// per parent and per grandparent (a ticker wraps each entry's text in a div of its own).
function measureDivText(doc: Document, out: TextMeasure, weigh: (text: string) => number): void {
  const divs = doc.getElementsByTagName('div');
  const n = Math.min(divs.length, MAX_DIVS);
  const byAncestor = new Map<Node, number>();
  const add = (node: Node | null, len: number) => {
    if (!node) return;
    const sum = (byAncestor.get(node) ?? 0) + len;
    byAncestor.set(node, sum);
    if (sum > out.block) out.block = sum;
  };
  for (let i = 0; i < n; i++) {
    const div = divs[i];
    let len = 0;
    let child = div.firstChild;
    for (let j = 0; child && j < MAX_LINE_CHILDREN; j++, child = child.nextSibling) {
      if (child.nodeType === 3) len += weigh(child.nodeValue ?? '');
    }
    if (len < MIN_PARAGRAPH) continue;
    if (len >= LONG_PARAGRAPH) out.long++;
    out.chars += len;
    const parent = div.parentNode;
    add(parent, len);
    add(parent?.parentNode ?? null, len);
  }
}
