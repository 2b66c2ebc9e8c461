// The topic editor's live test of a draft query: every hit on an article the reader pastes or picks from an open tab,
// and whether the topic's real capture rule would keep that article (a query can hit and still not capture).
import type { ExtractedArticle, Hit } from '../schema';
import type { Reason } from './capture-rule';
import { compileTopics } from './compile';
import { assessTopics, matchTopics } from './match';
import { parseQuery, type QueryError } from './query';

/** An article to test a query on: pasted text, or an open tab's main article. */
export interface TestArticle {
  title: string;
  text: string;
  url?: string;
  lang?: string;
  dir: 'ltr' | 'rtl' | 'auto';
}

/** Why a query cannot be saved, or null when it parses. */
export function validateQuery(query: string): QueryError | null {
  const result = parseQuery(query);
  return result.ok ? null : result.error;
}

/** What the tester shows: every hit, whether the topic's real rule would capture the article, and why (none: no hit). */
export interface QueryTest {
  hits: Hit[];
  captured: boolean;
  reason: Reason | null;
}

/** Every hit of a draft query on a test article, and whether and why the topic's real rule captures it; or an error. */
export function testQuery(query: string, article: TestArticle): QueryTest | QueryError {
  const error = validateQuery(query);
  if (error) return error;
  const input = { title: article.title, text: article.text, url: article.url, lang: article.lang };
  const [every] = matchTopics(input, compileTopics([{ id: 'draft', query, minMentions: 1 }]));
  const [assessed] = assessTopics(input, compileTopics([{ id: 'draft', query }]));
  const captured = assessed?.verdict.captured === true;
  return { hits: every?.hits ?? [], captured, reason: assessed?.verdict.reason ?? null };
}

/** The fields of a tab's extracted article the tester reads. */
export function testArticleOf(article: ExtractedArticle): TestArticle {
  return { title: article.title, text: article.text, url: article.url, lang: article.lang, dir: article.dir };
}

/** The open tabs a query can be tested on: web pages (the extension cannot read its own or the browser's pages). */
export function testableTabs(tabs: { id?: number; url?: string; title?: string }[]): { id: number; title: string }[] {
  const web: { id: number; title: string }[] = [];
  for (const tab of tabs) {
    if (tab.id !== undefined && /^https?:/.test(tab.url ?? '')) web.push({ id: tab.id, title: tab.title || tab.url! });
  }
  return web;
}
