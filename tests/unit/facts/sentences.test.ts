// Sentence splitting for key facts: abbreviation and quote repairs, Thai fallback, and exact offsets on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/facts/sentences';
import { loadGold } from './gold';

const texts = (text: string, lang?: string) => splitSentences(text, lang).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps Arabic agency credits and د. (Dr.) inside their sentence', () => {
    const text =
      'جانب من المفاوضات في إسطنبول (أ.ف.ب) وقال د. محمد إن الأمر انتهى. وأكد المصدر ذلك (إ.ب.أ) و(د.ب.أ) أمس.';
    expect(texts(text, 'ar')).toEqual([
      'جانب من المفاوضات في إسطنبول (أ.ف.ب) وقال د. محمد إن الأمر انتهى.',
      'وأكد المصدر ذلك (إ.ب.أ) و(د.ب.أ) أمس.',
    ]);
  });

  it('ends sentences at ؟ but not at the Arabic semicolon ؛', () => {
    expect(texts('هل انتهت الحرب؟ قال إنها لم تنته؛ لكن الأمل باق.', 'ar')).toEqual([
      'هل انتهت الحرب؟',
      'قال إنها لم تنته؛ لكن الأمل باق.',
    ]);
  });

  it('keeps English titles, initials and initialisms inside their sentence', () => {
    const text = 'Mr. Smith met Dr. Jones at the U.S. Capitol. John F. Kennedy was there. See No. 10 for details.';
    expect(texts(text, 'en')).toEqual([
      'Mr. Smith met Dr. Jones at the U.S. Capitol.',
      'John F. Kennedy was there.',
      'See No. 10 for details.',
    ]);
  });

  it('splits a quotation of several sentences into its sentences, as readers do', () => {
    const text = 'وقال: «قدمنا اقتراحاً عاماً. وقف إطلاق نار ملموس». ثم غادر.';
    expect(texts(text, 'ar')).toEqual(['وقال: «قدمنا اقتراحاً عاماً.', 'وقف إطلاق نار ملموس».', 'ثم غادر.']);
    expect(texts('“My wife and I went through a nightmare. We lost the baby,” he said. Then he left.', 'en')).toEqual([
      '“My wife and I went through a nightmare.',
      'We lost the baby,” he said.',
      'Then he left.',
    ]);
  });

  it('does not break after dotted initialisms, datelines, dotted ordinals or clock times before a time zone', () => {
    expect(texts('قالت الوكالة (ار.تي.ال) إن الطائرة هبطت. ثم أقلعت.', 'ar')).toEqual([
      'قالت الوكالة (ار.تي.ال) إن الطائرة هبطت.',
      'ثم أقلعت.',
    ]);
    expect(texts('ST. JOSEPH, Mich. (AP) — Health officials report a sixth death. More follow.', 'en')).toEqual([
      'ST. JOSEPH, Mich. (AP) — Health officials report a sixth death.',
      'More follow.',
    ]);
    expect(texts('Am 12. September startet die Messe in Köln. Sie endet am 13. September.', 'de')).toEqual([
      'Am 12. September startet die Messe in Köln.',
      'Sie endet am 13. September.',
    ]);
    expect(texts('The story was updated at 5:45 p.m. ET to add details. It ran again.', 'en')).toEqual([
      'The story was updated at 5:45 p.m. ET to add details.',
      'It ran again.',
    ]);
    // Elsewhere a number before a full stop ends the sentence.
    expect(texts('The vote was 12. The count ended.', 'en')).toEqual(['The vote was 12.', 'The count ended.']);
  });

  it('treats every line as a paragraph, so captions and headings stand alone', () => {
    const text = 'العنوان الفرعي\nوزير الخارجية الألماني (د.ب.أ)\r\n\nأعلن الوزير القرار. وأضاف تفاصيل.';
    expect(texts(text, 'ar')).toEqual([
      'العنوان الفرعي',
      'وزير الخارجية الألماني (د.ب.أ)',
      'أعلن الوزير القرار.',
      'وأضاف تفاصيل.',
    ]);
  });

  it('falls back to paragraphs for Thai', () => {
    const text = 'นายกรัฐมนตรีกล่าวว่า รัฐบาลจะลดภาษี ประชาชนพอใจ\nข่าวที่สอง';
    expect(texts(text, 'th')).toEqual(['นายกรัฐมนตรีกล่าวว่า รัฐบาลจะลดภาษี ประชาชนพอใจ', 'ข่าวที่สอง']);
    expect(texts(text)).toEqual(texts(text, 'th'));
  });

  it('survives empty text, blank lines and an invalid language tag', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \u00a0')).toEqual([]);
    expect(texts('One sentence. Two sentences.', 'not a tag!')).toEqual(['One sentence.', 'Two sentences.']);
  });

  // Its speed (the segmenter alone is quadratic in V8) is measured in bench:facts ("long inputs"), not timed here.
  it('splits one very long paragraph into every sentence', () => {
    const text = 'وقال د. أحمد (أ.ف.ب) إن 6 آلاف جندي سيعودون بين 20 و30 يونيو. '.repeat(4000);
    const sentences = splitSentences(text, 'ar');
    expect(sentences).toHaveLength(4000);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[0].text).toBe('وقال د. أحمد (أ.ف.ب) إن 6 آلاف جندي سيعودون بين 20 و30 يونيو.');
  });

  it('gives trimmed sentences whose offsets map back exactly, on the gold articles', () => {
    for (const article of loadGold()) {
      const sentences = splitSentences(article.text, article.lang);
      expect(sentences.length).toBeGreaterThan(3);
      let previousEnd = 0;
      for (const s of sentences) {
        expect(article.text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
        expect(s.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = s.end;
      }
    }
  });

  it('gives offsets that map back exactly on any mix of news fragments', () => {
    const fragment = fc.constantFrom(
      'وقال د. أحمد',
      '(أ.ف.ب)',
      '«نحن مستعدون. للسلام»',
      'Mr. Smith',
      'U.S.',
      '"Quote. Continues."',
      '؟',
      '؛',
      '. ',
      '...',
      '\n',
      '\r\n\n',
      ' ',
      '\u00a0',
      'ข่าว',
      '6 آلاف',
      'The end.',
    );
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 30 }),
        fc.constantFrom(undefined, 'ar', 'en', 'th'),
        (parts, lang) => {
          const text = parts.join('');
          let previousEnd = 0;
          for (const s of splitSentences(text, lang)) {
            expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(s.text.length).toBeGreaterThan(0);
            expect(s.text).toBe(s.text.trim());
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = s.end;
          }
        },
      ),
    );
  });
});
