import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultMaxErrors, matchQuote } from '../../../lib/anchor/match-quote';
import { normalizeText, prepareText } from '../../../lib/anchor/normalize';

const slice = (text: string, m: { start: number; end: number } | null) => (m ? text.slice(m.start, m.end) : null);

describe('matchQuote: exact', () => {
  it('finds an exact quote with a perfect score', () => {
    const text = 'Markets fell sharply on Monday after the announcement.';
    const m = matchQuote(text, { exact: 'fell sharply', prefix: 'Markets ', suffix: ' on Monday' });
    expect(m).toEqual({ start: 8, end: 20, score: 1 });
  });

  it('picks the occurrence whose context agrees when the quote appears twice', () => {
    const text = 'In Paris, the minister resigned. Later, in Rome, the minister resigned. Nobody knew why.';
    const quote = { exact: 'the minister resigned', prefix: 'Later, in Rome, ', suffix: '. Nobody knew' };
    expect(matchQuote(text, quote)!.start).toBe(text.lastIndexOf('the minister'));
    // Context beats a position hint that points at the other occurrence.
    expect(matchQuote(text, { ...quote }, { hint: 10 })!.start).toBe(text.lastIndexOf('the minister'));
  });

  it('uses the position hint when the context is the same for both occurrences', () => {
    const text = 'yes. no. yes. no. yes.';
    expect(matchQuote(text, { exact: 'no', prefix: 'yes. ', suffix: '. yes' }, { hint: 14 })!.start).toBe(14);
    expect(matchQuote(text, { exact: 'no', prefix: 'yes. ', suffix: '. yes' }, { hint: 0 })!.start).toBe(5);
  });

  it('ignores whitespace differences and maps offsets back to the raw text', () => {
    const text = 'The   budget\n   was\tapproved  today.';
    const m = matchQuote(text, { exact: 'budget was approved', prefix: 'The ', suffix: ' today' });
    expect(slice(text, m)).toBe('budget\n   was\tapproved');
    const m2 = matchQuote('budget was approved', { exact: 'budget\n\n was  approved' });
    expect(m2).toMatchObject({ start: 0, end: 19, score: 1 });
  });

  it('ignores bidi marks, zero-width characters and tatweel in Arabic text', () => {
    const text = 'قال الوزير\u200F إن الحكومة ستعلن الميزانية الجديدة غدا.';
    const m = matchQuote(text, { exact: 'الوزير إن الحكومة', prefix: 'قال ' });
    expect(slice(text, m)).toBe('الوزير\u200F إن الحكومة');
    expect(slice('الحكـــومة', matchQuote('الحكـــومة', { exact: 'الحكومة' }))).toBe('الحكـــومة');
  });

  it('returns null for an empty or whitespace-only quote', () => {
    expect(matchQuote('some text', { exact: '' })).toBeNull();
    expect(matchQuote('some  text', { exact: '  ' })).not.toBeNull(); // a space is text too
    expect(matchQuote('some text', { exact: '\u200F' })).toBeNull();
  });
});

describe('matchQuote: fuzzy', () => {
  const text =
    'The city council met on Tuesday evening. After a long debate the council approved the new budget for ' +
    'public transport, which adds three bus lines and extends the tram to the airport by next spring.';

  it('finds a quote in which a word was edited', () => {
    const quote = 'the council approved the revised budget for public transport';
    const m = matchQuote(text, { exact: quote, prefix: 'After a long debate ', suffix: ', which adds' });
    expect(slice(text, m)).toBe('the council approved the new budget for public transport');
    expect(m!.score).toBeGreaterThan(0.9);
    expect(m!.score).toBeLessThan(1);
  });

  it('finds an edited Arabic quote', () => {
    const ar = 'وافق المجلس البلدي مساء الثلاثاء على الميزانية الجديدة للنقل العام بعد نقاش طويل.';
    const m = matchQuote(ar, { exact: 'وافق المجلس البلدي مساء الأربعاء على الميزانية الجديدة' });
    expect(slice(ar, m)).toBe('وافق المجلس البلدي مساء الثلاثاء على الميزانية الجديدة');
  });

  it('allows at most maxErrors edits', () => {
    const edited = 'extends the XXXm to the airport'; // three substitutions
    expect(slice(text, matchQuote(text, { exact: edited }, { maxErrors: 3 }))).toBe('extends the tram to the airport');
    expect(matchQuote(text, { exact: edited }, { maxErrors: 2 })).toBeNull();
    expect(matchQuote(text, { exact: 'extends the tram' }, { maxErrors: 0 })).not.toBeNull();
    expect(matchQuote(text, { exact: 'extends the trams' }, { maxErrors: 0 })).toBeNull();
  });

  it('defaults to min(32, 10%) of the quote length', () => {
    expect(defaultMaxErrors(9)).toBe(0);
    expect(defaultMaxErrors(31)).toBe(3);
    expect(defaultMaxErrors(5000)).toBe(32);
    const quote = 'extends the XXXm to the airport by next spring'; // 46 chars → 4 errors allowed
    expect(matchQuote(text, { exact: quote })).not.toBeNull();
    expect(matchQuote(text, { exact: 'extends the XXXX to the XXXport by next spring' })).toBeNull();
  });

  it('gives up when the deadline passes', () => {
    const long = text.repeat(2000) + ' the tram reaches the airport';
    const quote = { exact: 'the tram reaches the XXrport' };
    expect(matchQuote(long, quote)).not.toBeNull();
    expect(matchQuote(long, quote, { deadline: performance.now() - 1 })).toBeNull();
  });

  it('prefers an edited occurrence in the right context over an exact one in the wrong context', () => {
    const doc =
      'Sports: the team said it will appeal the ruling. ' +
      'Politics: after the vote the party said it would appeal the ruling in court next week.';
    const quote = {
      exact: 'the party said it will appeal the ruling',
      prefix: 'Politics: after the vote ',
      suffix: ' in court next week',
    };
    expect(slice(doc, matchQuote(doc, quote))).toBe('the party said it would appeal the ruling');
  });

  it('takes a prepared text so many quotes share one normalization', () => {
    const p = prepareText(text);
    expect(slice(text, matchQuote(p, { exact: 'three bus lines' }))).toBe('three bus lines');
  });

  it('always finds a quote cut from the text itself, at the hinted place', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', 'ع', 'ل', 'ى');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (arr, x, y) => {
        const text = arr.join('');
        const start = x % text.length;
        const end = start + 1 + (y % (text.length - start));
        const exact = text.slice(start, end);
        if (normalizeText(exact) === '') return;
        const quote = { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
        const m = matchQuote(text, quote, { hint: start });
        expect(m).not.toBeNull();
        expect(normalizeText(text.slice(m!.start, m!.end))).toBe(normalizeText(exact));
        if (!/\s\s/.test(text)) expect([m!.start, m!.end]).toEqual([start, end]);
      }),
      { numRuns: 500 },
    );
  });
});
