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

/**
 * The one address an article is known by, wherever it comes from (a capture, a highlight, a "mark facts" request):
 * cleanUrl's form, keeping the fragment only when it names an appended article without an address of its own
 * (`#article-…`, given by the extractor), so two articles on one page stay two and a reader's #section jump does not
 * make a third.
 */
export function articleAddress(url: string): string {
  const clean = cleanUrl(url);
  if (!clean) return url;
  const fragment = /#(article-[\w-]+)$/.exec(url)?.[1];
  return fragment ? `${clean}#${fragment}` : clean;
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
