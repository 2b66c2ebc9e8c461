// The shared labelled corpora the quality benchmarks read (../shared/corpus, beside the clone; never copied into
// the repository), each page with its half: every corpus is split once, by a hash of the page id, into a tuning
// half (tune on it) and a validation half (report it; a change that helps tuning only is overfitting).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_CORPUS = resolve(__dirname, '../../../shared/corpus');
export const EXTRACTION_DEV = join(SHARED_CORPUS, 'extraction-dev');
export const EXTRACTION_SNIPPETS = join(SHARED_CORPUS, 'extraction-snippets');
export const NEWS_AR = join(SHARED_CORPUS, 'news-ar');

export type Half = 'tuning' | 'validation';

/** Fixed for good: changing it would let tuning pages leak into validation. */
export function halfOf(id: string): Half {
  return createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tuning' : 'validation';
}

interface CorpusPage {
  id: string;
  url: string;
  half: Half;
  /** The page's HTML, read when asked (the corpora are ~90 MB together). */
  html(): string;
}

/** extraction-dev: a human-annotated article body per page (scored with the Zyte metric). */
export interface TruthPage extends CorpusPage {
  truth: string;
}

/** extraction-snippets: text that must and must not be in the output (trafilatura's metric). */
export interface SnippetPage extends CorpusPage {
  with: string[];
  without: string[];
  /** The corpus's rough class: 'news' pages are news articles. */
  news: string;
  lang: string | null;
}

export type CorpusKind = 'truth' | 'snippets';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Which metric a corpus directory is for, from its index: truth files, or with/without snippets. */
export function corpusKind(dir: string): CorpusKind {
  const index = readJson<{ pages: Record<string, unknown>[] }>(join(dir, 'index.json'));
  return index.pages.some((p) => Array.isArray(p.with)) ? 'snippets' : 'truth';
}

export function truthPages(dir = EXTRACTION_DEV): TruthPage[] {
  const index = readJson<{ pages: { id: string; dir: string; url: string }[] }>(join(dir, 'index.json'));
  return index.pages.map((p) => ({
    id: p.id,
    url: p.url,
    half: halfOf(p.id),
    truth: readJson<{ text: string }>(join(dir, p.dir, 'truth.json')).text,
    html: () => readFileSync(join(dir, p.dir, 'page.html'), 'utf8'),
  }));
}

export function snippetPages(dir = EXTRACTION_SNIPPETS): SnippetPage[] {
  const index = readJson<{
    pages: {
      id: string;
      url: string;
      with: string[];
      without: string[];
      news: string;
      lang_guess: string | null;
      lang: string | null;
    }[];
  }>(join(dir, 'index.json'));
  return index.pages.map((p) => ({
    id: p.id,
    url: p.url,
    half: halfOf(p.id),
    with: p.with,
    without: p.without,
    news: p.news,
    lang: p.lang_guess ?? p.lang,
    html: () => readFileSync(join(dir, 'pages', p.id, 'page.html'), 'utf8'),
  }));
}

export interface ArabicText {
  id: string;
  url: string;
  title: string;
  text: string;
}

/** news-ar (CC BY-NC-SA): read at bench time only, never written into the repository. */
export function newsArTexts(dir = NEWS_AR): ArabicText[] {
  return readFileSync(join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => readJson0<ArabicText>(line));
}

const readJson0 = <T>(line: string): T => JSON.parse(line) as T;

export const corporaPresent = () =>
  existsSync(join(EXTRACTION_DEV, 'index.json')) && existsSync(join(EXTRACTION_SNIPPETS, 'index.json'));
