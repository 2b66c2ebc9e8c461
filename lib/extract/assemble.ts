// One article from what Readability kept of its block, the block itself and the page's metadata: the clean-up of
// its text and the choice of each field, the page's declarations first for the page's own article, the block's own
// markup for an appended one.
import { MAX_TEXT_CHARS } from '../limits';
import type { ExtractedArticle } from '../schema';
import { cleanArticleContent, collectBlocks, joinBlocks, textLength, trimBlocks } from './clean';
import {
  absoluteHttpUrl,
  bylineIn,
  dirOf,
  firstMatchText,
  firstText,
  langOf,
  publishedTimeIn,
  resolveDirection,
  toIsoDate,
  type PageMetadata,
} from './metadata';
import { hasProse, headingOf, MIN_ARTICLE_CHARS, sameTitle, type ArticlePlan } from './plan';
import { CLEAN_RULES as on } from './rules';
import { syntheticArticleUrl } from './url';
import { ARTICLE_BLOCK_SELECTOR } from './schema-org';

const EXCERPT_CHARS = 280;
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[rel="author"]',
  '[itemprop="author"]',
  '.byline',
  '.author',
];

/** What the extraction library found in a copy of the block: its body, and what it read of the metadata. */
export interface LibraryResult {
  content: Element;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

/** The article the plan names, or null when the library's body is a list of teasers or too short. */
export function assembleArticle(
  doc: Document,
  pageUrl: string,
  page: PageMetadata,
  { container, own, url }: ArticlePlan,
  parsed: LibraryResult,
): ExtractedArticle | null {
  const { content } = parsed;
  if (on.teaserLists && isTeaserList(content)) return null;

  const scope: ParentNode = container ?? doc;
  const heading = container ? headingOf(container) : undefined;
  // Without an <h1> in the block, its first <h2> may be a subheading or a lead: the page's declared title comes first
  // (else the title is wrong and that line is trimmed from the text as a repeated headline).
  const declared =
    heading && (container!.querySelector('h1, [itemprop="headline"]') || page.titles.some((t) => sameTitle(t, heading)))
      ? heading
      : undefined;
  const title = own
    ? firstText(declared, page.ld?.headline, page.ogTitle, parsed.title, heading, page.documentTitle)
    : firstText(heading, parsed.title);
  const contentImage = leadImageIn(content);
  cleanArticleContent(content);
  // The headline in all its forms, so that a copy of it at the top of the body is dropped.
  const titles = [title, parsed.title, firstMatchText(scope, ['h1']), ...(own ? page.titles : [])].filter(
    (t): t is string => Boolean(t),
  );
  const text = joinBlocks(trimBlocks(collectBlocks(content), { titles })).slice(0, MAX_TEXT_CHARS);
  if (text.length < MIN_ARTICLE_CHARS / 2) return null;

  const ld = own ? page.ld : null;
  const lang = langOf(container, page) ?? parsed.lang ?? undefined;
  return buildArticle({
    url,
    pageUrl,
    title,
    text,
    byline: firstText(
      ld?.author,
      bylineIn(scope, BYLINE_SELECTORS),
      own ? page.author : undefined,
      own ? parsed.byline : undefined,
    ),
    siteName: firstText(ld?.publisher, page.siteName, parsed.siteName),
    publishedAt:
      toIsoDate(ld?.datePublished) ??
      (own ? page.publishedAt : undefined) ??
      publishedTimeIn(scope) ??
      (own ? toIsoDate(parsed.publishedTime) : undefined),
    lang,
    dir: resolveDirection(dirOf(container, page), lang, text),
    leadImage: absoluteHttpUrl(
      (own ? (ld?.image ?? page.image) : undefined) ?? (container ? leadImageIn(container) : contentImage),
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

/** Two articles with one URL left after planning (see plan.ts withDistinctUrls): the later one gets its title's hash. */
export function dedupeUrls(articles: ExtractedArticle[]): ExtractedArticle[] {
  const seen = new Set<string>();
  return articles.map((article) => {
    if (!seen.has(article.url)) {
      seen.add(article.url);
      return article;
    }
    const url = syntheticArticleUrl(article.url, article.title || article.text.slice(0, 200));
    seen.add(url);
    return { ...article, url };
  });
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
