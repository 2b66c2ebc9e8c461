// The article texts of ../shared/corpus/ as labellers read them and as the quality benchmarks feed them to
// Beatwatch's text functions (topics, facts, story grouping): one deterministic reading per corpus page, so a
// label made on a text can be checked against the same text later (each carries a hash of it).
//   news-ar:<id>  title and text as the corpus stores them (never copied into the repository: CC BY-NC-SA)
//   dev:<id>      extraction-dev's human-annotated article body, titled by the page's og:title or <title>
//   snip:<id>     extraction-snippets' page read by bare Readability (no ground-truth body exists), one paragraph
//                 per block element
// Usage: node scripts/corpus-texts.mjs OUT_DIR   writes OUT_DIR/<corpus>/<id>.json and OUT_DIR/index.json
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th';

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

export function textHash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function pageTitle(document) {
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return collapse(og || document.querySelector('title')?.textContent || '');
}

/** Readability's article as paragraphs: the text of each innermost block element, in order. */
function readabilityText(html, url) {
  const { document } = parseHTML(html);
  const title = pageTitle(document);
  const article = new Readability(document, { charThreshold: 500 }).parse();
  if (!article?.content) return { title, text: '' };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const paragraphs = [];
  for (const block of content.querySelectorAll(BLOCKS)) {
    if (block.querySelector(BLOCKS)) continue; // only innermost blocks, so no text is read twice
    const line = collapse(block.textContent ?? '');
    if (line) paragraphs.push(line);
  }
  return { title: collapse(article.title || title), text: paragraphs.join('\n\n'), url };
}

function* newsAr(wanted) {
  const lines = readFileSync(join(CORPUS_DIR, 'news-ar/articles.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const a = JSON.parse(line);
    if (wanted && !wanted.has(`news-ar:${a.id}`)) continue;
    yield {
      ref: `news-ar:${a.id}`,
      lang: 'ar',
      source: a.source,
      date: a.date,
      url: a.url,
      title: a.title,
      text: a.text,
    };
  }
}

function* extractionDev(wanted) {
  const index = JSON.parse(readFileSync(join(CORPUS_DIR, 'extraction-dev/index.json'), 'utf8'));
  for (const page of index.pages) {
    if (wanted && !wanted.has(`dev:${page.id}`)) continue;
    const truth = JSON.parse(readFileSync(join(CORPUS_DIR, 'extraction-dev', page.dir, 'truth.json'), 'utf8'));
    const { document } = parseHTML(readFileSync(join(CORPUS_DIR, 'extraction-dev', page.dir, 'page.html'), 'utf8'));
    const lang = (page.html_lang ?? 'en').slice(0, 2).toLowerCase();
    yield { ref: `dev:${page.id}`, lang, url: page.url, title: pageTitle(document), text: truth.text.trim() };
  }
}

function* extractionSnippets(wanted) {
  const index = JSON.parse(readFileSync(join(CORPUS_DIR, 'extraction-snippets/index.json'), 'utf8'));
  for (const page of index.pages) {
    if (wanted && !wanted.has(`snip:${page.id}`)) continue;
    const html = readFileSync(join(CORPUS_DIR, 'extraction-snippets/pages', page.id, 'page.html'), 'utf8');
    let read;
    try {
      read = readabilityText(html, page.url);
    } catch {
      continue;
    }
    const title = page.meta?.title ? collapse(page.meta.title) : read.title;
    yield {
      ref: `snip:${page.id}`,
      lang: page.lang_guess ?? page.lang ?? null,
      news: page.news,
      url: page.url,
      title,
      text: read.text,
    };
  }
}

/** Every corpus text, with its hash; only the refs in `wanted` when given (parsing every page takes a while). */
export function* corpusTexts(corpora = ['news-ar', 'dev', 'snip'], wanted = undefined) {
  const readers = { 'news-ar': newsAr, dev: extractionDev, snip: extractionSnippets };
  for (const name of corpora) {
    for (const item of readers[name](wanted)) yield { ...item, hash: textHash(`${item.title}\n\n${item.text}`) };
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/corpus-texts.mjs OUT_DIR');
  if (!existsSync(CORPUS_DIR)) throw new Error(`no corpus at ${CORPUS_DIR}`);
  const index = [];
  for (const item of corpusTexts()) {
    const [corpus, id] = item.ref.split(':');
    mkdirSync(join(out, corpus), { recursive: true });
    writeFileSync(join(out, corpus, `${id}.json`), JSON.stringify(item, null, 1));
    const { text, ...meta } = item;
    index.push({ ...meta, chars: text.length, paragraphs: text.split('\n\n').length });
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1));
  console.log(`${index.length} texts in ${out}`);
}
