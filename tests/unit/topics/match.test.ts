import { describe, expect, it } from 'vitest';
import { compileTopics, CURRENT_SIGNALS, PREVIOUS_SIGNALS, type TopicInput } from '@/lib/topics/compile';
import { assessTopics, matchTopics } from '@/lib/topics/match';

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
    // The adjective counts (a place named only by its adjective); an unrelated word sharing letters does not.
    expect(matches('اوكرانيا', 'الجيش الأوكراني يتقدم', text.replace('أوكرانيا', 'كييف'))).toBe(true);
    expect(matches('بوتين', 'بوتينات', '')).toBe(false);
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

  it('needs the title or the lead, or a fifth of the paragraphs (two at least), unless minMentions says otherwise', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const body = `${filler}Ukraine was mentioned once.`;
    expect(matches('ukraine', 'Weather', body)).toBe(false);
    // A teaser naming the topic twice is still one paragraph.
    expect(matches('ukraine OR kyiv', 'Weather', `${body} Kyiv too.`)).toBe(false);
    expect(matches('ukraine', 'Weather', `${body}\n\nUkraine again, in another paragraph.`)).toBe(true);
    expect(matches('ukraine', 'Ukraine weather', body)).toBe(true);
    expect(matches('ukraine', 'Weather', `Ukraine first. ${body}`)).toBe(true);
    // Two paragraphs out of twelve are a passing mention.
    const long = Array.from({ length: 10 }, () => filler).join('\n\n');
    expect(matches('ukraine', 'Weather', `${long}\n\n${body}\n\nUkraine again.`)).toBe(false);
    // A NEAR pair deep in the body counts when one of the query's words stands at the top.
    expect(matches('grain NEAR/2 exports', 'Grain prices', `${filler}Grain exports fell.`)).toBe(true);
    expect(matches('grain NEAR/2 exports', 'Prices', `${filler}Grain exports fell.`)).toBe(false);
    expect(run([{ id: 't', query: 'ukraine', minMentions: 1 }], { title: 'Weather', text: body })).toHaveLength(1);
    expect(run([{ id: 't', query: 'ukraine', minMentions: 3 }], { title: 'Ukraine', text: body })).toHaveLength(0);
  });

  it('counts a place named only by its adjective (Ukrainian, اليونانية), but not a longer name’s', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    expect(matches('ukraine', 'Ukrainian officials meet', filler)).toBe(true);
    expect(matches('greece', 'Markets', 'The Greek crash deepened.')).toBe(false);
    expect(matches('اليونان', 'انهيار البورصة اليونانية', 'تراجعت الأسهم')).toBe(true);
    expect(matches('اليمن', 'قصف', 'سقطت قذائف على الأراضي اليمنية')).toBe(true);
    expect(matches('jamaica', 'Jamaican police arrest two', filler)).toBe(true);
    // Nigerian is Nigeria's adjective, and Niger Delta another name.
    expect(matches('niger', 'Nigerian senate adjourns', filler)).toBe(false);
    expect(matches('niger', 'Oil spill in the Niger Delta', filler)).toBe(false);
    expect(matches('nigeria', 'Nigerian senate adjourns', filler)).toBe(true);
    // Appl+ication is not an adjective of Apple.
    expect(matches('apple', 'New application rules', filler)).toBe(false);
    // An excluded word excludes its adjective too.
    expect(matches('energy -ukraine', 'Ukrainian energy', 'Energy prices rose.')).toBe(false);
    // The previous rule: an adjective only made a topic named elsewhere prominent.
    const deep = `${filler}Ukraine was mentioned once.`;
    const previous = compileTopics([{ id: 't', query: 'ukraine' }], PREVIOUS_SIGNALS);
    expect(matchTopics({ title: 'Ukrainian officials meet', text: filler }, previous)).toEqual([]);
    expect(matchTopics({ title: 'Ukrainian officials meet', text: deep }, previous)).toHaveLength(1);
  });

  it('finds case endings in Russian, Ukrainian, Polish and German articles, and German compounds', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    expect(matches('Германия', 'Визит канцлера в Германии', '')).toBe(true);
    expect(matches('Путин', 'Встреча с Путиным', '')).toBe(true);
    expect(matches('Україна', 'Допомога Україні', '')).toBe(true);
    expect(matches('"Fundusz Odbudowy"', 'Sejm o Funduszu Odbudowy', '', { lang: 'pl' })).toBe(true);
    expect(matches('Deutschland', 'Die Wirtschaft Deutschlands', '', { lang: 'de' })).toBe(true);
    expect(matches('Bahn', 'Die Bahngesellschaft streikt', '', { lang: 'de' })).toBe(true);
    expect(matches('Bahn', 'Neue Regionalbahn', '', { lang: 'de' })).toBe(true);
    // Only in German articles, and never a short word's endings (iran is not irak).
    expect(matches('Bahn', 'Die Bahngesellschaft streikt', '', { lang: 'en' })).toBe(false);
    expect(matches('iran', 'Irak', filler, { lang: 'pl' })).toBe(false);
    const without = compileTopics([{ id: 't', query: 'Германия' }], { ...CURRENT_SIGNALS, inflection: false });
    expect(matchTopics({ title: 'Визит канцлера в Германии', text: '' }, without)).toEqual([]);
  });

  it('finds Polish locative and dative forms whose last consonant alternates (w Polsce, w Pradze, o Piotrze)', () => {
    const pl = { lang: 'pl' };
    for (const [query, title] of [
      ['Polska', 'Inflacja w Polsce spada'], // k → c
      ['Ameryka', 'Wybory w Ameryce'], // k → c
      ['Praga', 'Szczyt w Pradze'], // g → dz
      ['Kanada', 'Pożary lasów w Kanadzie'], // d → dz
      ['Malta', 'Wakacje na Malcie'], // t → c (feminine)
      ['Kuwejt', 'Ambasada w Kuwejcie'], // t → c
      ['Budapeszt', 'Spotkanie w Budapeszcie'], // t → c after sz
      ['Belfast', 'Protest w Belfaście'], // st → ść
      ['Piotr', 'Rozmowa o Piotrze'], // r → rz
      ['Kair', 'Rozmowy w Kairze'], // r → rz
      ['"Ameryka Południowa"', 'Lewica w Ameryce Południowej'],
      ['"Piotr Müller"', 'Rozmowa o Piotrze Müllerze'],
    ] as const)
      expect(matches(query, title, '', pl), `${query}: ${title}`).toBe(true);
    // A country the reader named in English finds its Polish name's locative (Kuwait → Kuwejt → Kuwejcie).
    expect(matches('Kuwait', 'Ambasada w Kuwejcie', '', pl)).toBe(true);
  });

  it('alternates only the last consonant, only before -e/-ie, only in Polish articles and never a short stem', () => {
    const pl = { lang: 'pl' };
    // Only the locative/dative ending follows the alternated stem: polscy is no Polska, pradziad no Praga.
    expect(matches('Polska', 'Polscy kibice', '', pl)).toBe(false);
    expect(matches('Praga', 'Mój pradziad', '', pl)).toBe(false);
    expect(matches('Kanada', 'Kanadzi', '', pl)).toBe(false);
    // No ch → sz: folded, musze (mucha's locative) is also muszę, "I must".
    expect(matches('Mucha', 'Muszę to powiedzieć', '', pl)).toBe(false);
    // Not in other languages' articles.
    expect(matches('Polska', 'Polsce', '', { lang: 'en' })).toBe(false);
    expect(matches('Polska', 'Polsce', '')).toBe(false);
    // A stem under four letters never alternates: Rada (rad) does not find radzie, Duda not Dudzie.
    expect(matches('Rada', 'W radzie nadzorczej', '', pl)).toBe(false);
    expect(matches('Duda', 'O Dudzie', '', pl)).toBe(false);
    // Masculine nouns in k and g take -u (Tusku), not an alternated -e.
    expect(matches('Tusk', 'Tusce', '', pl)).toBe(false);
    // Each consonant takes its own ending: g → dz + e (Pradze), so Pradzie (Prada's d → dz + ie) is no Praga.
    expect(matches('Praga', 'Moda w Pradzie', '', pl)).toBe(false);
    expect(matches('Piotr', 'Piotrzec', '', pl)).toBe(false);
  });

  it('restores the Arabic article after ل (للحكومة is ل + الحكومة) and peels clitic chains', () => {
    for (const title of ['دعم للحكومة', 'دعم وللحكومة', 'وبالحكومة', 'فبالحكومة', 'كالحكومة'])
      expect(matches('الحكومة', title), title).toBe(true);
    expect(matches('العراق', 'زيارة للعراق')).toBe(true);
    expect(matches('"الاحتباس الحراري"', 'مواجهة للاحتباس الحراري')).toBe(true);
    const [match] = run('الحكومة', { title: 'دعم للحكومة', text: '' });
    expect('دعم للحكومة'.slice(match.hits[0].start, match.hits[0].end)).toBe('لحكومة');
  });

  it('does not count datelines, agency credits and attributions', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    expect(matches('واس', 'حادث', `واس - الرياض: وقع حادث في المدينة. ${filler}`)).toBe(false);
    expect(matches('الرياض', 'حادث', `واس - الرياض: وقع حادث في المدينة. ${filler}`)).toBe(false);
    expect(matches('رويترز', 'حادث', `بيروت (رويترز) - وقع حادث في المدينة. ${filler}`)).toBe(false);
    expect(matches('reuters', 'Plague', `Three cases were found, officials told Reuters on Monday. ${filler}`)).toBe(
      false,
    );
    expect(matches('"شؤون خليجية"', 'مقال', `حسب صحيفة «شؤون خليجية» الإلكترونية توفي أربعة. ${filler}`)).toBe(false);
    expect(matches('madrid', 'Davis Cup', `MADRID — Rafael Nadal kept Spain alive. ${filler}`)).toBe(false);
    // A score is no dateline; the subject of a report is no credit.
    expect(matches('donetsk', 'Draw', `Shakhtar Donetsk were held to a 1-1 draw. ${filler}`)).toBe(true);
    expect(matches('madrid', 'Davis Cup', `Madrid hosted the finals. ${filler}`)).toBe(true);
    // The topic tester's minMentions: 1 still lists them.
    expect(run([{ id: 't', query: 'reuters', minMentions: 1 }], { title: 'x', text: 'told Reuters.' })).toHaveLength(1);
  });

  it('does not count a word of a longer name (Inner Mongolia, Christian County, دلتا النيجر)', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    expect(matches('mongolia', 'Plague', `The Inner Mongolia health commission said so. ${filler}`)).toBe(false);
    expect(matches('christian', 'Christian County deputies arrest two', filler)).toBe(false);
    expect(matches('النيجر', 'تسرب نفطي في دلتا النيجر', filler)).toBe(false);
    expect(matches('mongolia', 'Plague', `The new Mongolia policy. ${filler}`)).toBe(true);
    // A school, a street or a tournament named after a person or a city, in any case and of any length.
    expect(matches('"Angela Davis"', 'Grève', `Établissements en grève : lycée Angela Davis, 93. ${filler}`)).toBe(
      false,
    );
    expect(matches('واشنطن', 'التصنيف', `صعد بعد تتويجه بلقب دورة واشنطن الدولية. ${filler}`)).toBe(false);
    expect(matches('"Angela Davis"', 'Hommage', `Angela Davis a parlé au lycée. ${filler}`)).toBe(true);
    expect(matches('واشنطن', 'زيارة', `وصل الوزير إلى واشنطن أمس. ${filler}`)).toBe(true);
  });

  it('finds a country named in another language by its Arabic nisba, in an Arabic article, but no homograph', () => {
    const filler = 'كلمات أخرى عن أمور أخرى. '.repeat(20);
    const ar = { lang: 'ar' };
    expect(matches('Lebanon', 'طيران الاحتلال ينتهك الأجواء اللبنانية', filler, ar)).toBe(true);
    expect(matches('Israel', 'قصف', `عاد طيران الاستطلاع الإسرائيلي. ${filler}`, ar)).toBe(true);
    expect(matches('Yemen', 'قصف', `سقطت قذائف على الأراضي اليمنية. ${filler}`, ar)).toBe(true);
    // مالية is "financial", رومانية "Roman"; مصر is too short a stem to tell; an English article takes none.
    expect(matches('Mali', 'الأزمة المالية', filler, ar)).toBe(false);
    expect(matches('Romania', 'آثار الإمبراطورية الرومانية', filler, ar)).toBe(false);
    expect(matches('Egypt', 'المنتخب المصري', filler, ar)).toBe(false);
    expect(matches('لبنان', 'Lebanese army deploys', 'Filler words. '.repeat(30), { lang: 'en' })).toBe(false);
    const without = compileTopics([{ id: 't', query: 'Lebanon' }], { ...CURRENT_SIGNALS, regionAdjectives: false });
    expect(matchTopics({ title: 'انتهاك الأجواء اللبنانية', text: filler, lang: 'ar' }, without)).toEqual([]);
  });

  it('takes a topic named only by adjectives as prominent in the lead only in its first sentence', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const assess = (text: string, signals = CURRENT_SIGNALS) =>
      assessTopics({ title: 'Record of the week', text }, compileTopics([{ id: 't', query: 'Australia' }], signals))[0]
        ?.verdict;
    const second = `A new EP came out on Friday. The Australian musician is a sucker for sentiment. ${filler}`;
    expect(assess(second)).toMatchObject({ captured: false, reason: 'passing' });
    expect(assess(`Australian troops landed on Monday. ${filler}`)).toMatchObject({ captured: true, reason: 'lead' });
    // The name itself still counts anywhere in the lead, and the previous reading is one signal away.
    expect(assess(second.replace('The Australian', 'In Australia the'))?.reason).toBe('lead');
    expect(assess(second, { ...CURRENT_SIGNALS, adjectiveLead: false })?.reason).toBe('lead');
  });

  it('counts the fifth of the paragraphs over paragraphs of five words or more, not photo lines or bylines', () => {
    const body = (topic = 'other matters') => `The council met again this week to talk about ${topic} in the town.`;
    const paragraphs = [
      'Photo',
      'Video',
      'By staff',
      ...[1, 2, 3, 4, 5, 6].map(() => body()),
      body('the harbour bridge'),
      body(),
      body('the harbour bridge'),
    ];
    const assess = (text: string, signals = CURRENT_SIGNALS) =>
      assessTopics({ title: 'Town news', text }, compileTopics([{ id: 't', query: '"harbour bridge"' }], signals))[0]
        ?.verdict;
    // Two of the nine paragraphs of five words or more: a fifth; two of all twelve would not be.
    expect(assess(paragraphs.join('\n\n'))).toMatchObject({ captured: true, reason: 'paragraphs' });
    expect(assess(paragraphs.join('\n\n'), { ...CURRENT_SIGNALS, fullParagraphs: false })).toMatchObject({
      captured: false,
      reason: 'passing',
    });
    // The same three lines as paragraphs of the article keep the topic a passing mention.
    const long = paragraphs.map((p) => (p.split(' ').length < 5 ? body() : p));
    expect(assess(long.join('\n\n'))).toMatchObject({ captured: false, reason: 'passing' });
  });

  it('explains every verdict: where the topic stands and what made it prominent, or why not', () => {
    const filler = 'Filler words about other things. '.repeat(20);
    const assess = (query: string, title: string, text: string) =>
      assessTopics({ title, text }, compileTopics([{ id: 't', query }]))[0]?.verdict.reason;
    expect(assess('ukraine', 'Ukraine talks', filler)).toBe('title');
    expect(assess('ukraine', 'Talks', `Ukraine said. ${filler}`)).toBe('lead');
    expect(assess('ukraine', 'Talks', `${filler}\n\nUkraine.\n\nUkraine.`)).toBe('paragraphs');
    expect(assess('ukraine', 'Talks', `${filler}Ukraine.`)).toBe('passing');
    expect(assess('reuters', 'Talks', `Officials told Reuters. ${filler}`)).toBe('asides-only');
    expect(assess('ukraine', 'Talks', filler)).toBeUndefined();
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
