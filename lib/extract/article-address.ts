// Which stored article a place on the page belongs to, decided by the same plan the extractor follows (plan.ts), so a
// highlight or a "mark facts" request names an appended article by the very address its capture was stored under,
// synthetic fragment and all. Imports no Readability: the highlighter loads this without the extractor.
import { readPageMetadata } from './metadata';
import { planArticles, type ArticlePlan } from './plan';
import { canonicalUrl } from './url';

/**
 * The page's address: the one given, else the document's own when it is a web address, else what its canonical link
 * or og:url declares, else '' (a page parsed from a string has no address).
 */
export function addressOf(doc: Document, given: string | null | undefined): string {
  if (typeof given === 'string' && given.trim()) return given.trim();
  const isWeb = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);
  if (isWeb(doc.URL)) return doc.URL;
  const declared = canonicalUrl(doc, '');
  return isWeb(declared) ? declared : '';
}

function plansOf(doc: Document, givenUrl: string | null | undefined): { plans: ArticlePlan[]; pageCanonical: string } {
  const pageUrl = addressOf(doc, givenUrl);
  const page = readPageMetadata(doc, pageUrl);
  return { plans: planArticles(doc, pageUrl, page), pageCanonical: page.canonicalUrl };
}

/** The address of every article the extractor would store from this page, the page's own first. */
export function articleAddresses(doc: Document, givenUrl: string | null | undefined): string[] {
  const { plans, pageCanonical } = plansOf(doc, givenUrl);
  return [...new Set([pageCanonical, ...plans.map((plan) => plan.url)])];
}

/** The address of the article a node sits in: its block's, else (outside every block) the page's own article's. */
export function articleAddressAt(doc: Document, givenUrl: string | null | undefined, node: Node): string {
  const { plans, pageCanonical } = plansOf(doc, givenUrl);
  const inBlock = plans.filter((plan) => plan.container?.contains(node));
  // Blocks do not nest after planning; the innermost wins should a site's markup still make them.
  const block = inBlock.find(
    (plan) => !inBlock.some((other) => other !== plan && plan.container!.contains(other.container)),
  );
  return block?.url ?? plans.find((plan) => plan.own && !plan.container)?.url ?? pageCanonical;
}
