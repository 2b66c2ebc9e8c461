// bench:search — choosing how Beatwatch searches a year of reading: MiniSearch, FlexSearch and Orama, each with
// Beatwatch's normalizer and tokenizer (lib/search/terms.ts), against postings per word as Beatwatch would store them
// in IndexedDB itself. On bench:popup's profile (10,000 articles of ~5,500 characters, 20% Arabic): time to index,
// heap held, bytes to persist, time to load back (what a restarted service worker pays before its first answer) and
// time per query. Baseline in the same run: Beatwatch's own tokenization of the same texts, which every candidate
// needs first. Run `npm run bench:search [-- --json]`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { create, insertMultiple, load, save, search as oramaSearch } from '@orama/orama';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { expect, it } from 'vitest';
import { indexTerms } from '@/lib/search/terms';
import { normalizeTerm } from '@/lib/text/normalize';
import { tokenizeTerm } from '@/lib/text/tokenize';
import type { Capture } from '@/lib/schema';
import { median, reportFigures } from './report';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const BENCH_DIR = join(import.meta.dirname, '..', '..', '.bench', 'popup');
// Typed key by key: every prefix of each query is searched, as a search field does.
const QUERIES = ['الحكومة', 'أوكرانيا', 'ukraine talks', 'government', 'officials said'];
const ROUNDS = 5;

interface Doc {
  id: number;
  /** Beatwatch's words of title and text, clitic-free forms included, space-separated. */
  words: string;
}

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const time = <T>(task: () => T): [T, number] => {
  const start = performance.now();
  const value = task();
  return [value, performance.now() - start];
};

/** Every prefix of every query as typed; a query word is normalized and tokenized as a topic query's would be. */
function keystrokes(): string[][] {
  const out: string[][] = [];
  for (const query of QUERIES)
    for (let n = 1; n <= query.length; n++) {
      const words = tokenizeTerm(normalizeTerm(query.slice(0, n)));
      if (words.length) out.push(words);
    }
  return out;
}

interface Candidate {
  name: string;
  build(docs: Doc[]): void;
  /** Documents holding every word, the last one as a prefix. */
  query(words: string[]): number;
  serialize(): string;
  load(serialized: string): void;
}

const split = (text: string) => text.split(' ');

function miniSearch(): Candidate {
  const options = { fields: ['words'], tokenize: split, processTerm: (t: string) => t };
  let index = new MiniSearch<Doc>(options);
  return {
    name: 'MiniSearch 7.2.0',
    build: (docs) => index.addAll(docs),
    query: (words) =>
      index.search(words.join(' '), {
        combineWith: 'AND',
        prefix: (_term, i, terms) => i === terms.length - 1,
      }).length,
    serialize: () => JSON.stringify(index),
    load: (json) => (index = MiniSearch.loadJSON(json, options)),
  };
}

function flexSearch(tokenize: 'strict' | 'forward'): Candidate {
  const make = () => new Index({ tokenize, encode: split, resolution: 9, cache: false });
  let index = make();
  return {
    name: `FlexSearch 0.8.212 (${tokenize})`,
    build: (docs) => docs.forEach((d) => index.add(d.id, d.words)),
    // Strict indexes whole words only: the last word is looked up whole.
    query: (words) => index.search(words.join(' '), { limit: 100_000 }).length,
    serialize: () => {
      const parts: [string, string][] = [];
      index.export((key, data) => void parts.push([String(key), String(data)]));
      return JSON.stringify(parts);
    },
    load: (json) => {
      index = make();
      for (const [key, data] of JSON.parse(json) as [string, string][]) index.import(key, data);
    },
  };
}

function orama(): Candidate {
  const make = () =>
    create({
      schema: { words: 'string' } as const,
      components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: split } },
    });
  let db = make();
  return {
    name: 'Orama 3.1.18',
    build: (docs) =>
      void insertMultiple(
        db,
        docs.map((d) => ({ id: String(d.id), words: d.words })),
      ),
    query: (words) => {
      const result = oramaSearch(db, { term: words.join(' '), properties: ['words'], limit: 100_000, threshold: 0 });
      return (result as { count: number }).count;
    },
    serialize: () => JSON.stringify(save(db)),
    load: (json) => {
      db = make();
      load(db, JSON.parse(json));
    },
  };
}

/**
 * Postings per word, the way Beatwatch stores them in IndexedDB: one record per word holding its documents as
 * delta-coded varints; a query reads only its words' records, a prefix a key range of words. Held in a Map here;
 * the load step is empty because IndexedDB is read per query, not loaded.
 */
function postings(): Candidate {
  let byWord = new Map<string, Uint8Array>();
  let words: string[] = [];
  const decode = (bytes: Uint8Array): number[] => {
    const out: number[] = [];
    let value = 0;
    let shift = 0;
    let last = 0;
    for (const byte of bytes) {
      value |= (byte & 0x7f) << shift;
      if (byte & 0x80) shift += 7;
      else {
        last += value;
        out.push(last);
        value = 0;
        shift = 0;
      }
    }
    return out;
  };
  const intersect = (a: number[], b: Set<number>) => a.filter((x) => b.has(x));
  return {
    name: 'Postings per word (hand-written, IndexedDB)',
    build: (docs) => {
      const lists = new Map<string, number[]>();
      for (const doc of docs)
        for (const word of new Set(split(doc.words))) {
          let list = lists.get(word);
          if (!list) lists.set(word, (list = []));
          list.push(doc.id);
        }
      for (const [word, ids] of lists) {
        const bytes: number[] = [];
        let last = 0;
        for (const id of ids) {
          let delta = id - last;
          last = id;
          while (delta >= 0x80) {
            bytes.push((delta & 0x7f) | 0x80);
            delta >>>= 7;
          }
          bytes.push(delta);
        }
        byWord.set(word, Uint8Array.from(bytes));
      }
      words = [...byWord.keys()].sort();
    },
    query: (query) => {
      const last = query[query.length - 1]!;
      // The prefix's words: a key range over the sorted words (IDBKeyRange.bound in IndexedDB), at most 200.
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (words[mid]! < last) lo = mid + 1;
        else hi = mid;
      }
      const prefixed = new Set<number>();
      for (let i = lo; i < words.length && i < lo + 200 && words[i]!.startsWith(last); i++)
        for (const id of decode(byWord.get(words[i]!)!)) prefixed.add(id);
      let result = [...prefixed];
      for (const word of query.slice(0, -1))
        result = intersect(decode(byWord.get(word) ?? new Uint8Array()), new Set(result));
      return result.length;
    },
    serialize: () => JSON.stringify([...byWord].map(([w, b]) => [w, Buffer.from(b).toString('latin1')])),
    load: (json) => {
      byWord = new Map(
        (JSON.parse(json) as [string, string][]).map(([w, b]) => [w, Uint8Array.from(Buffer.from(b, 'latin1'))]),
      );
      words = [...byWord.keys()].sort();
    },
  };
}

function loadArticles(): Capture['article'][] {
  const file = readdirSync(BENCH_DIR)
    .filter((f) => /^profile-v\d+\.json$/.test(f))
    .sort()
    .at(-1);
  if (!file) throw new Error('run npm run bench:popup (or node scripts/bench.mjs popup-profile) first: no profile');
  const profile = JSON.parse(readFileSync(join(BENCH_DIR, file), 'utf8')) as { captures: Capture[] };
  return profile.captures.map((c) => c.article);
}

it('bench:search', { timeout: 3_600_000 }, () => {
  const articles = loadArticles();
  const [docs, tokenizeMs] = time(() =>
    articles.map((a, id): Doc => ({ id, words: [...indexTerms(`${a.title}\n${a.text}`)].join(' ') })),
  );
  const strokes = keystrokes();
  const results: Record<string, unknown>[] = [];
  for (const make of [miniSearch, () => flexSearch('strict'), () => flexSearch('forward'), orama, postings]) {
    const candidate = make();
    const before = heapMb();
    const [, buildMs] = time(() => candidate.build(docs));
    const heldMb = heapMb() - before;
    const [serialized, serializeMs] = time(() => candidate.serialize());
    const bytes = Buffer.byteLength(serialized);
    const [, loadMs] = time(() => candidate.load(serialized));
    const perKey: number[] = [];
    let found = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const words of strokes) {
        const [count, ms] = time(() => candidate.query(words));
        perKey.push(ms);
        if (round === 0 && words.length === 1 && words[0] === 'الحكومه') found = count;
      }
    results.push({
      name: candidate.name,
      buildMs: Math.round(buildMs),
      heapMb: Math.round(heldMb),
      persistedMb: Math.round(bytes / 1e5) / 10,
      serializeMs: Math.round(serializeMs),
      loadMs: Math.round(loadMs),
      queryMedianMs: Math.round(median(perKey) * 100) / 100,
      queryMaxMs: Math.round(Math.max(...perKey) * 10) / 10,
      documentsForAlhukuma: found,
    });
    expect(found).toBeGreaterThan(0);
  }
  const figures = { articles: docs.length, baselineTokenizeMs: Math.round(tokenizeMs), candidates: results };
  reportFigures(figures, () => {
    console.log(
      `bench:search on ${docs.length} articles; baseline: Beatwatch's tokenization ${Math.round(tokenizeMs)} ms`,
    );
    console.table(results);
  });
});
