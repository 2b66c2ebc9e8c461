// `node scripts/bench.mjs facts-fit`: fits the key-fact ranking weights on the tuning half of the gold set and prints
// the effect table (each idea left out and refitted, recall@5 on both halves). RANK_WEIGHTS holds the fitted weights.
import { describe, expect, it } from 'vitest';
import { factsFit } from './facts-gold';
import { reportFigures } from './report';

describe('facts weights', () => {
  it('fits the ranking weights on the tuning half and measures each idea', () => {
    const { figures, table } = factsFit();
    reportFigures(figures, () => console.log(table));
    expect(figures.fitted).toBeDefined();
  });
});
