import { describe, expect, it } from 'vitest';
import {
  derivedStem,
  endingGroup,
  inflectionStem,
  isCompoundOf,
  isDerivedForm,
  isPolishAlternated,
  polishAlternation,
  latinEndingGroup,
} from '@/lib/text/word-forms';

describe('word forms', () => {
  it('removes one case or number ending, never a letter of a short stem', () => {
    expect(['германия', 'германии', 'германию', 'германией'].map((w) => inflectionStem(w, 'slavic'))).toEqual(
      Array(4).fill('герман'),
    );
    expect(['путин', 'путина', 'путиным'].map((w) => inflectionStem(w, 'slavic'))).toEqual(Array(3).fill('путин'));
    expect(['fundusz', 'funduszu', 'funduszem'].map((w) => inflectionStem(w, 'polish'))).toEqual(
      Array(3).fill('fundusz'),
    );
    expect(inflectionStem('deutschlands', 'german')).toBe('deutschland');
    // Four letters at least are kept: irak and iran stay apart.
    expect(inflectionStem('irak', 'polish')).toBe('irak');
    expect(inflectionStem('iran', 'polish')).toBe('iran');
  });

  it('gives the Polish locative/dative stem whose last consonant alternates, and its one ending', () => {
    expect(polishAlternation('polska')).toEqual({ stem: 'polsc', ending: 'e' });
    expect(polishAlternation('praga')).toEqual({ stem: 'pradz', ending: 'e' });
    expect(polishAlternation('kanada')).toEqual({ stem: 'kanadz', ending: 'ie' });
    expect(polishAlternation('malta')).toEqual({ stem: 'malc', ending: 'ie' });
    expect(polishAlternation('kuwejt')).toEqual({ stem: 'kuwejc', ending: 'ie' });
    expect(polishAlternation('belgrad')).toEqual({ stem: 'belgradz', ending: 'ie' });
    expect(polishAlternation('piotr')).toEqual({ stem: 'piotrz', ending: 'e' });
    expect(polishAlternation('ankara')).toEqual({ stem: 'ankarz', ending: 'e' });
    // Nothing to alternate, or a stem under MIN_STEM letters (rad-a, dud-a, sar-a), or a masculine k (Tusku).
    for (const word of ['berlin', 'moskwa', 'grecja', 'rada', 'duda', 'sara', 'tusk', 'irak', 'mucha'])
      expect(polishAlternation(word), word).toBeUndefined();
    expect(isPolishAlternated('kuwejcie', 'kuwejt')).toBe(true);
    expect(isPolishAlternated('piotrze', 'piotr')).toBe(true);
    expect(isPolishAlternated('kuwejce', 'kuwejt')).toBe(false);
    expect(isPolishAlternated('polscy', 'polska')).toBe(false);
  });

  it('picks the ending list from the script and the article’s language', () => {
    expect(endingGroup('германии', undefined)).toBe('slavic');
    expect(endingGroup('funduszu', latinEndingGroup('pl-PL'))).toBe('polish');
    expect(endingGroup('funduszu', latinEndingGroup(undefined))).toBeUndefined();
    expect(endingGroup('العراق', latinEndingGroup('ar'))).toBeUndefined();
    expect(latinEndingGroup('ru')).toBeUndefined();
    // English and Romance plurals are not folded: on the tuning labels they found nothing more (likes/like).
    expect(latinEndingGroup('en')).toBeUndefined();
    expect(latinEndingGroup('es')).toBeUndefined();
  });

  it('knows place adjectives and demonyms, and nothing else built on a word', () => {
    expect(derivedStem('ukraine')).toBe('ukrain');
    expect(derivedStem('اوكرانيا')).toBe('اوكراني');
    expect(derivedStem('غزه')).toBeUndefined();
    expect(derivedStem('g20')).toBeUndefined();
    expect(derivedStem('乌克兰')).toBeUndefined();
    const derived = (form: string, word: string) => isDerivedForm(form, derivedStem(word) as string, word);
    expect(derived('ukrainian', 'ukraine')).toBe(true);
    expect(derived('ukrainien', 'ukraine')).toBe(true);
    expect(derived('japanese', 'japan')).toBe(true);
    expect(derived('paraguayo', 'paraguay')).toBe(true);
    expect(derived('guatemalteco', 'guatemala')).toBe(true);
    expect(derived('украинский', 'украина')).toBe(true);
    expect(derived('اوكرانيه', 'اوكرانيا')).toBe(true);
    expect(derived('اوكراني', 'اوكرانيا')).toBe(true);
    expect(derived('nigeria', 'niger')).toBe(false);
    expect(derived('application', 'apple')).toBe(false);
    expect(derived('trumpet', 'trump')).toBe(false);
    // The previous rule: any further letters.
    expect(isDerivedForm('application', 'appl', 'apple', false)).toBe(true);
  });

  it('finds a German word as a compound’s first part or head', () => {
    expect(isCompoundOf('bahngesellschaft', 'bahn')).toBe(true);
    expect(isCompoundOf('regionalbahn', 'bahn')).toBe(true);
    expect(isCompoundOf('bahnen', 'bahn')).toBe(false);
  });
});
