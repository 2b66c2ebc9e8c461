// An article's body terms: counted once at capture, figures read alike, dates left out, bounded for storage.
import { describe, expect, it } from 'vitest';
import { MAX_STORY_TERM_CHARS, MAX_STORY_TERMS } from '@/lib/limits';
import { BODY_CHARS, bodyTerms, PROFILE_OPTIONS, storyProfile, withoutDeskLabel } from '@/lib/stories/profile';

const count = (terms: ReturnType<typeof bodyTerms>, term: string) => terms.find(([t]) => t === term)?.[1];

describe('bodyTerms', () => {
  it('counts each term, the most frequent first, and reads a figure alike however it is written', () => {
    const terms = bodyTerms('ارتفع التضخم إلى ٩٪ في المدن. وقال الجهاز إن التضخم بلغ 9% بعد أن كان 9 في المائة.');
    const inflation = terms.find(([t]) => t.includes('تضخم'));
    expect(inflation?.[1]).toBe(2);
    const figures = terms.filter(([t]) => t.startsWith('#'));
    expect(figures).toHaveLength(1);
    expect(figures[0][1]).toBe(3);
    expect(terms[0][1]).toBeGreaterThanOrEqual(terms[terms.length - 1][1]);
  });

  it('leaves out dates and datelines', () => {
    const terms = bodyTerms('الرياض 26 شوال 1436 الموافق 11 أغسطس 2015 واس افتتح الأمير المعرض.');
    expect(terms.some(([t]) => t.startsWith('#'))).toBe(false);
    expect(terms.map(([t]) => t)).not.toContain('شوال');
  });

  it('reads only the start of a long body and keeps a bounded number of short terms', () => {
    const letters = (i: number) => [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const words = Array.from({ length: 3000 }, (_, i) => `q${letters(i)}`).join(' ');
    const terms = bodyTerms(`${words} ${'z'.repeat(200)}`);
    expect(terms.length).toBe(MAX_STORY_TERMS);
    expect(terms.every(([t]) => t.length <= MAX_STORY_TERM_CHARS)).toBe(true);
    const late = bodyTerms(`${'a '.repeat(BODY_CHARS)} Zanzibar`);
    expect(count(late, 'zanzibar')).toBeUndefined();
  });
});

describe('storyProfile with body terms', () => {
  const article = {
    title: 'Flooding closes the port of Dammam',
    excerpt: 'The port of Dammam closed on Monday.',
    facts: [],
    storyTerms: bodyTerms('Flooding closed the port. Engineers inspected cranes; cranes and cranes again.'),
  };

  it('weighs a body term below the headline and more the more often it occurs', () => {
    const profile = storyProfile(article);
    const crane = [...profile.terms.keys()].find((t) => t.startsWith('crane')) as string;
    const engineer = [...profile.terms.keys()].find((t) => t.startsWith('engin')) as string;
    expect(profile.terms.get(crane)).toBeGreaterThan(profile.terms.get(engineer) as number);
    expect(profile.terms.get(engineer)).toBe(PROFILE_OPTIONS.bodyWeight);
    expect(profile.terms.get(engineer)).toBeLessThan(PROFILE_OPTIONS.titleWeight);
  });

  it('keeps body terms out of the summary that headlines are looked for in', () => {
    const profile = storyProfile(article);
    const crane = [...profile.terms.keys()].find((t) => t.startsWith('crane')) as string;
    expect(profile.summary.has(crane)).toBe(false);
    expect(storyProfile({ ...article, storyTerms: undefined }).terms.has(crane)).toBe(false);
  });
});

describe('a wire desk label before a headline', () => {
  it('is taken off: a desk name and a slash, however spaced', () => {
    expect(withoutDeskLabel('اقتصادي / الأسهم السعودية تسجل تراجعاً')).toBe('الأسهم السعودية تسجل تراجعاً');
    expect(withoutDeskLabel('إقتصادي/التأمينات تبدأ الصرف')).toBe('التأمينات تبدأ الصرف');
    expect(withoutDeskLabel('  عام /  بدء قيد الناخبين')).toBe('بدء قيد الناخبين');
  });

  it('leaves other headlines as they are: two names around a slash, a slash later in the headline', () => {
    expect(withoutDeskLabel('AC/DC announce a tour')).toBe('AC/DC announce a tour');
    expect(withoutDeskLabel('الهلال / النصر: موعد السوبر')).toBe('الهلال / النصر: موعد السوبر');
    expect(withoutDeskLabel('Flooding closes the port of Dammam / update')).toBe(
      'Flooding closes the port of Dammam / update',
    );
    expect(withoutDeskLabel('Flooding closes the port')).toBe('Flooding closes the port');
  });

  it('is not a headline term of the story profile (kept when boilerplate is kept, for the benchmark)', () => {
    const article = { title: 'اقتصادي / الأسهم الباكستانية تغلق على ارتفاع', excerpt: '', facts: [] };
    const label = storyProfile({ ...article, title: 'اقتصادي' }).title;
    expect(label.size).toBe(1);
    const [term] = label;
    expect(storyProfile(article).title.has(term)).toBe(false);
    expect(storyProfile(article).terms.has(term)).toBe(false);
    expect(storyProfile(article, { ...PROFILE_OPTIONS, dropBoilerplate: false }).title.has(term)).toBe(true);
  });
});

describe('function words of other languages', () => {
  it('are not terms of a Spanish or German article, its content words are', () => {
    const spanish = storyProfile({
      title: 'El gobierno de Chile anuncia los planes para las escuelas del sur',
      excerpt: 'El ministro presentó por la mañana un plan con nuevas escuelas para la región.',
      facts: [],
    });
    const german = storyProfile({
      title: 'Die Regierung plant mit den Ländern eine Reform der Pflege',
      excerpt: 'Der Minister sagte, die Reform werde für die Pflege mehr Geld bringen.',
      facts: [],
    });
    for (const word of ['el', 'los', 'las', 'del', 'para', 'con', 'por'])
      expect(spanish.terms.has(word), word).toBe(false);
    for (const word of ['die', 'der', 'den', 'mit', 'eine', 'für']) expect(german.terms.has(word), word).toBe(false);
    expect([...spanish.title].some((t) => t.startsWith('gobier'))).toBe(true);
    expect([...german.title].some((t) => t.startsWith('reform'))).toBe(true);
  });

  it("leaves English words that are also German function words, such as 'war'", () => {
    const english = storyProfile({
      title: 'Ceasefire talks to end the war stall in Geneva',
      excerpt: 'Negotiators said the war would go on without a deal.',
      facts: [],
    });
    expect([...english.title].some((t) => t.startsWith('war'))).toBe(true);
  });
});
