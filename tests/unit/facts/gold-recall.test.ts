// Recall@5 of extractFacts on the gold set (tests/fixtures/facts-gold), overall and per language.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../lib/facts/extract';
import { loadGold, squash } from './gold';

// A gold fact counts as found when one of the K returned sentences contains it (whitespace collapsed).
const K = 5;
const MIN_RECALL = 0.8;

describe('key facts gold recall', () => {
  const gold = loadGold();

  it(`finds at least ${MIN_RECALL * 100}% of the gold facts in the top ${K}`, () => {
    const byLang = new Map<string, { found: number; total: number }>();
    let found = 0;
    let total = 0;
    const misses: string[] = [];
    for (const article of gold) {
      const facts = extractFacts(article, { max: K }).map((f) => squash(f.text));
      const counts = byLang.get(article.lang) ?? { found: 0, total: 0 };
      for (const fact of article.facts) {
        const hit = facts.some((f) => f.includes(squash(fact)));
        counts.total++;
        total++;
        if (hit) {
          counts.found++;
          found++;
        } else {
          misses.push(`${article.id}: ${fact}`);
        }
      }
      byLang.set(article.lang, counts);
    }
    const perLang = [...byLang].map(([lang, c]) => `${lang} ${(c.found / c.total).toFixed(3)} (${c.found}/${c.total})`);
    console.log(`facts recall@${K}: overall ${(found / total).toFixed(3)} (${found}/${total}); ${perLang.join('; ')}`);
    if (misses.length > 0) console.log(`missed:\n  ${misses.join('\n  ')}`);
    expect(gold.length).toBeGreaterThanOrEqual(25);
    expect(found / total).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
