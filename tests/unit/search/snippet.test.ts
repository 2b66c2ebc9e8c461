import { describe, expect, it } from 'vitest';
import { parseSearch, positiveTerms } from '@/lib/search/query';
import { containsPhrase, snippetFor } from '@/lib/search/snippet';
import { tokenizeStream } from '@/lib/text/tokenize';

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

describe('containsPhrase, through its quick test on the normalized text', () => {
  const texts = [
    'Le Président a parlé à Kyiv, puis l’Ukraine a répondu : « les pourparlers reprendront » — dit-il.',
    "Ukraine's talks would resume on Monday; the UN's envoy said talks (would) resume “soon”.",
    'وقال المتحدث باسم الحكومة إن للحكومة والمعارضة موقفا واحدا، وإن المحادثات ستستأنف بعد غد في جنيف.',
    "FULL-WIDTH ＡＢＣ and déjà vu; ÉTÉ 2026: 10,5% of 3.5 million — “quoted”, x's; e-mail; naïve café.",
    '中国 外交部 表示，会谈 将 继续。日本の首相は東京で会見した。',
  ];

  it('finds every run of words of a text in it, each word after the first also as a typed prefix', () => {
    let checked = 0;
    for (const text of texts) {
      const { forms } = tokenizeStream(text);
      for (let length = 2; length <= 3; length++) {
        for (let i = 0; i + length <= forms.length; i++) {
          const words = forms.slice(i, i + length);
          const whole = { type: 'term' as const, tokens: words, prefix: false };
          expect(containsPhrase(text, whole), words.join(' ')).toBe(true);
          const last = words[length - 1];
          if (last.length > 1) {
            const typed = { type: 'term' as const, tokens: [...words.slice(0, -1), last.slice(0, -1)], prefix: true };
            expect(containsPhrase(text, typed), words.join(' ')).toBe(true);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('finds a first word behind its clitics, a contracted article or a possessive', () => {
    expect(containsPhrase('قال إن للحكومة موقفا', terms('"الحكومة موقفا" ')[0])).toBe(true);
    expect(containsPhrase('قال إن وبالحكومة موقفا', terms('"الحكومة موقفا" ')[0])).toBe(true);
    expect(containsPhrase("Ukraine's talks resumed", terms('"ukraine talks" ')[0])).toBe(true);
    expect(containsPhrase('Ukraines’ talks resumed', terms('"ukraines talks" ')[0])).toBe(true);
    expect(containsPhrase("Talks with l'Ukraine resumed", terms('"ukraine resumed" ')[0])).toBe(true);
  });

  it('still refuses the words apart or out of order', () => {
    expect(containsPhrase('talks, then they would resume', terms('"talks would resume" ')[0])).toBe(false);
    expect(containsPhrase('would resume talks', terms('"talks would resume" ')[0])).toBe(false);
    expect(containsPhrase('talks would-be resumed', terms('"talks would resume" ')[0])).toBe(false);
  });
});
