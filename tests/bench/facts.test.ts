// bench:facts, key facts: quality on the independent gold set (both halves, per language), what each ranking idea is
// worth, and the cost per article against sentence splitting alone. `npm run bench:facts -- --json` gives the figures.
import { describe, expect, it } from 'vitest';
import { factsBench } from './facts-gold';
import { reportFigures } from './report';

describe('facts benchmark', () => {
  it('measures extractFacts on the gold articles of ../shared/corpus', () => {
    const { figures, table } = factsBench();
    reportFigures(figures, () => console.log(table));
    expect(figures.cost).toBeDefined();
  });
});
