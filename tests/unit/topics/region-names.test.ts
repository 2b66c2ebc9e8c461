import { describe, expect, it } from 'vitest';
import { regionNamesOf } from '@/lib/topics/aliases';
import { compileTopics, CURRENT_SIGNALS } from '@/lib/topics/compile';
import { assessTopics } from '@/lib/topics/match';
import { tokenizeTerm } from '@/lib/text/tokenize';
import { normalizeTerm } from '@/lib/text/normalize';

const tokens = (term: string) => tokenizeTerm(normalizeTerm(term));
const namesOf = (term: string) =>
  Object.fromEntries((regionNamesOf(tokens(term)) ?? []).map((n) => [n.tokens.join(' '), n.locales]));

interface Article {
  title: string;
  text: string;
  lang?: string;
}
const assess = (query: string, article: Article, signals = CURRENT_SIGNALS) =>
  assessTopics(article, compileTopics([{ id: 't', query }], signals))[0];
/** The article's words the topic's mentions stand on, with how each is written. */
function mentioned(query: string, article: Article): string[] {
  const assessed = assess(query, article);
  if (!assessed) return [];
  return assessed.match.hits.map((hit, i) => {
    const words = (hit.field === 'title' ? article.title : article.text).slice(hit.start, hit.end);
    return `${assessed.mentions[i].form}: ${words}`;
  });
}

describe('regionNamesOf', () => {
  it("gives a country's names in the other languages, each with the languages that write it so", () => {
    const names = namesOf('Kuwait');
    expect(names['الكويت']).toEqual(['ar']);
    expect(names['koweit']).toEqual(['fr']);
    expect(names['kuwejt']).toEqual(['pl']);
    expect(names['кувейт']).toEqual(expect.arrayContaining(['ru', 'uk']));
    // The term's own name is not repeated, and it is the name in several languages (en, de, es, it, pt).
    expect(names['kuwait']).toBeUndefined();
  });

  it('reads the term in any of the languages, and short names as well as long ones', () => {
    expect(namesOf('الكويت')['kuwait']).toEqual(expect.arrayContaining(['en', 'de']));
    expect(namesOf('Katar')['قطر']).toContain('ar');
    expect(namesOf('Hong Kong SAR China')['hong kong']).toContain('en');
    expect(namesOf('Hong Kong')['香 港']).toEqual(expect.arrayContaining(['zh']));
  });

  it('keeps answering the same once its cache of terms fills and is emptied', () => {
    const before = regionNamesOf(tokens('Kuwait'));
    for (let i = 0; i < 20_001; i++) regionNamesOf([`draft${i}`]);
    expect(regionNamesOf(tokens('Kuwait'))).toEqual(before);
  });

  it('leaves out abbreviations in capitals, and terms that name no region', () => {
    expect(Object.keys(namesOf('United States'))).not.toContain('us');
    expect(regionNamesOf(tokens('grain'))).toBeUndefined();
    expect(regionNamesOf(tokens('Kuwait City'))).toBeUndefined();
  });
});

describe('a beat that names a country in another language', () => {
  const kuwait = {
    title: 'الداخلية الكويتية تعلن ضبط شبكة إرهابية',
    text: 'ضبطت الأجهزة الأمنية في الكويت شبكة إرهابية تضم خمسة متهمين.',
    lang: 'ar',
  };

  it('finds the country under the name the article’s language gives it, and says so', () => {
    const assessed = assess('Kuwait', kuwait);
    expect(assessed?.verdict).toMatchObject({ captured: true, reason: 'title' });
    // Its nisba too, in an Arabic article (word-forms.ts, takesNisba).
    expect(mentioned('Kuwait', kuwait)).toEqual(['derived: الكويتية', 'region-name: الكويت']);
    // The hit carries the reader's own term: the tester and the popup show "Kuwait (“الكويت”)".
    expect(assessed?.match.hits.map((h) => h.term)).toEqual(['Kuwait', 'Kuwait']);
    const named = { ...kuwait, title: 'ضبط شبكة إرهابية' };
    expect(assess('Kuwait', named)?.verdict).toMatchObject({ captured: true, reason: 'lead' });
    expect(assess('Kuwait', kuwait, { ...CURRENT_SIGNALS, regionAdjectives: false })?.verdict.reason).toBe('lead');
    expect(assess('Kuwait', kuwait, { ...CURRENT_SIGNALS, regionNames: false })).toBeUndefined();
  });

  it('looks for a name only in articles of a language that writes it so', () => {
    expect(assess('Kuwait', { ...kuwait, lang: 'fa' })).toBeUndefined();
    expect(mentioned('Tunisia', { title: 'Parité en Tunisie', text: '', lang: 'fr' })).toEqual([
      'region-name: Tunisie',
    ]);
    expect(assess('Tunisia', { title: 'Parité en Tunisie', text: '', lang: 'de' })).toBeUndefined();
    // An article of unknown language: names in a script of their own only.
    expect(assess('Kuwait', { ...kuwait, lang: undefined })?.verdict.captured).toBe(true);
    expect(assess('الكويت', { title: 'Koweït : un réseau démantelé', text: '' })).toBeUndefined();
    expect(assess('الكويت', { title: 'Koweït : un réseau démantelé', text: '', lang: 'fr' })?.verdict.captured).toBe(
      true,
    );
  });

  it('in letters with a case, wants the name written as a proper name', () => {
    const meeting = { title: 'Ordre du jour', text: 'La séance ouvre la réunion du conseil municipal.', lang: 'fr' };
    expect(assess('روينيون', meeting)).toBeUndefined();
    const island = { title: 'Cyclone sur La Réunion', text: '', lang: 'fr' };
    expect(mentioned('روينيون', island)).toEqual(['region-name: La Réunion']);
  });

  it('in Arabic, wants the definite article when the name has it, and not otherwise', () => {
    const finance = { title: 'الأزمة المالية', text: 'تحسن الوضع المالي للشركات.', lang: 'ar' };
    expect(assess('Mali', finance)).toBeUndefined();
    expect(mentioned('Mali', { title: 'هجوم في شمال مالي', text: '', lang: 'ar' })).toEqual(['region-name: مالي']);
    // A name that has the article is found behind the clitics the matcher already reads (ل + ال = لل).
    const visit = assess('Iraq', { title: 'زيارة للعراق', text: '', lang: 'ar' });
    expect(visit?.verdict.captured).toBe(true);
    expect(visit?.mentions.map((m) => m.form)).toEqual(['region-name']);
  });

  it("reads the name's case endings, but not adjectives or compounds built on it", () => {
    const russian = { title: 'Выборы в Германии', text: '', lang: 'ru' };
    expect(mentioned('Germany', russian)).toEqual(['inflected: Германии']);
    // Adjectives and compounds of a name the reader did not type meet other words (Beschleuniger for Niger); in
    // Arabic, only its nisba is read, and never in another language's article (Persian writes كويت too).
    expect(assess('Kuwait', { title: 'نیروهای کویتی', text: '', lang: 'fa' })).toBeUndefined();
    // An agency credit stays a credit: وكالة الصحافة الفرنسية is AFP.
    const afp = { title: 'حادث', text: 'وقع حادث في المدينة، قال مصدر لوكالة الصحافة الفرنسية.', lang: 'ar' };
    expect(assess('France', afp)?.verdict).toMatchObject({ captured: false, reason: 'asides-only' });
    expect(assess('Нигер', { title: 'Der Beschleuniger läuft', text: '', lang: 'de' })).toBeUndefined();
  });

  it('applies to every term the query names, excluded ones included', () => {
    expect(assess('Kuwait ISIS', kuwait)).toBeUndefined();
    expect(assess('Kuwait داعش', { ...kuwait, text: `${kuwait.text} تنتمي لتنظيم داعش` })?.verdict.captured).toBe(true);
    expect(assess('إرهابية -Kuwait', kuwait)).toBeUndefined();
    expect(assess('إرهابية', kuwait)?.verdict.captured).toBe(true);
  });
});
