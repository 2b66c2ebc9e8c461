// Reading figures however a newsroom writes them, so the same figure is one key across rewrites of a story.
import { describe, expect, it } from 'vitest';
import { readNumbers } from '@/lib/facts/numbers';
import { splitWords } from '@/lib/facts/words';

const keys = (text: string) => readNumbers(splitWords(text), text).map((m) => m.key);

describe('readNumbers', () => {
  it('reads a percentage the same with ٪, %, في المائة and بالمئة, without a stray hundred', () => {
    for (const text of [
      'ارتفع التضخم إلى ٩٪',
      'ارتفع التضخم إلى 9%',
      'ارتفع التضخم إلى 9 في المائة',
      'ارتفع 9 بالمئة',
    ]) {
      expect(keys(text)).toEqual(['9']);
    }
    expect(keys('بلغ النمو تسعة في المئة')).toEqual(['9']);
  });

  it('still reads a hundred written as a word', () => {
    expect(keys('شارك مائة متطوع')).toEqual(['100']);
    expect(keys('في المائة الأولى من الأيام')).toEqual(['100']);
  });

  it('reads a decimal comma, a decimal point and the Arabic decimal separator alike', () => {
    expect(keys('نما 11,9 في المائة')).toEqual(['11.9']);
    expect(keys('نما 11.9%')).toEqual(['11.9']);
    expect(keys('نما ١١٫٩٪')).toEqual(['11.9']);
  });

  it('reads wire-style decimals written fraction first: 9ر10 is 10.9', () => {
    expect(keys('سجل التضخم الأساسي 9ر10 في المائة')).toEqual(['10.9']);
    expect(keys('كلفه 50ر11 مليون يورو')).toEqual(['11500000']);
    expect(keys('خسر المؤشر 23ر0 بالمئة')).toEqual(['0.23']);
  });

  it('leaves a ر that is a word of its own alone', () => {
    expect(keys('9 ر 10')).toEqual(['9', '10']);
  });
});

describe('readNumbers: numbers written in two words', () => {
  it('reads Arabic 11–19 as one figure, never as 10', () => {
    expect(keys('قتل اثنا عشر شخصا')).toEqual(['12']);
    expect(keys('بعد اثني عشر عاما')).toEqual(['12']);
    expect(keys('أصيب أحد عشر جنديا')).toEqual(['11']);
    expect(keys('خلال ثلاثة عشر يوما')).toEqual(['13']);
    expect(keys('فازت تسع عشرة دولة')).toEqual(['19']);
  });

  it('reads Arabic unit-and-tens as one figure, with a multiplier after it', () => {
    expect(keys('اعتقل خمسة وعشرون مشتبها')).toEqual(['25']);
    expect(keys('نزح ثلاثة وعشرين ألفا')).toEqual(['23000']);
    expect(keys('بلغت الخسائر اثنين وتسعين مليون دولار')).toEqual(['92000000']);
  });

  it('reads a unit of one inside a compound, though "one" and "واحد" alone are no figure', () => {
    expect(keys('twenty-one people were hurt')).toEqual(['21']);
    expect(keys('قتل واحد وعشرون شخصا')).toEqual(['21']);
    expect(keys('بلغ عددهم واحدة وثلاثين')).toEqual(['31']);
    expect(keys('one of them said')).toEqual([]);
    expect(keys('قال واحد منهم')).toEqual([]);
  });

  it('reads hyphenated English tens and the teens', () => {
    expect(keys('twenty-five people were hurt')).toEqual(['25']);
    expect(keys('fourteen ministers resigned')).toEqual(['14']);
    expect(keys('sixty thousand marched')).toEqual(['60000']);
  });

  it('keeps two figures joined by "and" apart, and a lone "one of" is not a number', () => {
    expect(keys('ten and twenty')).toEqual(['10', '20']);
    expect(keys('قال أحد المسؤولين')).toEqual([]);
    expect(keys('عشرة أيام')).toEqual(['10']);
  });
});

describe('readNumbers: tens and units as English, French and Russian write them', () => {
  it('reads tens and a unit with a space as one figure', () => {
    expect(keys('twenty five people were hurt')).toEqual(['25']);
    expect(keys('погибли двадцать пять человек')).toEqual(['25']);
    expect(keys('двадцать один человек')).toEqual(['21']);
  });

  it('reads French numbers joined by hyphens and "et"', () => {
    expect(keys('dix-sept blessés')).toEqual(['17']);
    expect(keys('vingt-cinq morts')).toEqual(['25']);
    expect(keys('vingt et un pays')).toEqual(['21']);
    expect(keys('soixante-dix-neuf députés')).toEqual(['79']);
    expect(keys('soixante-et-onze voix')).toEqual(['71']);
    expect(keys('quatre-vingts ans')).toEqual(['80']);
    expect(keys('quatre-vingt-douze millions')).toEqual(['92000000']);
  });

  it('does not read an ordinal as its tens', () => {
    expect(keys('the twenty-first century')).toEqual([]);
    expect(keys('the ninety-ninth day')).toEqual([]);
    expect(keys('le vingt-deuxième congrès')).toEqual([]);
  });

  it('keeps figures apart that are not one number', () => {
    expect(keys('a five-four vote')).toEqual(['5', '4']);
    expect(keys('ten-four, over')).toEqual(['10', '4']);
    expect(keys('a twenty-month sentence')).toEqual(['20']);
    expect(keys('twenty twenty')).toEqual(['20', '20']);
    expect(keys('six ten')).toEqual(['6', '10']);
  });
});
