// bench:match — 1,000 topics of ~10 terms (mixed scripts) against a 10,000-word article: compile and match times,
// against the baseline of normalizing and tokenizing the article once. With --json (BENCH_JSON=1): one JSON object.
import { expect, it } from 'vitest';
import { tokenize } from '@/lib/text/tokenize';
import { compileTopics, type TopicInput } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';
import { makeArticle, makeQuery } from './match-corpus';
import { median, percentile, reportFigures } from './report';

const TOPICS = 1000;
const RUNS = 25;
const WARMUP = 3;

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  return { median: Number(median(samples).toFixed(2)), p95: Number(percentile(samples, 95).toFixed(2)) };
}

/**
 * Runs the measured tasks in turns, round after round, so a burst of load on a shared machine hits them all
 * alike and the ratios stay meaningful.
 */
function timeInTurns<K extends string>(tasks: Record<K, () => unknown>): Record<K, Stats> {
  const names = Object.keys(tasks) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const name of names) {
      const start = performance.now();
      tasks[name]();
      if (round >= WARMUP) samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, stats(samples[name])])) as Record<K, Stats>;
}

it('bench:match', { timeout: 300_000 }, () => {
  const article = makeArticle();
  const topicSets = {
    news: Array.from({ length: TOPICS }, (_, i): TopicInput => ({ id: `n${i}`, query: makeQuery('news') })),
    stress: Array.from({ length: TOPICS }, (_, i): TopicInput => ({ id: `s${i}`, query: makeQuery('stress') })),
  };
  const compiled = { news: compileTopics(topicSets.news), stress: compileTopics(topicSets.stress) };
  for (const set of Object.values(compiled)) expect(set.topics.length).toBe(TOPICS);

  const times = timeInTurns({
    baseline: () => [tokenize(article.title), tokenize(article.text)],
    compileNews: () => compileTopics(topicSets.news),
    matchNews: () => matchTopics(article, compiled.news),
    compileStress: () => compileTopics(topicSets.stress),
    matchStress: () => matchTopics(article, compiled.stress),
  });
  const tokens = tokenize(article.text);
  const ratio = (t: { median: number }) => Number((t.median / times.baseline.median).toFixed(2));
  const scenario = (kind: 'news' | 'stress', compile: Stats, match: Stats) => {
    const set = compiled[kind];
    // Share of article words that start some topic term (as written): how much work the lookup finds.
    const pairKey = (i: number) => tokens[i].text.charCodeAt(0) * 0x10000 + (tokens[i + 1]?.text.charCodeAt(0) ?? 0);
    const starts = (i: number) => set.byFirstToken.has(tokens[i].text) || set.byCharPair.has(pairKey(i));
    const starting = tokens.filter((_, i) => starts(i)).length / tokens.length;
    return {
      distinctTerms: set.patterns.length,
      matchedTopics: matchTopics(article, set).length,
      wordsStartingATerm: Number(starting.toFixed(2)),
      compileMs: compile,
      matchMs: match,
      matchToBaseline: ratio(match),
    };
  };
  const figures = {
    topics: TOPICS,
    articleWords: article.words,
    articleTokens: tokens.length,
    articleChars: article.text.length,
    baselineMs: times.baseline,
    news: scenario('news', times.compileNews, times.matchNews),
    stress: scenario('stress', times.compileStress, times.matchStress),
    targets: { matchToBaseline: 2, compileMs: 50 },
  };
  reportFigures(figures, () => {
    const row = (name: string, t: Stats) =>
      `  ${name.padEnd(34)} median ${t.median.toFixed(2).padStart(7)} ms   p95 ${t.p95.toFixed(2).padStart(7)} ms`;
    const lines = [
      `bench:match — ${TOPICS} topics of ~10 terms against an article of ${article.words} words (${tokens.length} tokens, Chinese by character, ${article.text.length} chars)`,
      row('baseline: normalize + tokenize', times.baseline),
    ];
    for (const kind of ['news', 'stress'] as const) {
      const s = figures[kind];
      lines.push(
        `  ${kind} topics: ${s.distinctTerms} distinct terms, ${Math.round(s.wordsStartingATerm * 100)}% of article words start one, ${s.matchedTopics} topics match`,
        row(`compile ${TOPICS} ${kind} topics`, s.compileMs),
        row(`match ${kind} topics`, s.matchMs),
        `    match / baseline (medians) = ${s.matchToBaseline}× (target ≤ 2×); compile median ${s.compileMs.median} ms (target ≤ 50 ms)`,
      );
    }
    console.log(lines.join('\n'));
  });
  expect(figures.news.matchedTopics).toBeGreaterThan(0);
});
