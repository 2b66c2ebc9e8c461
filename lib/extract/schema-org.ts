// What schema.org and the publishing conventions around it say about articles, in one place: the gate reads them
// to decide, the extractor to find blocks and metadata. Plain sets and strings (no regular expressions): the gate
// imports this on every page.

/** schema.org types (lower case, without their vocabulary prefix) that make a page or a block an article. */
export const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'asknewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'report',
  'techarticle',
  'scholarlyarticle',
]);

// Forum posts are Articles in schema.org's hierarchy, but a thread is not news to watch.
export const NON_ARTICLE_TYPES = new Set([
  'product',
  'productgroup',
  'videoobject',
  'discussionforumposting',
  'socialmediaposting',
  'qapage',
  'question',
  'searchresultspage',
  'collectionpage',
  'profilepage',
  'recipe',
  'event',
  'jobposting',
  'movie',
  'musicrecording',
  'musicalbum',
  'softwareapplication',
  'realestatelisting',
]);

/**
 * Meta keys (`property`, `name` or `itemprop`) that carry a publication date, most trusted first: the extractor
 * reads the first one present; the gate only asks whether any is (comparing in lower case).
 */
export const PUBLISHED_DATE_KEYS = [
  'article:published_time',
  'datePublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'DC.date.issued',
  'og:article:published_time',
  'publish-date',
  'publication_date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'cxenseparse:recs:publishtime',
] as const;

/** Elements that hold one article: `<article>` and schema.org article microdata. */
export const ARTICLE_BLOCK_SELECTOR =
  'article, [itemtype*="schema.org/NewsArticle"], [itemtype*="schema.org/Article"], [itemtype*="schema.org/BlogPosting"]';

/** `https://schema.org/NewsArticle` or `schema:NewsArticle` → `newsarticle`. */
export function typeName(type: string): string {
  return type.slice(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1).toLowerCase();
}

/** The last schema.org type an `itemtype` lists (types are URLs separated by spaces). */
export function lastTypeName(itemtype: string): string {
  let end = itemtype.length;
  while (end > 0 && isTypeSeparator(itemtype.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isTypeSeparator(itemtype.charCodeAt(start - 1))) start--;
  return itemtype.slice(start, end).toLowerCase();
}

function isTypeSeparator(c: number): boolean {
  return c === 0x2f || c === 0x23 || c <= 0x20; // '/', '#', spaces and controls
}
