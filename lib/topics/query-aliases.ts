// Alias suggestions for a whole query: the place names it mentions, in other languages,
// minus the names it already has. The editor offers them; the reader decides.
import { normalizeTerm } from '../text/normalize';
import { suggestAliases } from './aliases';

const MAX_SUGGESTIONS = 12;

/** The plain words and phrases of a query, without operators, exclusions or filters. */
export function plainTerms(query: string): string[] {
  const terms: string[] = [];
  const phrase = /"([^"]*)"/g;
  for (const match of query.matchAll(phrase)) if (match[1].trim()) terms.push(match[1].trim());
  for (const word of query.replace(phrase, ' ').split(/[\s()|]+/)) {
    if (
      !word ||
      word === 'OR' ||
      word === 'AND' ||
      /^NEAR\/\d*$/.test(word) ||
      word.startsWith('-') ||
      word.includes(':') ||
      word.endsWith('*')
    )
      continue;
    terms.push(word);
  }
  return terms;
}

export function aliasSuggestionsForQuery(query: string, locales: string[] = []): string[] {
  const terms = plainTerms(query);
  const present = new Set(terms.map(normalizeTerm));
  const out: string[] = [];
  for (const term of terms) {
    for (const alias of suggestAliases(term, locales)) {
      const key = normalizeTerm(alias);
      if (present.has(key)) continue;
      present.add(key);
      out.push(alias);
      if (out.length >= MAX_SUGGESTIONS) return out;
    }
  }
  return out;
}
