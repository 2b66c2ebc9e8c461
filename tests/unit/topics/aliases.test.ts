import { describe, expect, it } from 'vitest';
import { suggestAliases } from '@/lib/topics/aliases';

describe('suggestAliases', () => {
  it('offers a country name in other languages', () => {
    const aliases = suggestAliases('Ukraine');
    expect(aliases).toEqual(expect.arrayContaining(['أوكرانيا', 'Украина', 'Україна', '乌克兰', 'ウクライナ']));
    expect(aliases).not.toContain('Ukraine');
  });

  it('normalizes the term before looking it up', () => {
    expect(suggestAliases('  germany ')).toEqual(suggestAliases('Germany'));
    expect(suggestAliases('Cote d’Ivoire')).toContain('ساحل العاج');
  });

  it('looks names up in the given locales too, and never returns the term itself', () => {
    const aliases = suggestAliases('أوكرانيا', ['ar']);
    expect(aliases).toContain('Ukraine');
    expect(aliases).not.toContain('أوكرانيا');
    expect(suggestAliases('أوكرانيا')).toEqual([]);
  });

  it('returns nothing for words that name no region, or an invalid locale', () => {
    expect(suggestAliases('grain')).toEqual([]);
    expect(suggestAliases('')).toEqual([]);
    expect(suggestAliases('Ukraine', ['not a locale!'])).toContain('Украина');
  });

  it('has no duplicates once normalized', () => {
    const aliases = suggestAliases('France');
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
