// bench:extract-rules — what each clean-up rule of the extractor (lib/extract/rules.ts) pays, on both corpora: every
// page is parsed once, then extracted with all rules on and with each rule off in turn, in the same run, beside bare
// Readability. A full run writes tests/bench/results/extract-rules.md and .json; a rule that costs F1 on either
// corpus (tuning or validation half) has not paid for itself.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { expect, it } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { CLEAN_RULES, type CleanRule } from '@/lib/extract/rules';
import { snippetPages, truthPages, type Half } from './corpora';
import { corpusShingleScore, scoreShingles, type ShingleCounts } from './metrics/shingle-metric';
import { corpusSnippetScore, scoreSnippets, type SnippetCounts } from './metrics/snippet-metric';
import { stratifiedFolds } from './metrics/cross-validation';
import { parsePage } from './parse-page';
import { reportFigures } from './report';

const ROOT = resolve(__dirname, '../..');
const OUT = join(ROOT, 'tests/bench/results/extract-rules');
// While iterating: BENCH_EXTRACT_ONLY=dev,snippets (corpora), BENCH_RULES=furniture,figures (rules turned off).
const ONLY = process.env.BENCH_EXTRACT_ONLY?.split(',').filter(Boolean) ?? null;
const RULES = (process.env.BENCH_RULES?.split(',').filter((r) => r in CLEAN_RULES) ??
  Object.keys(CLEAN_RULES)) as CleanRule[];
// BENCH_HALF=tuning: that half's pages only (while designing a rule).
const HALF = process.env.BENCH_HALF ?? null;
const inScope = (page: { id: string; half: Half }) =>
  (!PAGES || PAGES.includes(page.id)) && (!HALF || page.half === HALF);
const PAGES = process.env.BENCH_EXTRACT_PAGES?.split(',').filter(Boolean) ?? null;
const ALL_RULES = Object.keys(CLEAN_RULES) as CleanRule[];

const round = (x: number) => Number(x.toFixed(3));
/**
 * The variants: 'all' (every rule on), 'none' (every rule off: what the rules earn together; what is left between it
 * and the bare library comes from the rest of the pipeline, the plan and the bounded copy), 'readability' (bare
 * library), then each rule off.
 */
const VARIANTS = ['all', 'none', 'readability', ...RULES.map((r) => `-${r}`)];

function beatwatchText(doc: Document, url: string, off: CleanRule | 'every' | null): string {
  for (const rule of ALL_RULES) CLEAN_RULES[rule] = off !== 'every' && rule !== off;
  try {
    return extractArticles(doc, url)[0]?.text ?? '';
  } catch {
    return '';
  } finally {
    for (const rule of ALL_RULES) CLEAN_RULES[rule] = true;
  }
}

function readabilityText(doc: Document): string {
  try {
    return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Every variant's text of every page, each page parsed once. */
function textsOf(pages: { id: string; url: string; half: Half; html(): string }[]) {
  return pages.map((page) => {
    const texts: Record<string, string> = {};
    try {
      const parsed = parsePage(page.html(), page.url);
      for (const variant of VARIANTS)
        texts[variant] =
          variant === 'readability'
            ? readabilityText(parsed.document)
            : beatwatchText(
                parsed.document,
                page.url,
                variant === 'all' ? null : variant === 'none' ? 'every' : (variant.slice(1) as CleanRule),
              );
      parsed.close();
    } catch {
      for (const variant of VARIANTS) texts[variant] ??= '';
    }
    return { id: page.id, half: page.half, texts };
  });
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
}
type Table = Record<string, Record<Half, Score>>;
/** In how many folds of the tuning half turning a variant on lowers F1 against all rules on (earns) or raises it (costs). */
type Folds = Record<string, { earns: number; costs: number }>;

/**
 * Folds of the tuning half (fixed: the same pages in each fold on every run): a rule's tuning effect that one or two
 * pages make shows as a rule that earns in one fold and costs in the others. Read before a change is scored on the
 * validation half, never after.
 */
const FOLDS = 5;
const FOLD_SEED = 9;

function table<C>(
  runs: { id: string; half: Half; texts: Record<string, string> }[],
  count: (id: string, text: string) => C,
  score: (counts: C[]) => Score,
): { table: Table; moved: Record<string, string[]>; folds: Folds } {
  const out: Table = {};
  const moved: Record<string, string[]> = {};
  const folds: Folds = {};
  const tuning = runs.filter((r) => r.half === 'tuning');
  const fold = stratifiedFolds(tuning, () => true, FOLDS, FOLD_SEED);
  const foldF1 = (variant: string, f: number) =>
    score(tuning.filter((_, i) => fold[i] === f).map((r) => count(r.id, r.texts[variant]))).f1;
  for (const variant of VARIANTS) {
    out[variant] = {} as Record<Half, Score>;
    for (const half of ['tuning', 'validation'] as const) {
      const s = score(runs.filter((r) => r.half === half).map((r) => count(r.id, r.texts[variant])));
      out[variant][half] = { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) };
    }
    // Tuning pages only: the pages to look at when a rule is changed (validation pages are never looked at).
    if (variant.startsWith('-') || variant === 'none') {
      moved[variant] = runs.filter((r) => r.half === 'tuning' && r.texts[variant] !== r.texts.all).map((r) => r.id);
      folds[variant] = { earns: 0, costs: 0 };
      for (let f = 0; f < FOLDS; f++) {
        const delta = round(foldF1(variant, f) - foldF1('all', f));
        if (delta < 0) folds[variant].earns++;
        else if (delta > 0) folds[variant].costs++;
      }
    }
  }
  return { table: out, moved, folds };
}

/**
 * BENCH_RULES_LOSSES=1: on the tuning half only, each `with` snippet bare Readability finds and Beatwatch misses, and
 * which rule, turned off, brings it back.
 */
function printLosses(
  runs: { id: string; half: Half; texts: Record<string, string> }[],
  byId: Map<string, { with: string[] }>,
): void {
  for (const run of runs.filter((r) => r.half === 'tuning')) {
    for (const snippet of byId.get(run.id)!.with) {
      const has = (variant: string) => scoreSnippets(run.texts[variant], { with: [snippet], without: [] }).tp === 1;
      if (has('all') || !has('readability')) continue;
      const back = VARIANTS.filter((v) => v.startsWith('-') && has(v));
      console.log(`LOSS ${run.id}: ${JSON.stringify(snippet.slice(0, 100))} back with: ${back.join(' ') || 'none'}`);
    }
  }
}

it('bench:extract-rules', { timeout: 7_200_000 }, () => {
  const corpora: Record<string, { table: Table; moved: Record<string, string[]>; folds: Folds }> = {};
  if (!ONLY || ONLY.includes('dev')) {
    const pages = truthPages().filter(inScope);
    const truth = new Map(pages.map((p) => [p.id, p.truth]));
    corpora['extraction-dev'] = table(
      textsOf(pages),
      (id, text) => scoreShingles(truth.get(id)!, text),
      (counts: ShingleCounts[]) => corpusShingleScore(counts),
    );
  }
  if (!ONLY || ONLY.includes('snippets')) {
    const pages = snippetPages().filter(inScope);
    const byId = new Map(pages.map((p) => [p.id, p]));
    const runs = textsOf(pages);
    if (process.env.BENCH_RULES_LOSSES) printLosses(runs, byId);
    corpora['extraction-snippets'] = table(
      runs,
      (id, text) => scoreSnippets(text, byId.get(id)!),
      (counts: SnippetCounts[]) => corpusSnippetScore(counts),
    );
  }

  const lines = [
    '# What each clean-up rule pays',
    '',
    'Written by `npm run bench:extract-rules` (tests/bench/extract-rules.test.ts): every page parsed once, extracted',
    'with all rules on, with every rule off (`none`), with bare Readability, and with each rule of',
    '`lib/extract/rules.ts` off, in the same run. Δ = (rule off) − (all rules on): a negative ΔF1 is what the rule',
    'earns; a positive one, what it costs. Between `none` and `readability` is what the rest of the pipeline (the plan',
    'of articles, the bounded copy, the text read from the output) does. Tuning folds: the tuning half dealt into',
    `${FOLDS} fixed folds; in how many F1 is lower with the variant than with all rules on (the rule earns) / higher`,
    '(it costs), at three decimals: a tuning effect that holds in one fold only is one or two pages.',
    '',
  ];
  const f = (x: number) => x.toFixed(3);
  const d = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;
  for (const [name, c] of Object.entries(corpora)) {
    lines.push(
      `## ${name}`,
      '',
      '| variant | half | P | R | F1 | ΔP | ΔR | ΔF1 | tuning pages changed | tuning folds earns / costs |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const variant of VARIANTS)
      for (const half of ['tuning', 'validation'] as const) {
        const s = c.table[variant][half];
        const base = c.table.all[half];
        const delta =
          variant === 'all'
            ? ['', '', '']
            : [d(s.precision - base.precision), d(s.recall - base.recall), d(s.f1 - base.f1)];
        const changed = half === 'tuning' && c.moved[variant] ? String(c.moved[variant].length) : '';
        const folds =
          half === 'tuning' && c.folds[variant] ? `${c.folds[variant].earns} / ${c.folds[variant].costs}` : '';
        lines.push(
          `| ${variant} | ${half} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${delta.join(' | ')} | ${changed} | ${folds} |`,
        );
      }
    lines.push('');
  }
  const figures = { variants: VARIANTS, corpora };
  if (!ONLY && !PAGES && !HALF && !process.env.BENCH_RULES) {
    writeFileSync(`${OUT}.md`, `${lines.join('\n')}\n`);
    writeFileSync(`${OUT}.json`, `${JSON.stringify(figures, null, 1)}\n`);
  }
  reportFigures(figures, () => console.log(lines.join('\n')));
  expect(Object.keys(corpora).length).toBeGreaterThan(0);
});
