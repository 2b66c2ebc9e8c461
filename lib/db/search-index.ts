// Beatwatch's search index, kept in IndexedDB itself: for each word, which documents hold it (lib/search/postings.ts),
// one record per word and block of documents. A query reads only its words' records, so a restarted service worker
// answers at once, with nothing to load first and nothing held in memory (npm run bench:search measured the
// libraries that must load their whole index first). Changes reach the index through the search queue
// (search-queue.ts); an index that is missing or from another version is rebuilt from the articles and highlights.
import { mapInSlices } from '../time-slices';
import type { HighlightRecord } from '../schema';
import { indexTerms } from '../search/terms';
import {
  appendDocs,
  blockOf,
  decodeDocs,
  intersectSorted,
  subtractSorted,
  unionSorted,
  uniqueSorted,
} from '../search/postings';
import type { SearchNode } from '../search/query';
import { articleTime } from './article-lists';
import type { IDBPTransaction } from 'idb';
import type { BeatwatchDB, Database, StoredArticle } from './database';
import { articleItem, highlightItem } from './search-queue';

/** Bump when what is indexed changes: the index is then rebuilt. */
export const SEARCH_INDEX_VERSION = 1;
const VERSION_KEY = 'search-version';
const NEXT_DOC_KEY = 'search-next-doc';
const LIVE_KEY = 'search-live';
/** Items indexed per transaction: enough to share each common word's write, small enough to keep a transaction short. */
export const INDEX_BATCH = 64;
// Postings blocks read and written per request group within a batch's transaction.
const POSTINGS_GROUP = 500;
/** Words a prefix may stand for in one query: the first ones in order (a longer prefix narrows them). */
const MAX_PREFIX_RECORDS = 600;
/** Below this many letters a last word being typed is looked up whole, not as a prefix of thousands of words. */
const MIN_PREFIX_CHARS = 2;
const CHAR_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** A bit per document number: set while the document is the current one of its item. */
function isLive(live: Uint8Array, doc: number): boolean {
  return doc >> 3 < live.length && (live[doc >> 3] & (1 << (doc & 7))) !== 0;
}

function setLive(live: Uint8Array, doc: number, on: boolean): Uint8Array {
  let bits = live;
  if (doc >> 3 >= bits.length) {
    bits = new Uint8Array(Math.max((doc >> 3) + 1, bits.length * 2));
    bits.set(live);
  }
  if (on) bits[doc >> 3] |= 1 << (doc & 7);
  else bits[doc >> 3] &= ~(1 << (doc & 7));
  return bits;
}

/**
 * Starts a rebuild when the index is missing or from another version: clears it and queues every article and
 * highlight, oldest first, so document numbers follow time. Articles are read in chunks, each in its own short
 * transaction, so the popup's reads are not held up behind the whole database. Returns whether it did.
 */
export async function ensureSearchIndex(db: Database): Promise<boolean> {
  if ((await db.get('meta', VERSION_KEY)) === SEARCH_INDEX_VERSION) return false;
  const clear = db.transaction(['search-postings', 'search-docs', 'search-queue', 'meta'], 'readwrite');
  await Promise.all([
    clear.objectStore('search-postings').clear(),
    clear.objectStore('search-docs').clear(),
    clear.objectStore('search-queue').clear(),
    clear.objectStore('meta').delete(VERSION_KEY),
    clear.objectStore('meta').put(0, NEXT_DOC_KEY),
    clear.objectStore('meta').put(new Uint8Array(0), LIVE_KEY),
  ]);
  await clear.done;
  const queue = async (entries: { item: string; queuedAt: number }[]) => {
    const tx = db.transaction('search-queue', 'readwrite');
    await Promise.all(entries.map((entry) => tx.store.put(entry)));
    await tx.done;
  };
  for (let after: string | undefined; ;) {
    const chunk = await db.getAll(
      'articles',
      after === undefined ? undefined : IDBKeyRange.lowerBound(after, true),
      500,
    );
    if (!chunk.length) break;
    await queue(chunk.map((a) => ({ item: articleItem(a.id), queuedAt: articleTime(a) })));
    after = chunk[chunk.length - 1].id;
  }
  await queue((await db.getAll('highlights')).map((h) => ({ item: highlightItem(h.id), queuedAt: h.createdAt })));
  // Only now: a worker stopped half-way starts the rebuild again.
  await db.put('meta', SEARCH_INDEX_VERSION, VERSION_KEY);
  return true;
}

/** Items still to index; while a rebuild is queueing them, at least one. */
export async function pendingSearchItems(db: Database): Promise<number> {
  const [queued, version] = await Promise.all([db.count('search-queue'), db.get('meta', VERSION_KEY)]);
  return version === SEARCH_INDEX_VERSION ? queued : Math.max(queued, 1);
}

/** The words of an item as it is now; null when it is gone. */
function itemWords(
  item: string,
  article: StoredArticle | undefined,
  highlight: HighlightRecord | undefined,
): Set<string> | null {
  if (item.startsWith('a:')) return article ? indexTerms(`${article.title}\n${article.text}`) : null;
  return highlight ? indexTerms(`${highlight.selectors[0].exact}\n${highlight.note}`) : null;
}

/**
 * Indexes up to `limit` queued items (oldest first) in one transaction: each gets a new document number, its older
 * ones stop being live, and its words' last blocks get the number appended. Returns how many were taken.
 */
export async function indexQueued(db: Database, limit = INDEX_BATCH): Promise<number> {
  const read = db.transaction(['search-queue', 'articles', 'highlights'], 'readonly');
  const queued = await read.objectStore('search-queue').index('by-time').getAll(undefined, limit);
  const records = await Promise.all(
    queued.map(({ item }) =>
      item.startsWith('a:')
        ? read.objectStore('articles').get(item.slice(2))
        : read.objectStore('highlights').get(item.slice(2)),
    ),
  );
  await read.done;
  if (!queued.length) return 0;
  // A batch's words take seconds at 2,048 articles: worked out in slices, between transactions, so the popup's reads
  // are answered meanwhile.
  const words = await mapInSlices(queued, ({ item }, i) =>
    item.startsWith('a:')
      ? itemWords(item, records[i] as StoredArticle | undefined, undefined)
      : itemWords(item, undefined, records[i] as HighlightRecord | undefined),
  );

  // Not the queue: a reader's write (a note, a delete) queues its item and must not wait behind a whole batch.
  const tx = db.transaction(['search-postings', 'search-docs', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const docsStore = tx.objectStore('search-docs');
  const postings = tx.objectStore('search-postings');
  let next = ((await meta.get(NEXT_DOC_KEY)) as number | undefined) ?? 0;
  let live = ((await meta.get(LIVE_KEY)) as Uint8Array | undefined) ?? new Uint8Array(0);
  const byWord = new Map<string, number[]>();
  const old = await Promise.all(queued.map(({ item }) => docsStore.index('by-item').getAll(item)));
  for (let i = 0; i < queued.length; i++) {
    for (const doc of old[i]) {
      live = setLive(live, doc.doc, false);
      await docsStore.delete(doc.doc);
    }
    const itemWordSet = words[i];
    if (!itemWordSet) continue;
    const doc = next++;
    live = setLive(live, doc, true);
    await docsStore.put({ doc, item: queued[i].item });
    for (const word of itemWordSet) {
      let docs = byWord.get(word);
      if (!docs) byWord.set(word, (docs = []));
      docs.push(doc);
    }
  }
  // Each word's new documents go to the blocks they fall in (usually the last one).
  const writes: { key: [string, number]; docs: number[] }[] = [];
  for (const [word, docs] of byWord) {
    let start = 0;
    for (let i = 1; i <= docs.length; i++) {
      if (i === docs.length || blockOf(docs[i]) !== blockOf(docs[start])) {
        writes.push({ key: [word, blockOf(docs[start])], docs: docs.slice(start, i) });
        start = i;
      }
    }
  }
  // A batch touches tens of thousands of blocks: asked for all at once, they held the worker for seconds (a popup's
  // read waited). In groups, each awaited: the worker answers messages between them, and the transaction stays
  // alive because the next group is asked for as the last answer of the one before arrives.
  for (let at = 0; at < writes.length; at += POSTINGS_GROUP) {
    const group = writes.slice(at, at + POSTINGS_GROUP);
    const blocks = await Promise.all(group.map(({ key }) => postings.get(key)));
    await Promise.all(group.map(({ key, docs }, i) => postings.put(appendDocs(blocks[i], docs), key)));
  }
  await Promise.all([meta.put(next, NEXT_DOC_KEY), meta.put(live, LIVE_KEY)]);
  await tx.done;
  // Then off the queue. An item changed again meanwhile keeps its place, to be indexed once more; a worker stopped
  // before this indexes the batch again, which replaces its documents with the same words.
  const done = db.transaction('search-queue', 'readwrite');
  const current = await Promise.all(queued.map(({ item }) => done.store.get(item)));
  await Promise.all(
    queued.map(({ item, queuedAt }, i) => (current[i]?.queuedAt === queuedAt ? done.store.delete(item) : undefined)),
  );
  await done.done;
  return queued.length;
}

type Reader = Pick<Database, 'getAll'>;

async function wordDocs(db: Reader, word: string): Promise<number[]> {
  const blocks = await db.getAll('search-postings', IDBKeyRange.bound([word, 0], [word, Infinity]));
  const out: number[] = [];
  for (const block of blocks) decodeDocs(block.docs, out);
  return out;
}

async function prefixDocs(db: Reader, prefix: string): Promise<number[]> {
  if (prefix.length < MIN_PREFIX_CHARS && !CHAR_SCRIPT.test(prefix)) return wordDocs(db, prefix);
  const blocks = await db.getAll(
    'search-postings',
    IDBKeyRange.bound([prefix], [`${prefix}\uffff`]),
    MAX_PREFIX_RECORDS,
  );
  const all: number[] = [];
  for (const block of blocks) decodeDocs(block.docs, all);
  return uniqueSorted(all);
}

/** Documents holding every token of a term (the last one as a prefix when the term says so), ascending. */
async function termDocs(db: Reader, tokens: string[], prefix: boolean): Promise<number[]> {
  const lists = await Promise.all(
    tokens.map((token, i) => (prefix && i === tokens.length - 1 ? prefixDocs(db, token) : wordDocs(db, token))),
  );
  lists.sort((a, b) => a.length - b.length);
  return lists.reduce((acc, list) => intersectSorted(acc, list));
}

async function nodeDocs(db: Reader, node: SearchNode): Promise<number[]> {
  switch (node.type) {
    case 'term':
      return termDocs(db, node.tokens, node.prefix);
    case 'or': {
      const lists = await Promise.all(node.children.map((c) => nodeDocs(db, c)));
      return lists.reduce((acc, list) => unionSorted(acc, list), []);
    }
    case 'not':
      // Alone, a NOT finds nothing: search lists what holds words, not everything but them.
      return [];
    case 'and': {
      const positive = node.children.filter((c) => c.type !== 'not');
      const negative = node.children.filter((c): c is Extract<SearchNode, { type: 'not' }> => c.type === 'not');
      if (!positive.length) return [];
      const lists = await Promise.all(positive.map((c) => nodeDocs(db, c)));
      let docs = lists.reduce((acc, list) => intersectSorted(acc, list));
      for (const { child } of negative) docs = subtractSorted(docs, await nodeDocs(db, child));
      return docs;
    }
  }
}

/** A read-only transaction a search reads its candidates' items in (search-docs, with the records they name). */
export type SearchReadTransaction = IDBPTransaction<BeatwatchDB, ['search-docs', 'articles', 'highlights'], 'readonly'>;

export interface SearchCandidates {
  /** Live documents holding the query, newest (highest number) first. */
  docs: number[];
  /** Item of a document (`a:<id>` or `h:<id>`), read in the caller's transaction when given one. */
  itemOf: (doc: number, tx?: SearchReadTransaction) => Promise<string | undefined>;
}

/** The live documents matching a query, newest first; resolve the ones to show with `itemOf`. */
export async function searchCandidates(db: Database, node: SearchNode): Promise<SearchCandidates> {
  const [docs, live] = await Promise.all([
    nodeDocs(db, node),
    db.get('meta', LIVE_KEY) as Promise<Uint8Array | undefined>,
  ]);
  const bits = live ?? new Uint8Array(0);
  return {
    docs: docs.filter((doc) => isLive(bits, doc)).reverse(),
    itemOf: async (doc, tx) => (await (tx ? tx.objectStore('search-docs').get(doc) : db.get('search-docs', doc)))?.item,
  };
}
