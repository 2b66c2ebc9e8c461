// Every full article on a page, the page's own first, each with its own text and metadata, in steps a caller on the
// page's main thread can spread over idle periods: plan (plan.ts), copy a bounded part of the page (page-copy.ts),
// run Readability on the copy, assemble the article (assemble.ts). The only importer of Mozilla Readability.
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from '../schema';
import { assembleArticle, dedupeUrls } from './assemble';
import { readPageMetadata, type PageMetadata } from './metadata';
import { copyFor } from './page-copy';
import { sanitizeArticle } from './sanitize';
import { addressOf } from './article-address';
import { planArticles, type ArticlePlan } from './plan';

/** Extracts each full article on the page, the page's own first, all at once. */
export function extractArticles(doc: Document, pageUrl: string | null | undefined): ExtractedArticle[] {
  return finishExtraction(planExtraction(doc, pageUrl).map(({ step }) => runToEnd(step)));
}

/**
 * One task's share of extracting an article: the article, nothing, or the next share of the same work (copying a
 * long article and parsing the copy are two tasks, so neither grows long; npm run bench:page measures them).
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
 * The page's metadata is read once, here, for all of them.
 */
export function planExtraction(doc: Document, givenUrl: string | null | undefined): PlannedArticle[] {
  const pageUrl = addressOf(doc, givenUrl);
  const page = readPageMetadata(doc, pageUrl);
  return planArticles(doc, pageUrl, page).map((plan) => ({
    key: plan.key,
    step: () => extractOne(doc, pageUrl, page, plan),
  }));
}

/**
 * The articles of a plan's steps, each with an address of its own, cleaned to what the background stores (an odd
 * date or an over-long address must not cost the whole article: see sanitize.ts).
 */
export function finishExtraction(results: (ExtractedArticle | null)[]): ExtractedArticle[] {
  return dedupeUrls(results.filter((a): a is ExtractedArticle => a !== null)).flatMap(
    (article) => sanitizeArticle(article) ?? [],
  );
}

/** The page's main article only (used when the reader clips a page by hand). */
export function extractMainArticle(doc: Document, pageUrl: string | null | undefined): ExtractedArticle | null {
  return extractArticles(doc, pageUrl)[0] ?? null;
}

/** First share: a bounded copy of the article's part of the page. Second: the library on it, then assembly. */
function extractOne(doc: Document, pageUrl: string, page: PageMetadata, plan: ArticlePlan): ExtractionStep {
  const clone = copyFor(doc, plan.container, plan.exclude);
  return () => {
    // The library's own charThreshold (500): below it, it retries without dropping "unlikely" blocks; at 400 a
    // paywall box or a print footer that passed the first try was taken for the article.
    const parsed = new Readability(clone, {
      keepClasses: true,
      serializer: (node: Node) => node,
    }).parse();
    const content = (parsed?.content as unknown as Element | null | undefined) ?? null;
    if (!parsed || !content) return null;
    return assembleArticle(doc, pageUrl, page, plan, {
      content,
      title: parsed.title,
      byline: parsed.byline,
      siteName: parsed.siteName,
      lang: parsed.lang,
      publishedTime: parsed.publishedTime,
    });
  };
}
