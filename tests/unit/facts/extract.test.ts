// Key-fact signals and selection: kinds and speakers, offsets, determinism, clamping, redundancy, junk lines, bounded
// work, and the seed page's main article (../shared/seed/README.md names six facts a reader keeps).
import { describe, expect, it } from 'vitest';
import { extractFacts, rankFeatures } from '../../../lib/facts/extract';
import type { Fact, FactKind } from '../../../lib/schema';
import { readSignals } from '../../../lib/facts/signals';
import { splitWords } from '@/lib/facts/words';
import { loadGold } from './gold';

const signals = (text: string) => readSignals(text, splitWords(text));

/** Kind and speaker of the fact extracted from a one-sentence article. */
function describe1(sentence: string): { kind: FactKind; speaker?: string } {
  const facts = extractFacts({ title: '', text: sentence });
  expect(facts).toHaveLength(1);
  const { kind, speaker } = facts[0];
  return speaker === undefined ? { kind } : { kind, speaker };
}

describe('fact signals', () => {
  it('reads figures in digits, Arabic-Indic digits and number words', () => {
    expect(signals('وافقتا على تبادل جثث 6 آلاف جندي من كل جانب.')).toMatchObject({ quantities: 1, numbers: ['6000'] });
    expect(signals('شملت ألف أسير من كل جانب.')).toMatchObject({ quantities: 1, numbers: ['1000'] });
    expect(signals('يتوقع نحو ١٫٥ مليون زائر.')).toMatchObject({ quantities: 1, numbers: ['1500000'] });
    expect(signals('It burned more than 12,000 acres at a cost of $4.3 billion.')).toMatchObject({
      quantities: 2,
      money: 1,
    });
    expect(signals('نحن نتحدث عن مئات الأطفال.')).toMatchObject({ quantities: 0, vague: 1, numbers: ['~100'] });
    expect(signals('Près de 2\u202f000 personnes, soit 30\u00a0%.')).toMatchObject({
      quantities: 2,
      money: 1,
      numbers: ['2000', '30'],
    });
  });

  it('does not take clock times, Monday or "the two" weekday for figures', () => {
    expect(signals('The rocket lifted off at 6:42 a.m. on Monday.')).toMatchObject({ quantities: 0, vague: 0 });
    expect(signals('تبادل الطرفان هجمات ليل الأحد - الاثنين.')).toMatchObject({ quantities: 0, vague: 0 });
  });

  it('reads dates and ranges with Egyptian/Gulf and Levantine month names', () => {
    expect(signals('اقترحنا عقد اجتماع بين 20 و30 يونيو الحالي.')).toMatchObject({
      dates: 1,
      ranges: 1,
      quantities: 0,
    });
    expect(signals('عقدت الجولة الأولى يوم 16 مايو (أيار) الماضي.')).toMatchObject({ dates: 1, quantities: 0 });
    expect(signals('The talks resume on 16 May in Istanbul.')).toMatchObject({ dates: 1 });
    expect(signals('In a Nov. 5 letter, the doctors pleaded with the administration.')).toMatchObject({
      dates: 1,
      quantities: 0,
    });
    expect(signals('The office said in an Oct. 26 letter that it was unacceptable.')).toMatchObject({ dates: 1 });
    expect(signals('The council meets March 9 to 20 in Kingston.')).toMatchObject({
      dates: 1,
      ranges: 1,
      quantities: 0,
    });
    expect(signals('Les syndicats visent la période du 10 au 24 juin.')).toMatchObject({ dates: 1, ranges: 1 });
    expect(signals('أطلقت الحكومة حملة في أيار الماضي.')).toMatchObject({ periods: 1 });
    expect(signals('الحرب المستمرة منذ عام 2022.')).toMatchObject({ periods: 1, quantities: 0 });
  });

  it('does not mistake words for months', () => {
    expect(signals('Officials say prices may rise again.')).toMatchObject({ dates: 0, periods: 0 });
    expect(signals('Dec Rivers scored 3 goals as Jan Smit watched.')).toMatchObject({ dates: 0, periods: 0 });
    expect(signals('مارس اللاعب الرياضة مع أبيه في نادي نيسان.')).toMatchObject({ dates: 0, periods: 0 });
  });

  it('reads durations, including Arabic duals and "and a half"', () => {
    expect(signals('استمرت المحادثات ساعتين ونصف ساعة.')).toMatchObject({ durations: 1 });
    expect(signals('اقترحت وقفاً لإطلاق النار «ليومين أو ثلاثة» في مناطق معينة.')).toMatchObject({ durations: 1 });
    expect(signals('The meeting lasted two and a half hours.')).toMatchObject({ durations: 1 });
    expect(signals('The line will be closed for at least five days.')).toMatchObject({ durations: 1, quantities: 0 });
    expect(signals('قدمنا اقتراحاً عاماً، قال الأمين العام.')).toMatchObject({ durations: 0 });
  });

  it('counts quotations of three words or more and attributed speech', () => {
    expect(signals('وقال يرماك في حسابه على «إكس»: «نحن نتحدث عن مئات الأطفال».')).toMatchObject({
      quotes: 1,
      speech: true,
    });
    expect(signals('“Our priority remains protecting lives,” she said.')).toMatchObject({ quotes: 1, speech: true });
    expect(signals('The ministry of transport runs the trains.')).toMatchObject({ quotes: 0, speech: false });
    expect(signals('وزارة النقل تدير القطارات.')).toMatchObject({ speech: false });
  });
});

describe('extractFacts', () => {
  it('labels each fact with one kind and, when it quotes or attributes, the speaker as written', () => {
    expect(describe1('وقال عمروف إن الجانبين وافقا على تبادل جثث 6 آلاف جندي.')).toEqual({
      kind: 'decision',
      speaker: 'عمروف',
    });
    expect(describe1('وأضاف عمروف: «اقترحنا على الجانب الروسي عقد اجتماع بين 20 و30 يونيو».')).toEqual({
      kind: 'quote',
      speaker: 'عمروف',
    });
    expect(describe1('“Our nation is in danger,” Essid declared on Tuesday night.')).toEqual({
      kind: 'quote',
      speaker: 'Essid',
    });
    expect(describe1('He ordered that the suspects be held another 48 hours.')).toEqual({ kind: 'decision' });
    // A denial is a decision; its object stands between subject and "أن", so no speaker is guessed.
    expect(describe1('نفى الجيش التركي مزاعم بأنه قصف مدنيين في شمال سوريا.')).toEqual({ kind: 'decision' });
    expect(describe1('The fire has burned more than 12,000 acres since Sunday.')).toEqual({ kind: 'figure' });
    expect(describe1('The private meeting lasted two and a half hours.')).toEqual({ kind: 'date' });
    expect(describe1('The delegation met the president at the palace, a spokesman said.')).toEqual({
      kind: 'statement',
      speaker: 'a spokesman',
    });
  });

  it('lets the speaker of one sentence go on speaking in the next ("وأضاف: «…»")', () => {
    const facts = extractFacts(
      {
        title: 'الجبير',
        text: 'وقال الجبير في مؤتمر صحافي أمس إن الرياض ترفض التصريحات الإيرانية. وأضاف: «نرفض العدوانية الإيرانية ضد دول المنطقة».',
      },
      { max: 3 },
    );
    expect(facts.map((f) => f.speaker)).toEqual(['الجبير', 'الجبير']);
  });

  it('passes the speaker on only to a verb without a subject of its own, never to "according to"', () => {
    const speakers = (text: string) => extractFacts({ title: 'Talks', text }, { max: 3 }).map((f) => f.speaker);
    expect(
      speakers(
        'The talks will resume in June, Kyiv said in a statement on Monday. ' +
          '“This is a humanitarian track, and it is working,” he told reporters after the session.',
      ),
    ).toEqual(['Kyiv', 'Kyiv']);
    expect(
      speakers(
        'The talks will resume in June, Kyiv said in a statement on Monday. ' +
          'Ports have been struck at least 64 times since January, according to figures from the ministry.',
      ),
    ).toEqual(['Kyiv', undefined]);
  });

  it('points every fact at its sentence in the article', () => {
    for (const article of loadGold()) {
      for (const fact of extractFacts(article)) {
        expect(article.text.slice(fact.start, fact.end)).toBe(fact.text);
        expect(fact.score).toBeGreaterThan(0);
        expect(fact.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is deterministic and returns facts in article order', () => {
    const gold = loadGold();
    const first = gold.map((a) => extractFacts(a));
    const again = [...gold]
      .reverse()
      .map((a) => extractFacts(a))
      .reverse();
    expect(again).toEqual(first);
    for (const facts of first) {
      const starts = facts.map((f) => f.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('clamps the number of facts to 3..7 (default 5)', () => {
    const article = loadGold().find((a) => a.id === 'ar-seed-main');
    if (!article) throw new Error('seed article missing from the gold set');
    const count = (max?: number) => extractFacts(article, { max }).length;
    expect(count()).toBe(5);
    expect(count(1)).toBe(3);
    expect(count(4)).toBe(4);
    expect(count(50)).toBe(7);
    expect(count(Number.NaN)).toBe(5);
    expect(count(Infinity)).toBe(5);
  });

  it('returns fewer facts when the article has fewer sentences, and none for empty text', () => {
    expect(extractFacts({ title: 'T', text: '' })).toEqual([]);
    expect(extractFacts({ title: 'T', text: 'Only 3 people came. Nobody else did this year.' })).toHaveLength(2);
  });

  // Its speed on such a page is measured in bench:facts ("long inputs"), not timed here: a loaded machine is no judge.
  it('picks five whole sentences from a 400 kB page', () => {
    const gold = loadGold();
    const lines: string[] = [];
    for (let round = 0; lines.join('\n').length < 400_000; round++) {
      for (const article of gold)
        lines.push(...article.text.split('\n').map((line) => `${round}/${lines.length} ${line}`));
    }
    const text = lines.join('\n');
    const facts = extractFacts({ title: 'Long page', text });
    expect(facts).toHaveLength(5);
    for (const fact of facts) expect(text.slice(fact.start, fact.end)).toBe(fact.text);
  });

  it('does not pick two sentences that say the same thing', () => {
    const fact = 'The two sides agreed to exchange the bodies of 6,000 soldiers from each side, the minister said.';
    const text = [
      fact,
      'The private meeting lasted two and a half hours, according to a source.',
      'Russia proposed a ceasefire of two or three days in some areas of the front.',
      'Ukraine proposed a new meeting between 20 and 30 June.',
      'The two sides had agreed to exchange the bodies of 6,000 soldiers from each side, the minister added.',
      'All prisoners under 25 will be exchanged, the Russian delegation said.',
    ].join(' ');
    const facts = extractFacts({ title: 'Talks in Istanbul', text }, { max: 4 });
    expect(facts).toHaveLength(4);
    expect(facts.filter((f) => f.text.includes('6,000'))).toHaveLength(1);
  });

  it('never returns headings, captions, credits or repeated lines', () => {
    const text = [
      'Parking fees rise',
      'Council members listen to public comment on Tuesday. (Staff photo)',
      'Council members listen to public comment on Tuesday. (Staff photo)',
      'وزير الخارجية الألماني يوهان فاديفول (د.ب.أ)',
      'TT',
      'The council approved a $4.3 billion budget on Wednesday.',
      'Members voted 9-4 after a six-hour hearing.',
      'The plan includes $412 million for the police department.',
      'The mayor is expected to sign the budget on Friday.',
    ].join('\n');
    const facts: Fact[] = extractFacts({ title: 'Budget approved', text }, { max: 7 });
    expect(facts.map((f) => f.text)).toEqual([
      'The council approved a $4.3 billion budget on Wednesday.',
      'Members voted 9-4 after a six-hour hearing.',
      'The plan includes $412 million for the police department.',
      'The mayor is expected to sign the budget on Friday.',
    ]);
  });

  it('gives the lede bonus to the first eight sentences, fading out', () => {
    const text = Array.from(
      { length: 10 },
      (_, i) => `Sentence number ${i + 1} of the report says that the council met again on that day.`,
    ).join(' ');
    const lead = rankFeatures({ title: 'Council', text, lang: 'en' }).map((c) => c.features.lead);
    expect(lead).toHaveLength(10);
    expect(lead.slice(0, 8).every((x, i) => x > 0 && (i === 0 || x < lead[i - 1]))).toBe(true);
    expect(lead.slice(8)).toEqual([0, 0]);
  });

  it('never returns date, time or copyright stamps, but keeps short lines that state something', () => {
    const text = [
      'Managua, Nicaragua 26, Abril, 2022 7:43 p.m.',
      'Nicaragua cerró 2021 con una deuda externa de 14.372,4 millones de dólares, informó el banco central.',
      '4:14 p.m.',
      'La deuda equivale al 102,6 % del producto interior bruto.',
      'El Gobierno pagó 800 millones en 2021.',
      'Copyright 2019 Hawaii News Now.',
      '© 2020 CBS Interactive Inc.',
      'Lorient 1 - Lyon 0.',
    ].join('\n');
    const facts = extractFacts({ title: 'Deuda externa', text, lang: 'es' }, { max: 7 }).map((f) => f.text);
    expect(facts).toEqual([
      'Nicaragua cerró 2021 con una deuda externa de 14.372,4 millones de dólares, informó el banco central.',
      'La deuda equivale al 102,6 % del producto interior bruto.',
      'El Gobierno pagó 800 millones en 2021.',
      'Lorient 1 - Lyon 0.',
    ]);
  });

  it('keeps long paragraphs that lost their stop: a list lead-in, a stop inside a parenthesis, trailing tags', () => {
    const leadIn =
      'Under the agreement the two governments signed in Cairo on Thursday, after three days of talks between ' +
      'the ministers of defence, finance and trade, the two sides agreed on a package of measures in these areas:';
    const aside =
      'The council had rejected a similar $2.1 billion plan in 2017, when three members were absent and the ' +
      'mayor threatened a veto over the police budget (the minutes of that meeting, and the vote of each member, are on ' +
      'the city website.)';
    const tagged =
      'Police said the driver, a 70-year-old consultant on holiday, had been stopped four times during the trip ' +
      'because of the foreign plate, and that his papers were in order each time car police border plate';
    const approved = 'The council approved a $4.3 billion budget on Wednesday.';
    const text = ['Budget talks', approved, leadIn, '- defence', '- trade', aside, tagged].join('\n');
    const facts = extractFacts({ title: 'Budget approved', text }, { max: 7 }).map((f) => f.text);
    expect(facts).toEqual([approved, leadIn, aside, tagged]);
  });

  it('shows at least five of the six facts the seed README names in the seed main article', () => {
    const article = loadGold().find((a) => a.id === 'ar-seed-main');
    if (!article) throw new Error('seed article missing from the gold set');
    // The six facts of ../shared/seed/README.md, each by words its sentence must contain.
    const readme = [
      'تبادل جثث 6 آلاف جندي',
      'تقل أعمارهم عن 25 عاماً',
      'ليومين أو ثلاثة',
      'بين 20 و30 يونيو',
      'ساعتين ونصف',
      'ألف أسير من كل جانب',
    ];
    // Seven facts, as the background stores them.
    const facts = extractFacts(article, { max: 7 });
    const found = readme.filter((words) => facts.some((f) => f.text.includes(words)));
    expect(found.length, facts.map((f) => f.text).join('\n')).toBeGreaterThanOrEqual(5);
  });
});
