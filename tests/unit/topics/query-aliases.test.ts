import { describe, expect, it } from 'vitest';
import { aliasSuggestionsForQuery, plainTerms } from '@/lib/topics/query-aliases';

describe('plainTerms', () => {
  it('keeps words and phrases, drops operators, exclusions, prefixes and filters', () => {
    expect(plainTerms('"peace talks" Ukraine OR (Kyiv | Kiev) -Crimea NEAR/3 ukrain* site:bbc.com lang:ar')).toEqual([
      'peace talks',
      'Ukraine',
      'Kyiv',
      'Kiev',
    ]);
  });
});

describe('aliasSuggestionsForQuery', () => {
  it('offers the names of the places in the query, in other languages', () => {
    const aliases = aliasSuggestionsForQuery('Ukraine talks');
    expect(aliases).toContain('أوكرانيا');
    expect(aliases).toContain('Украина');
  });
  it('leaves out names the query already has (after normalization)', () => {
    const aliases = aliasSuggestionsForQuery('Ukraine OR اوكرانيا');
    expect(aliases).not.toContain('أوكرانيا');
    expect(aliases.length).toBeGreaterThan(0);
  });
  it('offers nothing for words that name no place', () => {
    expect(aliasSuggestionsForQuery('energy prices')).toEqual([]);
  });
});
