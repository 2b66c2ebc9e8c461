// bench:extract — Beatwatch's extractor against bare Readability (the library it builds on), in one run, on every
// corpus: extraction-dev (scored with its own Zyte metric), extraction-snippets (trafilatura's snippet metric) and
// the generated multi-article pages (every article found once, separately, under its own title). Pages are parsed
// as a browser parses them (./parse-page). A page that throws scores as empty output and is listed with its error:
// the run never stops on one page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { expect, it } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { corpusKind, snippetPages, truthPages, type Half, type SnippetPage, type TruthPage } from './corpora';
import {
  corpusShingleScore,
  pagePrecision,
  pageRecall,
  scoreShingles,
  type ShingleCounts,
} from './metrics/shingle-metric';
import { corpusSnippetScore, scoreSnippets, type SnippetCounts } from './metrics/snippet-metric';
import { runMultiArticle, type MultiArticleFigures } from './multi-article/run';
import { parsePage } from './parse-page';
import { median, percentile, reportFigures } from './report';

const ROOT = resolve(__dirname, '../..');
const ONE_DIR = process.env.BENCH_EXTRACT_DIR ? resolve(process.env.BENCH_EXTRACT_DIR) : null;
// While iterating: BENCH_EXTRACT_ONLY=dev,snippets,multi (corpora) and BENCH_EXTRACT_PAGES=id,id (pages).
const ONLY = process.env.BENCH_EXTRACT_ONLY?.split(',').filter(Boolean) ?? null;
const PAGES = process.env.BENCH_EXTRACT_PAGES?.split(',').filter(Boolean) ?? null;
// Page-level scores, kept in the repository for full default runs, so a diff shows which pages moved.
const PAGES_OUT = join(ROOT, 'tests/bench/results/extract-pages.json');

/** What one extractor made of one page: its text (null when it threw) and how long it took. */
interface Run {
  text: string | null;
  ms: number;
  error?: string;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Beatwatch as the extension runs it: every article on the page, the page's own first; scored on that one. */
function runBeatwatch(doc: Document, url: string): Run {
  const start = performance.now();
  try {
    const text = extractArticles(doc, url)[0]?.text ?? '';
    return { text, ms: performance.now() - start };
  } catch (error) {
    return { text: null, ms: performance.now() - start, error: describeError(error) };
  }
}

/** Bare Readability as its README recommends: on a clone, since it mutates the document. */
function runReadability(doc: Document): Run {
  const start = performance.now();
  try {
    const text = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
    return { text, ms: performance.now() - start };
  } catch (error) {
    return { text: null, ms: performance.now() - start, error: describeError(error) };
  }
}

function describeError(error: unknown): string {
  const e = error as Error;
  const where = e?.stack
    ?.split('\n')
    .find((line) => line.includes('/lib/'))
    ?.trim();
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}${where ? ` (${where})` : ''}`;
}

interface PageRuns {
  id: string;
  half: Half;
  beatwatch: Run;
  readability: Run;
}

/** Parses each page once; each extractor works on it (Readability on its own clone), in alternating order. */
function runCorpus(pages: { id: string; url: string; half: Half; html(): string }[]): PageRuns[] {
  const out: PageRuns[] = [];
  for (const [i, page] of pages.entries()) {
    let parsed;
    try {
      parsed = parsePage(page.html(), page.url);
    } catch (error) {
      const failed: Run = { text: null, ms: 0, error: `parse: ${describeError(error)}` };
      out.push({ id: page.id, half: page.half, beatwatch: failed, readability: failed });
      continue;
    }
    let beatwatch: Run;
    let readability: Run;
    if (i % 2 === 0) {
      beatwatch = runBeatwatch(parsed.document, page.url);
      readability = runReadability(parsed.document);
    } else {
      readability = runReadability(parsed.document);
      beatwatch = runBeatwatch(parsed.document, page.url);
    }
    parsed.close();
    out.push({ id: page.id, half: page.half, beatwatch, readability });
  }
  return out;
}

/** Time over the pages an extractor finished (a throw is listed, not timed). */
function timing(runs: Run[]) {
  const ms = runs.filter((r) => r.text !== null).map((r) => r.ms);
  return { medianMs: round(median(ms), 1), p95Ms: round(percentile(ms, 95), 1) };
}

const errorsOf = (runs: PageRuns[], who: 'beatwatch' | 'readability') =>
  runs.filter((r) => r[who].error).map((r) => ({ page: r.id, error: r[who].error! }));

const HALVES: (Half | 'all')[] = ['all', 'tuning', 'validation'];
const inHalf = <T extends { half: Half }>(xs: T[], half: Half | 'all') =>
  half === 'all' ? xs : xs.filter((x) => x.half === half);

function truthCorpus(pages: TruthPage[]) {
  const runs = runCorpus(pages);
  const truthOf = new Map(pages.map((p) => [p.id, p.truth]));
  const scored = runs.map((r) => ({
    ...r,
    ours: scoreShingles(truthOf.get(r.id)!, r.beatwatch.text ?? ''),
    base: scoreShingles(truthOf.get(r.id)!, r.readability.text ?? ''),
  }));
  const score = (counts: ShingleCounts[]) => {
    const s = corpusShingleScore(counts);
    return { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) };
  };
  const byHalf = Object.fromEntries(
    HALVES.map((half) => {
      const subset = inHalf(scored, half);
      return [
        half,
        {
          pages: subset.length,
          beatwatch: score(subset.map((s) => s.ours)),
          readability: score(subset.map((s) => s.base)),
        },
      ];
    }),
  );
  const perPage = Object.fromEntries(
    scored.map((s) => {
      const p = pagePrecision(s.ours);
      const r = pageRecall(s.ours);
      return [s.id, { p: round(p), r: round(r), f1: round(p + r > 0 ? (2 * p * r) / (p + r) : 0) }];
    }),
  );
  return {
    metric: 'zyte (scrapinghub evaluate.py: 4-token shingles, mean page precision and recall, F1 of the means)',
    pages: runs.length,
    beatwatch: { ...byHalf.all.beatwatch, ...timing(runs.map((r) => r.beatwatch)) },
    readability: { ...byHalf.all.readability, ...timing(runs.map((r) => r.readability)) },
    halves: { tuning: byHalf.tuning, validation: byHalf.validation },
    errors: { beatwatch: errorsOf(runs, 'beatwatch'), readability: errorsOf(runs, 'readability') },
    perPage,
  };
}

function snippetCorpus(pages: SnippetPage[]) {
  const runs = runCorpus(pages);
  const snippetsOf = new Map(pages.map((p) => [p.id, p]));
  const scored = runs.map((r) => ({
    ...r,
    ours: scoreSnippets(r.beatwatch.text, snippetsOf.get(r.id)!),
    base: scoreSnippets(r.readability.text, snippetsOf.get(r.id)!),
  }));
  const score = (counts: SnippetCounts[]) => {
    const s = corpusSnippetScore(counts);
    return { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), accuracy: round(s.accuracy) };
  };
  const byHalf = Object.fromEntries(
    HALVES.map((half) => {
      const subset = inHalf(scored, half);
      return [
        half,
        {
          pages: subset.length,
          beatwatch: score(subset.map((s) => s.ours)),
          readability: score(subset.map((s) => s.base)),
        },
      ];
    }),
  );
  return {
    metric: "trafilatura snippets (with/without substrings after Python's whitespace normalisation, micro-averaged)",
    pages: runs.length,
    beatwatch: { ...byHalf.all.beatwatch, ...timing(runs.map((r) => r.beatwatch)) },
    readability: { ...byHalf.all.readability, ...timing(runs.map((r) => r.readability)) },
    halves: { tuning: byHalf.tuning, validation: byHalf.validation },
    errors: { beatwatch: errorsOf(runs, 'beatwatch'), readability: errorsOf(runs, 'readability') },
    perPage: Object.fromEntries(scored.map((s) => [s.id, s.ours])),
  };
}

type CorpusFigures = ReturnType<typeof truthCorpus> | ReturnType<typeof snippetCorpus>;

it('bench:extract', { timeout: 3_600_000 }, () => {
  const wanted = (name: string) => !ONLY || ONLY.includes(name);
  const pick = <T extends { id: string }>(pages: T[]) => (PAGES ? pages.filter((p) => PAGES.includes(p.id)) : pages);
  const corpora: Record<string, CorpusFigures | MultiArticleFigures> = {};

  if (ONE_DIR) {
    corpora[ONE_DIR] =
      corpusKind(ONE_DIR) === 'snippets'
        ? snippetCorpus(pick(snippetPages(ONE_DIR)))
        : truthCorpus(pick(truthPages(ONE_DIR)));
  } else {
    if (wanted('dev')) corpora['extraction-dev'] = truthCorpus(pick(truthPages()));
    if (wanted('snippets')) corpora['extraction-snippets'] = snippetCorpus(pick(snippetPages()));
    if (wanted('multi')) corpora['multi-article'] = runMultiArticle();
  }

  const full = !ONE_DIR && !ONLY && !PAGES;
  if (full) {
    mkdirSync(join(ROOT, 'tests/bench/results'), { recursive: true });
    const pages = Object.fromEntries(
      Object.entries(corpora).map(([name, c]) => [
        name,
        'perPage' in c ? c.perPage : (c as MultiArticleFigures).perPage,
      ]),
    );
    writeFileSync(PAGES_OUT, `${JSON.stringify(pages, null, 0).replace(/},"/g, '},\n"')}\n`);
  }
  const withoutPages = Object.fromEntries(
    Object.entries(corpora).map(([name, c]) => [name, { ...c, perPage: undefined }]),
  );
  const dev = corpora['extraction-dev'] as ReturnType<typeof truthCorpus> | undefined;
  // The top-level extractor/baseline fields are the extraction-dev figures, as before the corpora map existed.
  const figures = {
    ...(dev ? { extractor: dev.beatwatch, baseline: dev.readability, pages: dev.pages } : {}),
    parser: 'jsdom 26 (parse5), scripting on, page scripts off',
    corpora: withoutPages,
  };

  reportFigures(figures, () => {
    const lines: string[] = [`bench:extract — pages parsed with ${figures.parser}`];
    const row = (name: string, s: { precision: number; recall: number; f1: number; medianMs: number; p95Ms: number }) =>
      `  ${name.padEnd(24)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}   median ${s.medianMs.toFixed(1).padStart(6)} ms   p95 ${s.p95Ms.toFixed(1).padStart(6)} ms`;
    for (const [name, c] of Object.entries(corpora)) {
      if ('styles' in c) {
        lines.push(...(c as MultiArticleFigures).table());
        continue;
      }
      const corpus = c as CorpusFigures;
      lines.push('', `${name} — ${corpus.pages} pages; ${corpus.metric}`);
      lines.push(row('Beatwatch', corpus.beatwatch), row('bare Readability 0.6.0', corpus.readability));
      for (const half of ['tuning', 'validation'] as const) {
        const h = corpus.halves[half];
        lines.push(
          `  ${`${half} half (${h.pages})`.padEnd(24)} F1 Beatwatch ${h.beatwatch.f1.toFixed(3)} vs Readability ${h.readability.f1.toFixed(3)} (R ${h.beatwatch.recall.toFixed(3)} vs ${h.readability.recall.toFixed(3)})`,
        );
      }
      for (const who of ['beatwatch', 'readability'] as const) {
        const errors = corpus.errors[who];
        if (errors.length)
          lines.push(
            `  ${who} threw on ${errors.length} pages (scored as empty):`,
            ...errors.map((e) => `    ${e.page}: ${e.error}`),
          );
      }
    }
    console.log(`${lines.join('\n')}\n`);
  });
  expect(Object.keys(corpora).length).toBeGreaterThan(0);
});
