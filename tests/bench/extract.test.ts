// bench:extract — Beatwatch's extractor against bare Readability (the library it builds on) on an
// extraction corpus with ground truth, scored with the corpus's own metric (scrapinghub evaluate.py).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { extractMainArticle } from '@/lib/extract/article';
import { median, percentile, reportFigures } from './report';

const ROOT = resolve(__dirname, '../..');
const DEFAULT_DIR = resolve(ROOT, '../shared/corpus/extraction-dev');
const CORPUS = resolve(process.env.BENCH_EXTRACT_DIR || DEFAULT_DIR);
// Page-level scores are kept in the repo for the default corpus only, so a diff shows which pages regressed.
const PAGES_OUT = join(ROOT, 'tests/bench/results/extract-pages.json');

interface IndexEntry {
  id: string;
  dir: string;
  url: string;
}

interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Tokens as Python's `re.findall(r'\w+')`: letters, digits and underscore, case kept. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-gram shingles as a multiset; fewer than 4 tokens give a single shorter shingle. */
function shingles(text: string): Map<string, number> {
  const toks = tokens(text);
  const counts = new Map<string, number>();
  const n = 4;
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (toks.length === 0) return counts;
  if (toks.length < n) add(toks.join('\u0001'));
  else for (let i = 0; i + n <= toks.length; i++) add(toks.slice(i, i + n).join('\u0001'));
  return counts;
}

/** TP/FP/FN over shingles, normalised so they sum to 1 (long pages don't weigh more). */
function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const total = tp + fp + fn;
  return total > 0 ? { tp: tp / total, fp: fp / total, fn: fn / total } : { tp: 0, fp: 0, fn: 0 };
}

/** Mean precision and mean recall over pages, F1 of the two means (not the mean of per-page F1). */
function corpusScore(pages: PageScore[]): { precision: number; recall: number; f1: number } {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const { tp, fp, fn } of pages) {
    if (fp === 0 && fn === 0) {
      precisions.push(1);
      recalls.push(1);
      continue;
    }
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function pageF1({ tp, fp, fn }: PageScore): { p: number; r: number; f1: number } {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { p: round(p), r: round(r), f1: round(p + r > 0 ? (2 * p * r) / (p + r) : 0) };
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Bare Readability as its README recommends: on a clone, since it mutates the document. */
function bareReadability(doc: Document): string {
  return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
}

it('bench:extract', { timeout: 600_000 }, () => {
  const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { pages: IndexEntry[] };
  const only = process.env.BENCH_EXTRACT_ONLY?.split(',').filter(Boolean);
  const entries = only ? index.pages.filter((p) => only.includes(p.id)) : index.pages;
  const ours: PageScore[] = [];
  const base: PageScore[] = [];
  const oursMs: number[] = [];
  const baseMs: number[] = [];
  const perPage: Record<string, { p: number; r: number; f1: number }> = {};

  for (const entry of entries) {
    const html = readFileSync(join(CORPUS, entry.dir, 'page.html'), 'utf8');
    const truth = (JSON.parse(readFileSync(join(CORPUS, entry.dir, 'truth.json'), 'utf8')) as { text: string }).text;

    // Each extractor gets its own freshly parsed DOM; parsing is not timed. The order alternates so
    // that neither extractor always runs on a cold cache.
    const runOurs = () => {
      const doc = parse(html);
      const start = performance.now();
      let article: ReturnType<typeof extractMainArticle>;
      try {
        article = extractMainArticle(doc, entry.url);
      } catch (error) {
        throw new Error(`extractor failed on ${entry.id}: ${String(error)}`, { cause: error });
      }
      oursMs.push(performance.now() - start);
      const score = scorePage(truth, article?.text ?? '');
      ours.push(score);
      perPage[entry.id] = pageF1(score);
    };
    const runBase = () => {
      const doc = parse(html);
      const start = performance.now();
      const text = bareReadability(doc);
      baseMs.push(performance.now() - start);
      base.push(scorePage(truth, text));
    };
    if (ours.length % 2 === 0) {
      runOurs();
      runBase();
    } else {
      runBase();
      runOurs();
    }
  }

  const summary = (scores: PageScore[], ms: number[]) => {
    const { precision, recall, f1 } = corpusScore(scores);
    return {
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      medianMs: round(median(ms), 1),
      p95Ms: round(percentile(ms, 95), 1),
    };
  };
  const figures = { extractor: summary(ours, oursMs), baseline: summary(base, baseMs), pages: entries.length };

  if (CORPUS === DEFAULT_DIR && !only) {
    mkdirSync(join(ROOT, 'tests/bench/results'), { recursive: true });
    const sorted = Object.fromEntries(Object.entries(perPage).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(PAGES_OUT, `${JSON.stringify(sorted, null, 0).replace(/},"/g, '},\n"')}\n`);
  }

  reportFigures(figures, () => {
    const row = (name: string, s: ReturnType<typeof summary>) =>
      `${name.padEnd(28)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}   median ${s.medianMs.toFixed(1).padStart(6)} ms   p95 ${s.p95Ms.toFixed(1).padStart(6)} ms`;
    const { extractor: e, baseline: b } = figures;
    console.log(
      [
        `bench:extract — ${entries.length} pages from ${CORPUS}`,
        row('Beatwatch extractor', e),
        row('bare Readability 0.6.0', b),
        `vs bare: precision ${(e.precision / b.precision).toFixed(3)}×, recall ${(e.recall / b.recall).toFixed(3)}×, F1 ${(e.f1 / b.f1).toFixed(3)}×, median time ${(e.medianMs / b.medianMs).toFixed(2)}×`,
        'targets: F1 ≥ 0.960, precision ≥ 0.950, precision above bare, recall no more than 0.010 below bare',
        '',
      ].join('\n'),
    );
  });
  expect(entries.length).toBeGreaterThan(0);
});
