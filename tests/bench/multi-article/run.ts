// The multi-article part of bench:extract: generates the corpus from ../shared's texts, runs Beatwatch's
// extractArticles on every page as the browser parses it, and scores success per page and per style. Bare
// Readability returns one article per page, so its figure is the share of pages whose own article it found.
// BENCH_MULTI_OUT=DIR also writes the generated pages and their truths there, to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticles } from '@/lib/extract/article';
import { halfOf, type Half } from '../corpora';
import { parsePage } from '../parse-page';
import { generateCorpus } from './generate';
import { BODY_F1, scorePage, tokenF1, type Failure } from './score';
import { STYLES } from './styles';
import { arabicTexts, devTexts } from './texts';

const PER_STYLE = Number(process.env.BENCH_MULTI_PAGES ?? 24);

interface StyleFigures {
  models: string;
  pages: number;
  success: number;
  successRate: number;
  halves: Record<Half, { pages: number; successRate: number }>;
  /** Appended articles returned under the address their markup declares, of those that declare one. */
  addressRate: number | null;
  readabilityOwnFound: number;
  failures: Partial<Record<Failure, number>>;
}

export interface MultiArticleFigures {
  metric: string;
  pages: number;
  perStyle: number;
  successRate: number;
  styles: Record<string, StyleFigures>;
  errors: { page: string; error: string }[];
  perPage: Record<string, { success: boolean; failures: Failure[] }>;
  table(): string[];
}

const round = (x: number, d = 3) => Number(x.toFixed(d));

export function runMultiArticle(): MultiArticleFigures {
  // While iterating: BENCH_MULTI_STYLES=blogger,amp runs those styles' pages only (the same pages as in a full run).
  const only = process.env.BENCH_MULTI_STYLES?.split(',').filter(Boolean);
  const pages = generateCorpus({ en: devTexts(), ar: arabicTexts() }, PER_STYLE).filter(
    (page) => !only || only.includes(page.spec.style),
  );
  const out = process.env.BENCH_MULTI_OUT;
  if (out) mkdirSync(out, { recursive: true });
  const perPage: MultiArticleFigures['perPage'] = {};
  const errors: MultiArticleFigures['errors'] = [];
  const byStyle = new Map<
    string,
    { success: boolean; half: Half; failures: Failure[]; declared: number; kept: number; readability: boolean }[]
  >();

  for (const page of pages) {
    if (out) {
      writeFileSync(join(out, `${page.spec.id}.html`), page.html);
      writeFileSync(join(out, `${page.spec.id}.truth.json`), JSON.stringify(page.truth, null, 1));
    }
    const parsed = parsePage(page.html, page.spec.pageUrl);
    let extracted: { title: string; text: string; url: string }[] | null;
    try {
      extracted = extractArticles(parsed.document, page.spec.pageUrl);
    } catch (error) {
      extracted = null;
      errors.push({ page: page.spec.id, error: String(error) });
    }
    let readabilityText = '';
    try {
      readabilityText = new Readability(parsed.document.cloneNode(true) as Document).parse()?.textContent ?? '';
    } catch {
      readabilityText = '';
    }
    parsed.close();
    const score = scorePage(
      extracted,
      page.truth.articles,
      page.truth.teasers.map((t) => t.title),
    );
    perPage[page.spec.id] = { success: score.success, failures: score.failures };
    const list = byStyle.get(page.spec.style) ?? [];
    list.push({
      success: score.success,
      half: halfOf(page.spec.id),
      failures: score.failures,
      declared: score.addressesDeclared,
      kept: score.addressesKept,
      readability: tokenF1(page.truth.articles[0]!.text, readabilityText) >= BODY_F1,
    });
    byStyle.set(page.spec.style, list);
  }

  const styles: Record<string, StyleFigures> = {};
  for (const style of STYLES.filter((s) => !only || only.includes(s.name))) {
    const list = byStyle.get(style.name) ?? [];
    const rate = (xs: typeof list) => (xs.length ? round(xs.filter((x) => x.success).length / xs.length) : 0);
    const failures: Partial<Record<Failure, number>> = {};
    for (const p of list) for (const f of p.failures) failures[f] = (failures[f] ?? 0) + 1;
    const declared = list.reduce((n, p) => n + p.declared, 0);
    styles[style.name] = {
      models: style.models,
      pages: list.length,
      success: list.filter((p) => p.success).length,
      successRate: rate(list),
      halves: {
        tuning: {
          pages: list.filter((p) => p.half === 'tuning').length,
          successRate: rate(list.filter((p) => p.half === 'tuning')),
        },
        validation: {
          pages: list.filter((p) => p.half === 'validation').length,
          successRate: rate(list.filter((p) => p.half === 'validation')),
        },
      },
      addressRate: declared ? round(list.reduce((n, p) => n + p.kept, 0) / declared) : null,
      readabilityOwnFound: round(list.filter((p) => p.readability).length / Math.max(1, list.length)),
      failures,
    };
  }
  const successRate = round(Object.values(perPage).filter((p) => p.success).length / Math.max(1, pages.length));
  return {
    metric: `success per page: every full article once, separately, under its own title, body token F1 ≥ ${BODY_F1}, the page's own first, no teaser`,
    pages: pages.length,
    perStyle: PER_STYLE,
    successRate,
    styles,
    errors,
    perPage,
    table() {
      const lines = [
        '',
        `multi-article — ${pages.length} generated pages (${PER_STYLE} per style, 2–4 articles each); ${this.metric}`,
      ];
      lines.push(`  ${'style'.padEnd(22)} success  tuning  validation  addresses  Readability: own found   failures`);
      for (const [name, s] of Object.entries(styles)) {
        const failures = Object.entries(s.failures)
          .map(([f, n]) => `${f} ×${n}`)
          .join(', ');
        lines.push(
          `  ${name.padEnd(22)} ${s.successRate.toFixed(3).padStart(7)}  ${s.halves.tuning.successRate.toFixed(3).padStart(6)}  ${s.halves.validation.successRate.toFixed(3).padStart(10)}  ${(s.addressRate === null ? '—' : s.addressRate.toFixed(3)).padStart(9)}  ${s.readabilityOwnFound.toFixed(3).padStart(21)}   ${failures || '—'}`,
        );
      }
      lines.push(`  all styles: ${successRate.toFixed(3)}`);
      if (errors.length)
        lines.push(`  Beatwatch threw on ${errors.length} pages:`, ...errors.map((e) => `    ${e.page}: ${e.error}`));
      return lines;
    },
  };
}
