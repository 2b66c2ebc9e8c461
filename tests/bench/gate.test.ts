// bench:gate — how well and how cheaply the article gate separates articles from other pages,
// on the labelled set (tests/fixtures/gate), with a bare querySelectorAll('p') as the cost yardstick.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { detectArticle } from '@/lib/extract/gate';
import { median, percentile, reportFigures } from './report';

const ROOT = resolve(__dirname, '../..');
const SET = resolve(process.env.BENCH_GATE_DIR || join(ROOT, 'tests/fixtures/gate'));
// The extraction corpus is all articles: a second, independent recall figure when it is present.
const CORPUS = resolve(ROOT, '../shared/corpus/extraction-dev');
const REPS = 21;

interface Label {
  file: string;
  label: 'article' | 'non-article';
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Median of REPS timed calls after a warm-up, so one GC pause does not stand for the page. */
function timeMicros(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) * 1000);
  }
  return median(times);
}

it('gate: precision, recall, rejection and cost per page', () => {
  const labels = JSON.parse(readFileSync(join(SET, 'labels.json'), 'utf8')) as Label[];
  let tp = 0;
  let fn = 0;
  let tn = 0;
  let fp = 0;
  const gateUs: number[] = [];
  const baseUs: number[] = [];
  const mistakes: string[] = [];
  for (const l of labels) {
    const doc = parse(readFileSync(join(SET, l.file), 'utf8'));
    const likely = detectArticle(doc).likely;
    if (l.label === 'article') {
      if (likely) tp++;
      else {
        fn++;
        mistakes.push(`missed ${l.file}`);
      }
    } else if (likely) {
      fp++;
      mistakes.push(`passed ${l.file}`);
    } else tn++;
    gateUs.push(timeMicros(() => detectArticle(doc)));
    baseUs.push(timeMicros(() => doc.querySelectorAll('p').length));
  }

  let corpus: { pages: number; recall: number } | null = null;
  if (!process.env.BENCH_GATE_DIR && existsSync(join(CORPUS, 'index.json'))) {
    const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { pages: { dir: string }[] };
    let hits = 0;
    for (const p of index.pages)
      if (detectArticle(parse(readFileSync(join(CORPUS, p.dir, 'page.html'), 'utf8'))).likely) hits++;
    corpus = { pages: index.pages.length, recall: hits / index.pages.length };
  }

  const round = (x: number, d = 3) => Number(x.toFixed(d));
  const figures = {
    pages: labels.length,
    articles: tp + fn,
    nonArticles: tn + fp,
    precision: round(tp / (tp + fp)),
    recall: round(tp / (tp + fn)),
    rejection: round(tn / (tn + fp)),
    gateMedianUs: round(median(gateUs), 1),
    gateP95Us: round(percentile(gateUs, 95), 1),
    baselineMedianUs: round(median(baseUs), 1),
    baselineP95Us: round(percentile(baseUs, 95), 1),
    ratioMedian: round(median(gateUs) / median(baseUs), 2),
    dom: 'linkedom',
    baseline: "document.querySelectorAll('p').length",
    corpusRecall: corpus && round(corpus.recall),
    corpusPages: corpus?.pages ?? null,
    mistakes,
  };
  reportFigures(figures, () => {
    console.log(
      `gate on ${figures.pages} labelled pages (${figures.articles} articles, ${figures.nonArticles} others), ${figures.dom} DOM`,
    );
    console.log(`  precision ${figures.precision}  recall ${figures.recall}  rejection ${figures.rejection}`);
    console.log(`  detectArticle: median ${figures.gateMedianUs} µs, p95 ${figures.gateP95Us} µs per page`);
    console.log(
      `  baseline ${figures.baseline}: median ${figures.baselineMedianUs} µs, p95 ${figures.baselineP95Us} µs`,
    );
    console.log(`  ratio gate/baseline (medians): ${figures.ratioMedian}`);
    if (corpus)
      console.log(
        `  recall on the extraction corpus (all articles): ${figures.corpusRecall} over ${corpus.pages} pages`,
      );
    if (mistakes.length) console.log(`  ${mistakes.join('\n  ')}`);
  });
  expect(labels.length).toBeGreaterThan(0);
});
