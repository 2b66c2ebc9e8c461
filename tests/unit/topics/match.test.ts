import { describe, expect, it } from 'vitest';
import { compileTopics, relatedStem, type TopicInput } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';

function run(topics: TopicInput[] | string, article: { title: string; text: string; url?: string; lang?: string }) {
  const input = typeof topics === 'string' ? [{ id: 't', query: topics }] : topics;
  return matchTopics(article, compileTopics(input));
}
const matches = (query: string, title: string, text = '', extra: { url?: string; lang?: string } = {}) =>
  run(query, { title, text, ...extra }).length > 0;

describe('matchTopics', () => {
  it('reports hits with positions in the original title and text', () => {
    const title = 'Talks on Ukraine’s grain';
    const text = 'Kyiv and Moscow met in Istanbul.\n\nThe NEW YORK office said Ukraine would export grain.';
    const [match] = run([{ id: 'ua', query: 'ukraine OR "new york"' }], { title, text });
    expect(match.topicId).toBe('ua');
    expect(
      match.hits.map((h) => [h.field, (h.field === 'title' ? title : text).slice(h.start, h.end), h.term]),
    ).toEqual([
      ['title', 'Ukraine’s', 'ukraine'],
      ['text', 'NEW YORK', '"new york"'],
      ['text', 'Ukraine', 'ukraine'],
    ]);
    expect(match.mentions).toBe(3);
  });

  it('finds Arabic words behind clitics, without stemming', () => {
    const text = 'وقال إن أوكرانيا مستعدة';
    expect(matches('أوكرانيا', 'وصول وفد لأوكرانيا')).toBe(true);
    expect(matches('أوكرانيا', 'محادثات روسيا وأوكرانيا')).toBe(true);
    expect(matches('غزة', 'قصف بغزة')).toBe(true);
    expect(matches('سلام', 'دعوة للسلام')).toBe(true);
    expect(matches('اوكرانيا', 'الجيش الأوكراني يتقدم', text.replace('أوكرانيا', 'كييف'))).toBe(false);
    expect(matches('أوكران*', 'الجيش الأوكراني يتقدم')).toBe(true);
    const [match] = run('غزة', { title: 'قصف بغزةَ', text: '' });
    expect('قصف بغزةَ'.slice(match.hits[0].start, match.hits[0].end)).toBe('غزةَ');
  });

  it('finds French elisions and English possessives, highlighting the word itself', () => {
    const title = 'Macron parle de l’Ukraine et d’Ukraine’s';
    const hits = run('ukraine', { title, text: '' })[0].hits.map((h) => title.slice(h.start, h.end));
    expect(hits).toEqual(['Ukraine', 'Ukraine’s']);
  });

  it('matches Chinese on characters', () => {
    expect(matches('乌克兰', '乌克兰总统泽连斯基')).toBe(true);
    expect(matches('"伊斯坦布尔"', '土耳其伊斯坦布尔会谈')).toBe(true);
    expect(matches('乌克兰', '克兰乌')).toBe(false);
  });

  it('applies AND, exclusions and phrases', () => {
    expect(matches('ukraine grain', 'Ukraine grain deal')).toBe(true);
    expect(matches('ukraine grain', 'Ukraine talks')).toBe(false);
    expect(matches('ukraine -football', 'Ukraine football team')).toBe(false);
    expect(matches('"grain deal"', 'the grain export deal')).toBe(false);
    expect(matches('"grain deal"', 'the Grain  Deal')).toBe(true);
  });

  it('keeps phrases and NEAR inside one paragraph', () => {
    expect(matches('"grain deal"', 'x', 'Ukraine exports grain\nDeal or no deal')).toBe(false);
    expect(matches('grain NEAR/4 ukraine', 'Grain from the south of Ukraine')).toBe(true);
    expect(matches('ukraine NEAR/3 grain', 'Grain from the south of Ukraine')).toBe(false);
    expect(matches('grain NEAR/5 ukraine', 'x', 'Ukraine\n\ngrain')).toBe(false);
  });

  it('applies site: and lang: filters', () => {
    expect(matches('ukraine site:bbc.co.uk', 'Ukraine', '', { url: 'https://www.bbc.co.uk/news/1' })).toBe(true);
    expect(matches('ukraine site:bbc.co.uk', 'Ukraine', '', { url: 'https://example.com/' })).toBe(false);
    expect(matches('ukraine -site:bbc.co.uk', 'Ukraine', '', { url: 'https://news.bbc.co.uk/x' })).toBe(false);
    expect(matches('ukraine lang:fr', 'Ukraine', '', { lang: 'fr-FR' })).toBe(true);
    expect(matches('ukraine lang:fr', 'Ukraine', '', { lang: 'en' })).toBe(false);
    expect(matches('ukraine lang:fr', 'Ukraine', '')).toBe(false);
  });

  it('needs a mention in the title or lead, or in two passages of the body, unless minMentions says otherwise', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const body = `${filler}Ukraine was mentioned once.`;
    expect(matches('ukraine', 'Weather', body)).toBe(false);
    // A teaser naming the topic twice is still one passage.
    expect(matches('ukraine OR kyiv', 'Weather', `${body} Kyiv too.`)).toBe(false);
    expect(matches('ukraine', 'Weather', `${body}\n\nUkraine again, in another paragraph.`)).toBe(true);
    expect(matches('ukraine', 'Weather', `${body} ${filler}Ukraine again, far away.`)).toBe(true);
    expect(matches('ukraine', 'Weather', `Ukraine first. ${body}`)).toBe(true);
    expect(matches('ukraine', 'Ukraine weather', body)).toBe(true);
    // A NEAR pair deep in the body counts when one of the query's words stands at the top.
    expect(matches('grain NEAR/2 exports', 'Grain prices', `${filler}Grain exports fell.`)).toBe(true);
    expect(matches('grain NEAR/2 exports', 'Prices', `${filler}Grain exports fell.`)).toBe(false);
    expect(run([{ id: 't', query: 'ukraine', minMentions: 1 }], { title: 'Weather', text: body })).toHaveLength(1);
    expect(run([{ id: 't', query: 'ukraine', minMentions: 3 }], { title: 'Ukraine', text: body })).toHaveLength(0);
  });

  it('lets a word built on a topic word at the top make a topic named deeper down prominent', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const deep = `${filler}Ukraine was mentioned once.`;
    expect(matches('ukraine', 'Ukrainian officials meet', deep)).toBe(true);
    expect(matches('ukraine', 'Weather', `The Ukrainian president spoke. ${deep}`)).toBe(true);
    // The derived word never matches by itself, and deep down it does not count as a second passage.
    expect(matches('ukraine', 'Ukrainian officials meet', filler)).toBe(false);
    expect(matches('ukraine', 'Weather', `${deep}\n\nUkrainian officials agreed.`)).toBe(false);
    // Arabic nisba: الأوكراني in the lead, لأوكرانيا once in the body.
    const arabicDeep = `${'كلمات أخرى عن موضوع مختلف. '.repeat(20)}الضمان الأمني لأوكرانيا.`;
    expect(matches('أوكرانيا', 'لقاء مع نظيره الأوكراني', arabicDeep)).toBe(true);
    expect(matches('أوكرانيا', 'لقاء مع نظيره الأوكراني', arabicDeep.replace('لأوكرانيا', 'لكييف'))).toBe(false);
    // A phrase, a prefix or an excluded word gets no derived forms.
    expect(matches('"ukraine war"', 'Ukrainian officials', `${filler}The Ukraine war goes on.`)).toBe(false);
    expect(matches('energy -ukraine', 'Ukrainian energy', 'Energy prices rose.')).toBe(true);
    const compiled = compileTopics([{ id: 't', query: 'ukraine' }], { relatedForms: false });
    expect(matchTopics({ title: 'Ukrainian officials meet', text: deep }, compiled)).toEqual([]);
  });

  it('builds derived-word stems only from plain words with a telling stem', () => {
    expect(relatedStem('ukraine')).toBe('ukrain');
    expect(relatedStem('украина')).toBe('украин');
    expect(relatedStem('україна')).toBe('україн');
    expect(relatedStem('اوكرانيا')).toBe('اوكراني');
    expect(relatedStem('israel')).toBe('israel');
    expect(relatedStem('غزه')).toBeUndefined();
    expect(relatedStem('oil')).toBeUndefined();
    expect(relatedStem('g20')).toBeUndefined();
    expect(relatedStem('乌克兰')).toBeUndefined();
  });

  it('scores title and lead above the body', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const [inTitle] = run('ukraine', { title: 'Ukraine', text: 'x' });
    const [inLead] = run('ukraine', { title: 'x', text: 'Ukraine said.' });
    const [inBody] = run('ukraine', { title: 'x', text: `${filler}Ukraine.\n\nUkraine.` });
    expect([inTitle.score, inLead.score, inBody.score]).toEqual([3, 2, 2]);
    expect(inBody.mentions).toBe(2);
  });

  it('skips topics that do not parse and returns only matching ones', () => {
    const compiled = compileTopics([
      { id: 'bad', query: '"unclosed' },
      { id: 'ua', query: 'ukraine' },
      { id: 'fr', query: 'france' },
    ]);
    expect(matchTopics({ title: 'Ukraine', text: '' }, compiled).map((m) => m.topicId)).toEqual(['ua']);
    expect(matchTopics({ title: '', text: '' }, compileTopics([]))).toEqual([]);
  });
});
