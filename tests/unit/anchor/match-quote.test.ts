import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, findPassage, locateInWindow, locateQuote, type Located } from '../../../lib/anchor/match-quote';
import { normalizeText, prepareText } from '../../../lib/anchor/normalize';

const placedText = (text: string, found: Located) => (found.placed ? text.slice(found.start, found.end) : null);
const maybeText = (text: string, found: Located) =>
  !found.placed && found.maybe ? text.slice(found.maybe.start, found.maybe.end) : null;

/** The quote at text[start, end) with its stored context, as describeRange would keep it. */
function quoteAt(text: string, start: number, end: number) {
  const norm = (s: string) => normalizeText(s);
  return {
    exact: text.slice(start, end),
    prefix: norm(text.slice(0, start)).slice(-32),
    suffix: norm(text.slice(end)).slice(0, 32),
  };
}

describe('locateQuote: exact text', () => {
  it('places a quote whose context agrees', () => {
    const text = 'Markets fell sharply on Monday after the announcement.';
    const found = locateQuote(text, quoteAt(text, 8, 20));
    expect(found).toEqual({ placed: true, start: 8, end: 20, changed: false });
  });

  it('picks the occurrence whose context agrees when the quote appears twice, whatever the hint', () => {
    const text = 'In Paris, the minister resigned on Friday. Later, in Rome, the minister resigned. Nobody knew why.';
    const second = text.lastIndexOf('the minister');
    const quote = quoteAt(text, second, second + 21);
    expect(locateQuote(text, quote, { hint: 10 })).toMatchObject({ placed: true, start: second });
  });

  it('leaves a quote unplaced when two places agree equally and the old position cannot tell', () => {
    const text = 'yes. no. yes. no. yes.';
    const quote = { exact: 'no', prefix: 'yes. ', suffix: '. yes' };
    const found = locateQuote(text, quote, { hint: 11 });
    expect(found.placed).toBe(false);
    expect(maybeText(text, found)).toBe('no');
  });

  it('lets the old position decide when one candidate is much closer', () => {
    const filler = ' Unrelated reporting fills the space between the two copies of the story.'.repeat(20);
    const text = `Intro. The council approved the budget today.${filler} The council approved the budget today.`;
    const quote = { exact: 'approved the budget', prefix: 'Intro. The council ', suffix: ' today.' };
    expect(locateQuote(text, quote, { hint: 20 })).toMatchObject({ placed: true, start: text.indexOf('approved') });
    expect(locateQuote(text, quote, { hint: text.length - 20 })).toMatchObject({
      placed: true,
      start: text.lastIndexOf('approved'),
    });
  });

  it('ignores whitespace differences and maps offsets back to the raw text', () => {
    const text = 'The   budget\n   was\tapproved  today.';
    const found = locateQuote(text, { exact: 'budget was approved', prefix: 'The ', suffix: ' today.' });
    expect(placedText(text, found)).toBe('budget\n   was\tapproved');
  });

  it('ignores bidi marks and tatweel in Arabic text', () => {
    const text = 'قال الوزير\u200F إن الحكومة ستعلن الميزانية الجديدة غدا في مؤتمر صحفي.';
    const found = locateQuote(text, {
      exact: 'الوزير إن الحكومة',
      prefix: 'قال ',
      suffix: ' ستعلن الميزانية الجديدة غدا في مؤتمر',
    });
    expect(placedText(text, found)).toBe('الوزير\u200F إن الحكومة');
  });

  it('returns unplaced for an empty quote', () => {
    expect(locateQuote('some text', { exact: '\u200F' })).toEqual({ placed: false });
  });

  it('always places a quote cut from the text itself where it was cut, or says it cannot tell', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', 'ع', 'ل', 'ى');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (arr, x, y) => {
        const text = arr.join('');
        const start = x % text.length;
        const end = start + 1 + (y % (text.length - start));
        if (normalizeText(text.slice(start, end)).trim() === '') return;
        const found = locateQuote(text, quoteAt(text, start, end), { hint: start });
        // Random text over a few letters repeats itself: never a wrong place, at worst "cannot tell".
        if (found.placed)
          expect(normalizeText(text.slice(found.start, found.end))).toBe(normalizeText(text.slice(start, end)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('locateQuote: context decides', () => {
  it('never places a short quote whose context disagrees ("WeWork" deleted, the headline kept)', () => {
    const before = 'WeWork files for listing. The office company WeWork said on Tuesday it would list its shares.';
    const at = before.indexOf('WeWork said');
    const quote = quoteAt(before, at, at + 6);
    const after = 'WeWork files for listing. The office company said on Tuesday it would list its shares.';
    expect(locateQuote(after, quote, { hint: at }).placed).toBe(false);
  });

  it('never accepts a near-match in unrelated text (a deleted English quote)', () => {
    const before =
      'Officials met for hours. "The president will sign the bill on Friday," an aide said. Critics remain. ' +
      'Elsewhere in the city.The president of the club resigned after the defeat.';
    const at = before.indexOf('"The president');
    const quote = quoteAt(before, at, at + 14);
    const after = before.replace('"The president will sign the bill on Friday," an aide said. ', '');
    expect(locateQuote(after, quote, { hint: at }).placed).toBe(false);
  });

  it.each([
    [
      'بالفعاليات',
      'ويحتفل السكان بالفعاليات الصيفية في المدينة كل عام. ',
      'وتقام الفعاليات في الحدائق العامة التي تزدحم بالزوار.',
    ],
    [
      'سوق التمويل الإسلامي',
      'ونما سوق التمويل الإسلامي بسرعة خلال العقد الماضي. ',
      'وتنظم هيئات دراسات التمويل الإسلامي مؤتمرا سنويا للباحثين.',
    ],
  ])('never accepts an Arabic near-match elsewhere once %s is deleted', (exact, sentence, rest) => {
    const before = `مقدمة الخبر هنا. ${sentence}${rest}`;
    const at = before.indexOf(exact);
    const quote = quoteAt(before, at, at + exact.length);
    const after = before.replace(sentence, '');
    expect(locateQuote(after, quote, { hint: at }).placed).toBe(false);
  });

  it('does not find a deleted word inside a neighbouring word', () => {
    const before = 'The committee was a major force in the talks that ended on Sunday night.';
    const at = before.indexOf('a major');
    const quote = quoteAt(before, at, at + 1);
    expect(locateQuote(before.replace(' a major', ' major'), quote, { hint: at }).placed).toBe(false);
  });
});

describe('locateQuote: edits the reader forgives', () => {
  const text =
    'The city council met on Tuesday evening. After a long debate the council approved the new budget for ' +
    'public transport, which adds three bus lines and extends the tram to the airport by next spring.';

  it('places a quote with one letter changed and says the text changed', () => {
    const at = text.indexOf('approved');
    const quote = quoteAt(text, at, at + 8);
    const edited = text.replace('approved', 'approvet');
    expect(locateQuote(edited, quote, { hint: at })).toEqual({ placed: true, start: at, end: at + 8, changed: true });
  });

  it('places a short quote with a word changed when its context agrees', () => {
    const at = text.indexOf('three bus lines');
    const quote = quoteAt(text, at, at + 15);
    const edited = text.replace('three bus lines', 'four bus lines');
    expect(placedText(edited, locateQuote(edited, quote, { hint: at }))).toBe('four bus lines');
  });

  it('keeps whole words when the changed word starts the quote', () => {
    const at = text.indexOf('council approved the new budget');
    const quote = quoteAt(text, at, at + 31);
    const edited = text.replace('council approved', 'assembly approved');
    const found = locateQuote(edited, quote, { hint: at });
    expect(placedText(edited, found)).toBe('assembly approved the new budget');
    expect(found).toMatchObject({ changed: true });
  });

  it('places a long quote with a word changed and an Arabic one too', () => {
    const at = text.indexOf('After');
    const quote = quoteAt(text, at, text.indexOf(' which'));
    const edited = text.replace('long debate', 'heated debate');
    expect(placedText(edited, locateQuote(edited, quote, { hint: at }))).toBe(
      'After a heated debate the council approved the new budget for public transport,',
    );
    const ar = 'قال المتحدث إن المجلس البلدي وافق مساء الثلاثاء على الميزانية الجديدة للنقل العام بعد نقاش طويل.';
    const from = ar.indexOf('وافق');
    const arQuote = quoteAt(ar, from, ar.indexOf(' للنقل'));
    const arEdited = ar.replace('الثلاثاء', 'الأربعاء');
    expect(placedText(arEdited, locateQuote(arEdited, arQuote, { hint: from }))).toBe(
      'وافق مساء الأربعاء على الميزانية الجديدة',
    );
  });

  it('does not accept an edited quote when one side of its context changed too', () => {
    const at = text.indexOf('three bus lines');
    const quote = quoteAt(text, at, at + 15);
    const edited = text.replace(
      'which adds three bus lines and extends',
      'which adds four bus lines, officials said, and extends',
    );
    expect(locateQuote(edited, quote, { hint: at }).placed).toBe(false);
  });

  it('says it ran out of time, rather than not found, when the deadline passes', () => {
    const long = text.repeat(200);
    const quote = quoteAt(text, 10, 40);
    const edited = long.replace('council met on', 'council sat on');
    expect(locateQuote(edited, quote, { hint: 10, deadline: performance.now() - 1 })).toEqual({
      placed: false,
      outOfTime: true,
    });
  });

  it('takes a prepared text so many quotes share one normalization', () => {
    const p = prepareText(text);
    const at = text.indexOf('three');
    expect(placedText(text, locateQuote(p, quoteAt(text, at, at + 15)))).toBe('three bus lines');
  });
});

describe('locateQuote: page structure', () => {
  it('uses the element path to tell a copy from the passage when the text cannot', () => {
    const text = 'End of the last paragraph. Prices rose. Prices rose again in June, the agency said.';
    const copy = text.indexOf('Prices rose');
    const original = text.lastIndexOf('Prices rose');
    const quote = {
      exact: 'Prices rose',
      prefix: 'End of the last paragraph. ',
      suffix: ' again in June, the agency said.',
    };
    const structure = (start: number) => (start === original ? 2 : 0);
    expect(locateQuote(text, quote, { hint: copy })).toMatchObject({ placed: false, maybe: { start: copy } });
    expect(locateQuote(text, quote, { hint: copy, structure })).toMatchObject({ placed: true, start: original });
  });
});

describe('locateInWindow and editDistance', () => {
  it('finds where the quote falls inside an aligned window', () => {
    const text = 'xx the company Regus said on Monday';
    expect(locateInWindow(text, 0, text.length, 'the company WeWork said on', 12, 18)).toEqual({ ns: 15, ne: 20 });
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('findPassage', () => {
  const text = 'Turkey hosted the talks in Istanbul for a second round, officials said.';
  it('finds a passage stored without context, exactly or with a few edits', () => {
    expect(findPassage(text, 'hosted the talks in Istanbul')).toEqual({ start: 7, end: 35 });
    expect(findPassage(text, 'hosted the talks in Istanbol for a second round')).toEqual({ start: 7, end: 54 });
    expect(findPassage(text, 'nothing like it')).toBeNull();
  });
});

describe('locateQuote: a quote that lost a copy, with the old place moved onto another copy (issue #18)', () => {
  // A recipe prints the same block for every meal. A highlight before this one placed on the next meal's copy moves
  // "where the passages before it went" by one block: onto the next copy of this quote too, same context and offset.
  const block = (n: number) =>
    `Meal ${n}. Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp. Pre-Workout Drink, 1 scoop. ` +
    'Eat every two to three hours and rest between the meals of the day. '.repeat(12);
  const before = [0, 1, 2].map(block).join('');
  const start = before.indexOf('1 Red');
  const quote = { ...quoteAt(before, start, start + 5), copies: 3 };
  // The first meal's lines cut.
  const after = before.replace(
    'Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp. Pre-Workout Drink, 1 scoop. ',
    '',
  );
  const next = after.indexOf('1 Red');
  const options = { hint: start, movedHint: next, structure: () => 1, sameSpotInBlock: () => true };

  it('is not placed on the copy at the moved old place: that place is no evidence once a copy went', () => {
    expect(next - start).toBeGreaterThan(640);
    const found = locateQuote(after, quote, options);
    expect(found.placed).toBe(false);
    expect(maybeText(after, found)).toBe('1 Red');
  });

  it('is placed there when no copy went (text put in above moved every copy)', () => {
    const moved = `Update: new recipes were added to this plan. `.repeat(20) + before;
    const at = moved.indexOf('1 Red');
    const found = locateQuote(moved, quote, { ...options, movedHint: at });
    expect(placedText(moved, found)).toBe('1 Red');
    expect(found.placed && found.start).toBe(at);
  });
});
