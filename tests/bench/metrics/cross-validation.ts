// Threshold choice and k-fold cross-validation within a tuning half: the story benchmark picks its threshold on the
// tuning pairs, and compares variants of the rule by how well a threshold picked on some tuning pairs carries over to
// the others (never by the validation half, which is scored once per final candidate).
import { scoreDecisions, type DecisionScores } from './decision-metric';

/** Where the best F1 is reached: the widest run of thresholds reaching it, and the run's middle. */
export interface TunedThreshold {
  from: number;
  to: number;
  middle: number;
}

/**
 * The middle of the widest run of consecutive thresholds (in the order given) that reach the best F1, not its edge,
 * so that a few pairs just above or below do not decide it. Ties between runs of one width: the first.
 */
export function widestBestRun(steps: readonly { t: number; f1: number }[], fallback: number): TunedThreshold {
  const best = Math.max(...steps.map((s) => s.f1));
  let run: TunedThreshold = { from: fallback, to: fallback, middle: fallback };
  let widest = -1;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i].f1 !== best || (i > 0 && steps[i - 1].f1 === best)) continue;
    let j = i;
    while (j + 1 < steps.length && steps[j + 1].f1 === best) j++;
    if (j - i > widest) {
      widest = j - i;
      const [from, to] = [steps[i].t, steps[j].t];
      run = { from, to, middle: Math.round(((from + to) / 2) * 10000) / 10000 };
    }
  }
  return run;
}

/** A deterministic generator in [0, 1) (mulberry32): folds are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fold (0 … k-1) of each item: shuffled by `seed`, dealt out round-robin per label, so each fold has its share of both. */
export function stratifiedFolds<T>(
  items: readonly T[],
  truth: (item: T) => boolean,
  k: number,
  seed: number,
): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(items.length).fill(0);
  for (const label of [true, false]) {
    const indices = items.flatMap((item, i) => (truth(item) === label ? [i] : []));
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    indices.forEach((index, n) => (fold[index] = n % k));
  }
  return fold;
}

export interface CrossValidation {
  /** Every item scored once per repeat, by the threshold picked without its fold; counts pooled over all folds. */
  scores: DecisionScores;
  /** The threshold picked in each fold, repeat by repeat. */
  thresholds: number[];
}

export interface CrossValidationOptions {
  folds: number;
  /** One seed per repeat of the k folds. */
  seeds: readonly number[];
  /** The threshold when no run is found (no item). */
  fallback: number;
}

/**
 * Stratified k-fold cross-validation of a thresholded decision: in each fold the threshold is picked (widestBestRun
 * over `thresholds`) on the other folds' items alone, and the fold's items are decided with it. `decide(threshold)`
 * returns the decision for every item at that threshold (computed once per threshold).
 */
export function crossValidate<T>(
  items: readonly T[],
  truth: (item: T) => boolean,
  thresholds: readonly number[],
  decide: (threshold: number) => (item: T) => boolean,
  options: CrossValidationOptions,
): CrossValidation {
  const byThreshold = new Map<number, boolean[]>();
  const decisions = (t: number) => {
    let row = byThreshold.get(t);
    if (!row) byThreshold.set(t, (row = items.map(decide(t))));
    return row;
  };
  const sweep = thresholds.map(decisions);
  const pooled: { decided: boolean; truth: boolean }[] = [];
  const picked: number[] = [];
  for (const seed of options.seeds) {
    const fold = stratifiedFolds(items, truth, options.folds, seed);
    for (let f = 0; f < options.folds; f++) {
      const train = items.flatMap((item, i) => (fold[i] === f ? [] : [{ i, truth: truth(item) }]));
      const steps = thresholds.map((t, s) => ({
        t,
        f1: scoreDecisions(
          train,
          (x) => sweep[s][x.i],
          (x) => x.truth,
        ).f1,
      }));
      const threshold = widestBestRun(steps, options.fallback).middle;
      picked.push(threshold);
      const row = decisions(threshold);
      items.forEach((item, i) => fold[i] === f && pooled.push({ decided: row[i], truth: truth(item) }));
    }
  }
  return {
    scores: scoreDecisions(
      pooled,
      (x) => x.decided,
      (x) => x.truth,
    ),
    thresholds: picked,
  };
}
