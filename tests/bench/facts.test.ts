// Cost of key-fact extraction on the gold articles, beside the cost of sentence splitting alone (the floor it builds on).
// Prints median and p95 per article in ms; `npm run bench:facts -- --json` gives them as JSON.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../lib/facts/extract';
import { splitSentences } from '../../lib/facts/sentences';
import { loadGold } from '../unit/facts/gold';
import { reportFigures } from './report';

const WARMUP_ROUNDS = 5;
const ROUNDS = 40;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Per-call times in ms of `run` over every article, ROUNDS times, after a warm-up that lets the JIT settle. */
function time(run: (index: number) => unknown, count: number): { median: number; p95: number } {
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (let i = 0; i < count; i++) run(i);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      run(i);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

describe('facts benchmark', () => {
  it('times extractFacts against splitSentences on the gold articles', () => {
    const gold = loadGold();
    const chars = gold.reduce((sum, a) => sum + a.text.length, 0);
    const split = time((i) => splitSentences(gold[i].text, gold[i].lang), gold.length);
    const extract = time((i) => extractFacts(gold[i]), gold.length);
    const result = {
      bench: 'facts',
      articles: gold.length,
      meanChars: Math.round(chars / gold.length),
      rounds: ROUNDS,
      extractMedianMs: round(extract.median),
      extractP95Ms: round(extract.p95),
      splitMedianMs: round(split.median),
      splitP95Ms: round(split.p95),
      ratioMedian: round(extract.median / split.median),
    };
    reportFigures(result, () =>
      console.log(
        `extractFacts: median ${result.extractMedianMs} ms, p95 ${result.extractP95Ms} ms per article ` +
          `(${result.articles} articles, ~${result.meanChars} chars); splitSentences: median ${result.splitMedianMs} ms, ` +
          `p95 ${result.splitP95Ms} ms; ratio ${result.ratioMedian}×`,
      ),
    );
    expect(extract.median).toBeGreaterThan(0);
  });
});
