// Precision, recall and F1 of yes/no decisions against labels: the relevance and story benchmarks
// score their rules the same way, so they share one definition (an empty side counts as perfect).

export interface DecisionScores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function scoreDecisions<T>(
  items: readonly T[],
  decided: (item: T) => boolean,
  truth: (item: T) => boolean,
): DecisionScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const yes = decided(item);
    if (yes && truth(item)) tp++;
    else if (yes) fp++;
    else if (truth(item)) fn++;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    precision: round(tp + fp === 0 ? 1 : tp / (tp + fp)),
    recall: round(tp + fn === 0 ? 1 : tp / (tp + fn)),
    f1: round(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)),
    tp,
    fp,
    fn,
  };
}
