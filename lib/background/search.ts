// Answers the popup's search: the index's candidates, newest first, read one by one until enough are shown; each
// with the match in context and grouped by topic (articles in no current topic, and highlights on pages without
// an article, under No topic). Phrases are confirmed on the text, since the index keeps no word positions.
import type { Database, StoredArticle } from '../db/database';
import { searchCandidates, type SearchReadTransaction } from '../db/search-index';
import { parseSearch, positiveTerms, type SearchNode, type SearchTerm } from '../search/query';
import { containsPhrase, snippetFor, type Snippet } from '../search/snippet';
import type { HighlightRecord, Topic } from '../schema';

export interface SearchHit {
  kind: 'article' | 'highlight';
  /** The article's or the highlight's id. */
  id: string;
  articleId?: string;
  title: string;
  url: string;
  dir: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  field: 'title' | 'text' | 'quote' | 'note';
  snippet: Snippet;
}

export interface SearchGroup {
  /** null: No topic. */
  topicId: string | null;
  name: string;
  hits: SearchHit[];
}

export interface SearchResult {
  query: string;
  /** Documents holding the query's words (phrases unconfirmed). */
  total: number;
  groups: SearchGroup[];
  /** More results exist than were shown. */
  more: boolean;
}

/** Documents read at most per query to find the hits shown (phrases may reject many). */
const MAX_CHECKED = 200;
/** Documents read together while a phrase rejects some: one transaction and its requests in flight at once. */
const PHRASE_BATCH = 40;

function phraseHolds(node: SearchNode, text: string): boolean {
  switch (node.type) {
    case 'term':
      return node.tokens.length < 2 || containsPhrase(text, node);
    case 'and':
      return node.children.every((c) => c.type === 'not' || phraseHolds(c, text));
    case 'or':
      return node.children.some((c) => phraseHolds(c, text));
    case 'not':
      return true;
  }
}

const hasPhrase = (node: SearchNode): boolean =>
  node.type === 'term' ? node.tokens.length > 1 : node.type === 'not' ? false : node.children.some(hasPhrase);

function firstSnippet(fields: [SearchHit['field'], string][], terms: SearchTerm[]) {
  for (const [field, text] of fields) {
    const snippet = snippetFor(text, terms);
    if (snippet) return { field, snippet };
  }
  const [field, text] = fields[fields.length - 1];
  return { field, snippet: { before: '', match: '', after: text.slice(0, 140) } };
}

export async function search(db: Database, topics: Topic[], query: string, limit: number): Promise<SearchResult> {
  const node = parseSearch(query);
  if (!node) return { query, total: 0, groups: [], more: false };
  const terms = positiveTerms(node);
  const phrases = hasPhrase(node);
  const candidates = await searchCandidates(db, node);
  const names = new Map(topics.map((t) => [t.id, t.name]));
  const groups = new Map<string | null, SearchGroup>();
  let shown = 0;
  let checked = 0;
  // The candidates in batches read at once (not one transaction per document, one after the other): as many as are
  // still to show, more when a phrase may reject some.
  while (shown < limit && checked < Math.min(MAX_CHECKED, candidates.docs.length)) {
    const want = phrases ? Math.max(limit - shown, PHRASE_BATCH) : limit - shown;
    const batch = candidates.docs.slice(checked, Math.min(checked + want, MAX_CHECKED));
    const read = await readItems(db, batch, candidates.itemOf);
    for (const found of read) {
      if (shown >= limit) break;
      checked++;
      const hit = found && hitFor(found, terms, node, phrases);
      if (!hit) continue;
      const topicId = hit.topicIds.find((id) => names.has(id)) ?? null;
      let group = groups.get(topicId);
      if (!group)
        groups.set(topicId, (group = { topicId, name: topicId ? names.get(topicId)! : 'No topic', hits: [] }));
      group.hits.push(hit.hit);
      shown++;
    }
  }
  return { query, total: candidates.docs.length, groups: [...groups.values()], more: candidates.docs.length > checked };
}

/** What a document stands for, read: an article, or a highlight with its article when it has one. */
type ItemRecords =
  | { kind: 'article'; id: string; article: StoredArticle }
  | { kind: 'highlight'; id: string; highlight: HighlightRecord; article: StoredArticle | undefined };

/** The records of a batch of documents, in one read-only transaction with its requests in flight together. */
async function readItems(
  db: Database,
  docs: number[],
  itemOf: (doc: number, tx: SearchReadTransaction) => Promise<string | undefined>,
): Promise<(ItemRecords | null)[]> {
  const tx = db.transaction(['search-docs', 'articles', 'highlights'], 'readonly');
  const articles = tx.objectStore('articles');
  const items = await Promise.all(docs.map((doc) => itemOf(doc, tx)));
  const records = await Promise.all(
    items.map((item) =>
      !item
        ? undefined
        : item.startsWith('a:')
          ? articles.get(item.slice(2))
          : tx.objectStore('highlights').get(item.slice(2)),
    ),
  );
  const highlightArticles = await Promise.all(
    items.map((item, i) => {
      const articleId = item?.startsWith('h:') ? (records[i] as HighlightRecord | undefined)?.articleId : undefined;
      return articleId ? articles.get(articleId) : undefined;
    }),
  );
  await tx.done;
  return items.map((item, i) => {
    const record = records[i];
    if (!item || !record) return null;
    const id = item.slice(2);
    return item.startsWith('a:')
      ? { kind: 'article', id, article: record as StoredArticle }
      : { kind: 'highlight', id, highlight: record as HighlightRecord, article: highlightArticles[i] };
  });
}

function hitFor(
  found: ItemRecords,
  terms: SearchTerm[],
  node: SearchNode,
  phrases: boolean,
): { hit: SearchHit; topicIds: string[] } | null {
  const { id } = found;
  if (found.kind === 'article') {
    const { article } = found;
    if (phrases && !phraseHolds(node, `${article.title}\n${article.text}`)) return null;
    const { field, snippet } = firstSnippet(
      [
        ['title', article.title],
        ['text', article.text],
      ],
      terms,
    );
    return {
      topicIds: article.topicIds,
      hit: {
        kind: 'article',
        id,
        articleId: id,
        title: article.title,
        url: article.url,
        dir: article.dir,
        lang: article.lang,
        field,
        snippet,
      },
    };
  }
  const { highlight, article } = found;
  const quote = highlight.selectors[0].exact;
  if (phrases && !phraseHolds(node, `${quote}\n${highlight.note}`)) return null;
  const { field, snippet } = firstSnippet(
    [
      ['quote', quote],
      ['note', highlight.note],
    ],
    terms,
  );
  return {
    topicIds: article?.topicIds ?? [],
    hit: {
      kind: 'highlight',
      id,
      articleId: article?.id,
      title: article?.title ?? highlight.pageUrl,
      url: article?.url ?? highlight.pageUrl,
      dir: article?.dir ?? 'auto',
      lang: article?.lang,
      field,
      snippet,
    },
  };
}
