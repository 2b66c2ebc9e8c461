// What a generated multi-article page holds, independent of its markup: the articles (the page's own first),
// the related-teaser groups between them, how each appended article gives its address, and how the page names
// its own article. A style (./styles) turns it into one publishing system's markup.

/** How an appended article tells its address, the ways publishing systems do. */
export type AddressKind =
  | 'data-url'
  | 'data-href'
  | 'data-canonical'
  /** An id attribute (data-nid, data-article-id, data-story-id…) and the site's URL pattern, which the page's own address shows. */
  | 'data-id'
  /** The headline is a link to the article (rel=bookmark where the system writes it). */
  | 'permalink'
  /** A permalink near the article (a timestamp link), not in its headline. */
  | 'bookmark-near'
  | 'none';

export interface PageArticle {
  /** The source text it was made from (dev:<id> or news-ar:<id>). */
  ref: string;
  title: string;
  paragraphs: string[];
  /** The site's numeric id for it (used by id attributes and URL patterns). */
  id: number;
  slug: string;
  url: string;
  address: AddressKind;
  own: boolean;
  author: string;
  published: string;
}

export interface Teaser {
  ref: string;
  title: string;
  summary: string;
  url: string;
}

export interface Site {
  name: string;
  host: string;
}

export interface PageSpec {
  id: string;
  style: string;
  site: Site;
  /** The address the page is loaded at (the own article's, sometimes with tracking parameters). */
  pageUrl: string;
  articles: PageArticle[];
  /** teaserGroups[i] follows articles[i]. */
  teaserGroups: Teaser[][];
  /** How the page names its own article: at least one is set. */
  naming: { canonical: boolean; ogTitle: boolean; jsonLd: boolean };
  seed: number;
}

/** The truth a generated page is scored against (what bench:extract keeps per page). */
export interface PageTruth {
  id: string;
  style: string;
  pageUrl: string;
  /** The page's own article first; `address` is 'page' for it. */
  articles: { title: string; text: string; url: string | null; address: AddressKind | 'page'; ref: string }[];
  teasers: { title: string; url: string }[];
}

export function truthOf(spec: PageSpec): PageTruth {
  return {
    id: spec.id,
    style: spec.style,
    pageUrl: spec.pageUrl,
    articles: spec.articles.map((a) => ({
      title: a.title,
      text: a.paragraphs.join('\n\n'),
      url: a.own || a.address !== 'none' ? a.url : null,
      address: a.own ? 'page' : a.address,
      ref: a.ref,
    })),
    teasers: spec.teaserGroups.flat().map((t) => ({ title: t.title, url: t.url })),
  };
}
