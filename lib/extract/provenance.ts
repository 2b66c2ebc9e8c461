// Which addresses a page may speak for. An article is stored under its address, so a page that could name any address
// (a canonical link, og:url, a data-article-url on another site) could overwrite another site's article with its own
// text and facts. A page speaks for its own site only: its host, or a known alias of it (www., m., mobile., amp.
// hosts, and the AMP caches that serve a publisher's pages under their address). Hosts are compared whole, not by
// registrable domain: without the public suffix list, "the last two labels" would make every *.github.io one site.
// No zod and no imports: page scripts and the background both use these.

/** Labels a site puts before its own host for the same pages. */
const ALIAS_LABELS = new Set(['www', 'm', 'mobile', 'amp']);
/** Google's AMP cache: https://news-example.cdn.ampproject.org/c/s/news.example/story serves news.example/story. */
const AMP_CACHE_HOST = /^([a-z0-9-]+)\.cdn\.ampproject\.org$/;
const AMP_CACHE_PATH = /^\/[cvi]\/(?:s\/)?([^/?#]+)/;
/** Google's AMP viewer: https://www.google.com/amp/s/news.example/story. */
const AMP_VIEWER_PATH = /^\/amp\/(?:s\/)?([^/?#]+)/;

function parse(address: string): URL | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The cache's subdomain for a publisher's host: dashes doubled, dots made dashes (punycode hosts are not matched). */
function ampCacheLabel(host: string): string {
  return host.replace(/-/g, '--').replace(/\./g, '-');
}

/** The publisher an address belongs to: the host itself, or the host an AMP cache or viewer address serves. */
function publisherHost(url: URL): string {
  const host = url.hostname.toLowerCase();
  const cache = AMP_CACHE_HOST.exec(host);
  if (cache) {
    const served = AMP_CACHE_PATH.exec(url.pathname)?.[1]?.toLowerCase();
    // The cache names the publisher twice, in its subdomain and its path: both must agree.
    if (served && ampCacheLabel(served) === cache[1]) return served;
  }
  if (host === 'www.google.com') {
    const served = AMP_VIEWER_PATH.exec(url.pathname)?.[1]?.toLowerCase();
    if (served?.includes('.')) return served;
  }
  return host;
}

/**
 * The site an http(s) address belongs to: its publisher's host without one alias label (www.news.example,
 * m.news.example and news.example are one site; ports and http/https do not matter); null for anything else.
 */
export function siteOf(address: string): string | null {
  const url = parse(address);
  if (!url) return null;
  const host = publisherHost(url);
  const dot = host.indexOf('.');
  // Only a label before a host that still has a dot: amp.com is a site of its own, not an alias of "com".
  if (dot > 0 && ALIAS_LABELS.has(host.slice(0, dot)) && host.indexOf('.', dot + 1) > 0) return host.slice(dot + 1);
  return host;
}

/** Whether two addresses belong to one site (see siteOf); never for an address that is not http(s). */
export function sameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== null && site === siteOf(b);
}

/** Whether two addresses share scheme, host and port: what a tab's page and the page a script reports must share. */
export function sameOrigin(a: string, b: string): boolean {
  const one = parse(a);
  const two = parse(b);
  return one !== null && two !== null && one.origin === two.origin;
}

/**
 * Whether a page may name `declared` as an article's address: an address on the page's own site. A page without an
 * address (parsed from a string) has no site to keep to, and trusts what it declares.
 */
export function mayNameArticle(declared: string, pageUrl: string): boolean {
  return !pageUrl || sameSite(declared, pageUrl);
}

/**
 * Why the background refuses what a page script says about an article, or null: the page it names must be the
 * sending tab's (same origin: a script cannot report another tab's or another site's page), and the article's address
 * must be on that page's site.
 */
export function provenanceProblem(
  article: { url: string; pageUrl: string },
  senderUrl: string | undefined,
): string | null {
  if (!senderUrl || !sameOrigin(article.pageUrl, senderUrl)) return "the page is not the sending tab's page";
  if (!sameSite(article.url, article.pageUrl)) return "the article's address is on another site than its page";
  return null;
}
