// Threshold choice and cross-validation within a tuning half, as the story benchmark compares its variants.
import { describe, expect, it } from 'vitest';
import { crossValidate, stratifiedFolds, widestBestRun } from '../../bench/metrics/cross-validation';

interface Item {
  score: number;
  same: boolean;
}
const truth = (x: Item) => x.same;
const atLeast = (t: number) => (x: Item) => x.score >= t;
const GRID = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);

describe('widestBestRun', () => {
  it('takes the middle of the widest run that reaches the best F1, not its edge', () => {
    const f1 = [0.5, 0.9, 0.8, 0.9, 0.9, 0.9, 0.7];
    expect(
      widestBestRun(
        f1.map((x, i) => ({ t: i / 10, f1: x })),
        0,
      ),
    ).toEqual({ from: 0.3, to: 0.5, middle: 0.4 });
  });

  it('falls back when there is nothing to choose from', () => {
    expect(widestBestRun([], 0.06).middle).toBe(0.06);
  });
});

describe('stratifiedFolds', () => {
  const items = Array.from({ length: 53 }, (_, i) => ({ score: i, same: i % 6 === 0 }));

  it('gives each fold its share of each label, the same on every run', () => {
    const folds = stratifiedFolds(items, truth, 5, 7);
    expect(stratifiedFolds(items, truth, 5, 7)).toEqual(folds);
    for (const label of [true, false]) {
      const sizes = [0, 1, 2, 3, 4].map((f) => items.filter((x, i) => x.same === label && folds[i] === f).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(stratifiedFolds(items, truth, 5, 8)).not.toEqual(folds);
  });
});

describe('crossValidate', () => {
  it('scores every item once per repeat, each with a threshold chosen without its fold', () => {
    const items: Item[] = Array.from({ length: 40 }, (_, i) => ({ score: (i % 20) / 20, same: i % 20 >= 14 }));
    const cv = crossValidate(items, truth, GRID, atLeast, { folds: 4, seeds: [1, 2], fallback: 0.5 });
    expect(cv.thresholds).toHaveLength(8);
    const { tp, fp, fn } = cv.scores;
    // Separable at 0.7 (the positives' scores are 0.70 to 0.95): every fold's threshold is within (0.65, 0.7].
    expect(cv.thresholds.every((t) => t > 0.65 && t <= 0.7)).toBe(true);
    expect({ tp, fp, fn }).toEqual({ tp: 24, fp: 0, fn: 0 });
  });
});
