import { describe, expect, it } from 'vitest';
import { PARAGRAPH_GAP, tokenize, tokenizeStream, tokenizeTerm } from '@/lib/text/tokenize';
import { normalizeTerm } from '@/lib/text/normalize';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('gives normalized words with their original positions', () => {
    const text = 'The Élysée said: «Ukraine’s grain», 2025.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['the', 'elysee', 'said', "ukraine's", 'grain', '2025']);
    for (const t of tokens) expect(normalizeTerm(text.slice(t.start, t.end))).toBe(t.text);
  });

  it('keeps Arabic clitics attached (matching handles them)', () => {
    expect(words('وقال مسؤول لأوكرانيا، بغزةَ.')).toEqual(['وقال', 'مسؤول', 'لاوكرانيا', 'بغزه']);
  });

  it('splits Chinese, Japanese and Thai into characters', () => {
    expect(words('伊斯坦布尔会谈')).toEqual(['伊', '斯', '坦', '布', '尔', '会', '谈']);
    expect(words('ウクライナ情勢')).toEqual(['ウ', 'ク', 'ラ', 'イ', 'ナ', '情', '勢']);
    expect(words('ยูเครน')).toEqual(['ยู', 'เ', 'ค', 'ร', 'น']);
    expect(words('G20峰会在Kyiv')).toEqual(['g20', '峰', '会', '在', 'kyiv']);
  });

  it('separates paragraphs in word positions', () => {
    const stream = tokenizeStream('one two\n\nthree');
    expect(stream.positions).toEqual([0, 1, 2 + PARAGRAPH_GAP]);
  });

  it('segments very long paragraphs in chunks without losing words', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const tokens = tokenize(text);
    expect(tokens.length).toBe(3000);
    expect(tokens[2999]).toMatchObject({ text: 'w2999', end: text.length });
  });
});

describe('tokenizeTerm', () => {
  it.each(['ukraine', 'e-mail', 'Jean-Luc', "l'Ukraine", 'أوكرانيا', '乌克兰', 'ยูเครน', 'Україна', 'G7'])(
    'tokenizes %s as the article tokenizer would',
    (term) => {
      expect(tokenizeTerm(normalizeTerm(term))).toEqual(words(term));
    },
  );
});
