// What the background computes for an article it stores: the topics it matches (for a page the reader clips, which
// the extractor did not match) and its key facts.
import { extractFacts } from '../facts/extract';
import type { ExtractedArticle, Fact, Topic, TopicMatch } from '../schema';
import { compileTopics } from '../topics/compile';
import { matchTopics } from '../topics/match';

/**
 * Facts kept per article: seven, the most the digest shows (on the seed page seven find five of the six facts its
 * README names; npm run bench:facts measures the choice on the gold articles).
 */
export const FACTS_PER_ARTICLE = 7;

export function matchArticle(article: ExtractedArticle, topics: Topic[]): TopicMatch[] {
  return matchTopics(article, compileTopics(topics));
}

/**
 * The article's key facts. The terms that matched its topics are left out on purpose: they pulled facts towards
 * sentences naming the topic rather than what happened (measured in the commit that dropped them).
 */
export function factsFor(article: ExtractedArticle): Fact[] {
  return extractFacts(article, { max: FACTS_PER_ARTICLE });
}
