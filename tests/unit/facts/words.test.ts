// Arabic light stemming with a lexicon: a one-letter proclitic is peeled only where the text writes the rest too.
import { describe, expect, it } from 'vitest';
import { arabicLexicon, contentStems, splitWords } from '@/lib/facts/words';

/** The stems of `words`, read with the lexicon of `text` (or without one). */
function stems(words: string, text?: string): string[] {
  const lexicon = text === undefined ? undefined : arabicLexicon(splitWords(text));
  return contentStems(splitWords(words), lexicon);
}

describe('arabicLexicon', () => {
  it('holds the words as written and those written with the article without it', () => {
    const lexicon = arabicLexicon(splitWords('وصل الوزير بالطائرة إلى مكة 2015 Riyadh'));
    expect([...lexicon].sort()).toEqual(['الوزير', 'الي', 'بالطائره', 'طائره', 'مكه', 'وزير', 'وصل'].sort());
  });
});

describe('contentStems with a lexicon', () => {
  const text = 'تقام الانتخابات في مكة المكرمة، وأعلنت اللجنة المحلية ولجنة الخدمات موعدها، والتقى الوزير بلدية جدة';

  it('peels ب, و and ف where the rest is written: one word, one stem however it is prefixed', () => {
    expect(stems('بمكة', text)).toEqual(stems('مكة', text));
    expect(stems('ومكة', text)).toEqual(stems('مكة', text));
    expect(stems('فبمكة', text)).toEqual(stems('مكة', text));
  });

  it('keeps a first letter that is the word’s own: no rest is written', () => {
    expect(stems('بلدية', text)).not.toEqual(stems('لدية', text));
    expect(stems('بلدية', text)).toEqual(stems('البلدية', text));
    // وزير: the و is the word's, and the stem is the one الوزير has.
    expect(stems('وزير', text)).toEqual(stems('الوزير', text));
  });

  it('reads لل as ل + the article, restoring the word’s own ل when the text writes it (للجنة: اللجنة)', () => {
    expect(stems('للجنة', text)).toEqual(stems('اللجنة', text));
    expect(stems('للانتخابات', text)).toEqual(stems('الانتخابات', text));
    // Without لجنة in the text, للجنة is ل + الجنة.
    expect(stems('للجنة', 'دخول الجنة')).toEqual(stems('الجنة', 'دخول الجنة'));
  });

  it('peels the article and what comes before it without a lexicon entry', () => {
    expect(stems('وبالمدينة', '')).toEqual(stems('المدينة', ''));
  });

  it('keeps Light10’s blind rules without a lexicon (what key facts use)', () => {
    expect(stems('بمكة')).not.toEqual(stems('مكة'));
    expect(stems('وزير')).toEqual(stems('زير'));
  });
});
