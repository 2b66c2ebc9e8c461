import { describe, expect, it } from 'vitest';
import { parseSearch, positiveTerms } from '@/lib/search/query';
import { containsPhrase, snippetFor } from '@/lib/search/snippet';

const terms = (query: string) => positiveTerms(parseSearch(query)!);

describe('snippetFor', () => {
  it('marks the whole word where the term occurs, accents and case aside, with context cut at spaces', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(5)}Le Président a parlé à Kyiv. ${'Fin de la dépêche. '.repeat(5)}`;
    const snippet = snippetFor(text, terms('president '))!;
    expect(snippet.match).toBe('Président');
    expect(snippet.before.startsWith('…')).toBe(true);
    expect(snippet.after.endsWith('…')).toBe(true);
    expect(text).toContain(`${snippet.before.slice(1)}${snippet.match}`);
  });

  it('finds an Arabic word behind its clitics and a typed prefix, but not inside another word', () => {
    expect(snippetFor('وصل الوفد وبغزة هدوء', terms('غزة '))?.match).toBe('وبغزة');
    expect(snippetFor('The Ukrainian side', terms('ukrain'))?.match).toBe('Ukrainian');
    expect(snippetFor('The Ukrainian side', terms('ukrain '))).toBeNull();
    expect(snippetFor('peacetalks', terms('talks '))).toBeNull();
  });

  it('takes the earliest of several terms', () => {
    expect(snippetFor('alpha beta gamma', terms('gamma OR beta '))?.match).toBe('beta');
  });
});

describe('containsPhrase', () => {
  it('wants the words in a row, the first one possibly with clitics and the last one possibly a prefix', () => {
    const [phrase] = terms('"peace talks" ');
    expect(containsPhrase('The peace talks resumed', phrase)).toBe(true);
    expect(containsPhrase('Peace, talks: then', phrase)).toBe(true);
    expect(containsPhrase('Peace, then talks', phrase)).toBe(false);
    expect(containsPhrase('talks about peace', phrase)).toBe(false);
    expect(containsPhrase('والمحادثات السلام', terms('"المحادثات السلام" ')[0])).toBe(true);
    expect(containsPhrase('peace talking', terms('"peace tal')[0])).toBe(true);
  });
});
