import { describe, expect, it } from 'vitest';
import { normalizeTerm, normalizeWithOffsets, originalEnd } from '@/lib/text/normalize';

describe('normalizeTerm', () => {
  it.each([
    ['Ukraine', 'ukraine'],
    ['Élysée', 'elysee'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['Ёлка', 'елка'],
    ['Київ', 'київ'],
    ['йод', 'йод'],
    ['ｕｋｒａｉｎｅ', 'ukraine'],
    ['co\u00adoperation', 'cooperation'],
    ['l’Ukraine', "l'ukraine"],
    ['œuvre', 'oeuvre'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTerm(input)).toBe(expected);
  });

  it('applies the Arabic rules (letter variants, tashkeel, tatweel, digits)', () => {
    expect(normalizeTerm('أوكرانيا')).toBe(normalizeTerm('اوكرانيا'));
    expect(normalizeTerm('إسرائيل')).toBe('اسرائيل');
    expect(normalizeTerm('آلاف')).toBe('الاف');
    expect(normalizeTerm('ٱلله')).toBe('الله');
    expect(normalizeTerm('مصطفى')).toBe('مصطفي');
    expect(normalizeTerm('غزة')).toBe('غزه');
    expect(normalizeTerm('غَزَّةُ')).toBe('غزه');
    expect(normalizeTerm('غـــزة')).toBe('غزه');
    expect(normalizeTerm('ایران')).toBe('ايران');
    expect(normalizeTerm('کابل')).toBe('كابل');
    expect(normalizeTerm('٢٠٢٥ و۱۴۰۴')).toBe('2025 و1404');
    expect(normalizeTerm('ﻏﺰﺓ')).toBe('غزه'); // presentation forms, through NFKC
  });

  it('keeps marks that are letters elsewhere', () => {
    expect(normalizeTerm('हिन्दी')).toBe('हिन्दी');
    expect(normalizeTerm('ยูเครน')).toBe('ยูเครน');
    expect(normalizeTerm('שָׁלוֹם')).toBe('שָׁלוֹם');
  });

  it('treats composed and decomposed text alike', () => {
    expect(normalizeTerm('e\u0301te\u0301')).toBe('ete');
    expect(normalizeTerm('\u0627\u0654')).toBe('ا');
  });
});

describe('normalizeWithOffsets offsets', () => {
  it('maps every normalized char back to its source', () => {
    const original = 'Straße بِغَزَّةَ Élan';
    const { text, offsets } = normalizeWithOffsets(original);
    expect(text).toBe('strasse بغزه elan');
    expect(offsets.length).toBe(text.length + 1);
    expect(offsets[text.length]).toBe(original.length);
    const at = text.indexOf('بغزه');
    expect(original.slice(offsets[at], originalEnd(offsets, at + 4))).toBe('بِغَزَّةَ');
    const e = text.indexOf('elan');
    expect(original.slice(offsets[e], originalEnd(offsets, e + 4))).toBe('Élan');
    expect(original.slice(offsets[0], originalEnd(offsets, 7))).toBe('Straße');
  });

  it('is the identity map on plain lower-case text', () => {
    const { text, offsets } = normalizeWithOffsets('hello world');
    expect(text).toBe('hello world');
    expect(Array.from(offsets)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('handles astral characters and empty input', () => {
    expect(normalizeWithOffsets('').offsets).toEqual(new Int32Array([0]));
    const { text, offsets } = normalizeWithOffsets('𝐀b😀');
    expect(text).toBe('ab😀');
    expect(Array.from(offsets)).toEqual([0, 2, 3, 4, 5]);
  });
});
