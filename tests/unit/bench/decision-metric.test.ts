// The yes/no metric the relevance and story benchmarks report, on hand-counted cases.
import { describe, expect, it } from 'vitest';
import { scoreDecisions } from '../../bench/metrics/decision-metric';

const same = (x: boolean) => x;

describe('scoreDecisions', () => {
  it('counts agreements against the labels and rounds to three places', () => {
    const items = [
      { decided: true, truth: true },
      { decided: true, truth: false },
      { decided: false, truth: true },
      { decided: false, truth: true },
      { decided: false, truth: false },
    ];
    expect(
      scoreDecisions(
        items,
        (i) => i.decided,
        (i) => i.truth,
      ),
    ).toEqual({ precision: 0.5, recall: 0.333, f1: 0.4, tp: 1, fp: 1, fn: 2 });
  });

  it('counts an empty side as perfect and no true positive as F1 0', () => {
    expect(scoreDecisions([false, false], same, same)).toEqual({ precision: 1, recall: 1, f1: 0, tp: 0, fp: 0, fn: 0 });
    expect(scoreDecisions([true], () => false, same)).toEqual({ precision: 1, recall: 0, f1: 0, tp: 0, fp: 0, fn: 1 });
  });
});
