// One canonical URL per article, so a reload, a revisit or a shared link with tracking
// parameters all land on the same stored record.
import { mayNameArticle } from './provenance';

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'wbraid',
  'gbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'ito',
  'smid',
  'smtyp',
  'at_medium',
  'at_campaign',
  's_cid',
  'ncid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '__twitter_impression',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** Drops tracking parameters and the fragment; keeps everything that can change the content. */
export function cleanUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    // An empty base is no base: an absolute address stands on its own.
    url = new URL(raw, base || undefined);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // forEach, not [...keys()]: in Firefox's content scripts a URL belongs to the page's world, reached through an
  // Xray wrapper that hides the Symbol.iterator of the iterators its keys()/values()/entries() return.
  const names: string[] = [];
  url.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) if (isTrackingParam(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  return url.href;
}

// The fragment that names an appended article without an address of its own. It is part of the article's identity;
// every other fragment (a reader's #section jump, a tracking anchor) is not.
const ARTICLE_FRAGMENT = 'article-';

/**
 * The one address an article is known by, wherever it comes from (a capture, a highlight, a "mark facts" request):
 * cleanUrl's form, keeping the fragment only when it names an appended article without an address of its own
 * (see syntheticArticleUrl), so two articles on one page stay two and a reader's #section jump does not make a third.
 * The background hashes this, and only this, into an article's id (lib/db/articles.ts articleIdFor).
 */
export function articleAddress(url: string): string {
  const clean = cleanUrl(url);
  if (!clean) return url;
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? '' : url.slice(hash + 1);
  return fragment.startsWith(ARTICLE_FRAGMENT) && /^[\w-]+$/.test(fragment) ? `${clean}#${fragment}` : clean;
}

/**
 * The address of an appended article that declares none: the page's address and a fragment hashed from what tells
 * the article apart (its headline), the same on every visit so a highlight or a fact request finds it again.
 */
export function syntheticArticleUrl(pageAddress: string, seed: string): string {
  return `${pageAddress.replace(/#.*$/, '')}#${ARTICLE_FRAGMENT}${hashCode(seed)}`;
}

/** FNV-1a, in base 36: short, stable across browsers and visits. */
function hashCode(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/**
 * The page's canonical URL: rel=canonical, then og:url, then the address itself.
 * A canonical that points at a site's home page from a deeper page is ignored: some sites
 * set it on every page, and it would merge every article into one record. One on another site
 * is ignored too (provenance.ts): a page cannot put its text under another site's article.
 */
export function canonicalUrl(doc: Document, pageUrl: string): string {
  const page = cleanUrl(pageUrl);
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const cleaned = cleanUrl(candidate.trim(), pageUrl);
    if (cleaned && !(isRoot(cleaned) && page && !isRoot(page)) && mayNameArticle(cleaned, page ?? '')) return cleaned;
  }
  return page ?? pageUrl;
}

function isRoot(url: string): boolean {
  const { pathname, search } = new URL(url);
  return (pathname === '/' || pathname === '') && search === '';
}
