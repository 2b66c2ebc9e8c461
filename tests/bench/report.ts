// How benchmarks hand their figures out: a JSON object on `npm run bench:NAME -- --json`
// (written to a file that scripts/bench.mjs prints alone on stdout), a table otherwise.
import { writeFileSync } from 'node:fs';

export const jsonMode = process.env.BENCH_JSON === '1';

export function reportFigures(figures: Record<string, unknown>, table: () => void): void {
  if (process.env.BENCH_JSON_FILE) writeFileSync(process.env.BENCH_JSON_FILE, JSON.stringify(figures));
  else if (jsonMode) console.log(JSON.stringify(figures));
  if (!jsonMode) table();
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);
