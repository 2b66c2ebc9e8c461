// Story grouping: the failure modes of reading today's fact merge as a same-story signal, one test each, and the
// incremental index agreeing with the batch grouping.
import { describe, expect, it } from 'vitest';
import {
  groupStories,
  STRONG_LINK,
  StoryIndex,
  STORY_WINDOW_MS,
  storyLinks,
  WEAK_LINK_RANK,
  type StoryLink,
} from '@/lib/stories/group';
import { bodyTerms, storyProfile } from '@/lib/stories/profile';
import { SIMILARITY_OPTIONS } from '@/lib/stories/similarity';
import { article, BACKGROUND, type TestArticle } from './fixtures';

/** The story ids of `ids` after grouping them with the beat's other news. */
function storiesOf(articles: TestArticle[]): Map<string, string> {
  const storyOf = new Map<string, string>();
  for (const story of groupStories([...BACKGROUND, ...articles])) {
    for (const a of story.articles) storyOf.set(a.id, story.id);
  }
  return storyOf;
}

function expectOneStory(articles: TestArticle[]): void {
  const storyOf = storiesOf(articles);
  expect(new Set(articles.map((a) => storyOf.get(a.id))).size).toBe(1);
  for (const bg of BACKGROUND) expect(storyOf.get(bg.id)).toBe(bg.id);
}

function expectApart(articles: TestArticle[]): void {
  const storyOf = storiesOf(articles);
  expect(new Set(articles.map((a) => storyOf.get(a.id))).size).toBe(articles.length);
}

const INFLATION = [
  article(
    'inflation-1',
    'التضخم في مصر يقفز إلى ٩٪ في فبراير',
    'القاهرة - قال الجهاز المركزي للتعبئة العامة والإحصاء إن معدل التضخم السنوي في المدن المصرية قفز إلى ٩٪ في فبراير مقابل ١١٫٩٪ في يناير.',
    [],
    0,
    'site-a',
  ),
  article(
    'inflation-2',
    'ارتفاع معدل التضخم السنوي في مصر إلى 9 في المائة',
    'أعلن الجهاز المركزي للتعبئة العامة والإحصاء في مصر ارتفاع التضخم السنوي في المدن إلى 9 في المائة خلال فبراير، بعد 11,9 في المائة في يناير.',
    [],
    2,
    'site-b',
  ),
  article(
    'inflation-3',
    'مصر: التضخم 9% والأسعار الأساسية 9ر10',
    'أظهرت بيانات الجهاز المركزي للتعبئة العامة والإحصاء أن التضخم السنوي في مدن مصر بلغ 9% في فبراير، فيما سجل التضخم الأساسي 9ر10 بالمئة.',
    ['وسجل التضخم الأساسي 10.9 في المائة بحسب البنك المركزي المصري.'],
    5,
    'site-c',
  ),
];

describe('groupStories: figures written differently', () => {
  it('reads ٩٪, 9 في المائة and 9%, 11,9 and ١١٫٩, 9ر10 and 10.9 as the same figures', () => {
    const [a, b, c] = INFLATION.map((x) => storyProfile(x));
    for (const figure of ['#9', '#11.9']) {
      expect(a.terms.has(figure)).toBe(true);
      expect(b.terms.has(figure)).toBe(true);
    }
    expect(c.terms.has('#9')).toBe(true);
    expect(c.terms.has('#10.9')).toBe(true);
    // "في المائة" is the unit, not a hundred; dates are not figures of the news.
    expect(b.terms.has('#100')).toBe(false);
  });

  it('groups the three copies of one wire story into one story', () => {
    expectOneStory(INFLATION);
  });
});

// Wire updates repeat most of the first report's lead and change its count.
const BLAST = [
  article(
    'blast-1',
    'مقتل 12 شخصا في انفجار بسوق شعبي في مدينة الحديدة',
    'قتل 12 شخصا وأصيب 30 آخرون في انفجار وقع صباح اليوم في سوق شعبي مزدحم بمدينة الحديدة، بحسب مصادر طبية.',
    ['وقالت مصادر طبية إن 12 شخصا قتلوا وأصيب 30 في انفجار سوق الحديدة.'],
    0,
    'site-a',
  ),
  article(
    'blast-2',
    'ارتفاع حصيلة انفجار سوق الحديدة إلى 17 قتيلا',
    'ارتفع عدد قتلى الانفجار الذي وقع صباح اليوم في سوق شعبي مزدحم بمدينة الحديدة إلى 17 شخصا وأصيب 42 آخرون، بحسب مصادر طبية.',
    ['وقال مسؤول في المستشفى إن حصيلة انفجار سوق الحديدة ارتفعت إلى 17 قتيلا و42 جريحا.'],
    9,
    'site-b',
  ),
];

describe('groupStories: a developing story', () => {
  it('groups two reports of one story when they are all the topic holds (every shared word is as common as can be)', () => {
    const stories = groupStories(BLAST);
    expect(stories).toHaveLength(1);
    expect(stories[0].articles.map((a) => a.id)).toEqual(['blast-2', 'blast-1']);
  });

  it('keeps reports whose casualty count rose as the story developed in one story', () => {
    expectOneStory(BLAST);
  });

  it('does so in English too', () => {
    expectOneStory([
      article(
        'quake-1',
        'Earthquake in northern Chile kills at least 8',
        'An earthquake of magnitude 6.8 struck northern Chile near Antofagasta on Monday, killing at least 8 people.',
        ['At least 8 people were killed when the 6.8 magnitude quake hit near Antofagasta.'],
      ),
      article(
        'quake-2',
        'Chile quake death toll rises to 23 as rescuers search Antofagasta rubble',
        'The death toll from the magnitude 6.8 earthquake in northern Chile rose to 23, officials said, as rescuers searched collapsed buildings in Antofagasta.',
        ['Officials said 23 people died in the quake near Antofagasta.'],
        20,
      ),
    ]);
  });
});

describe('groupStories: the whole text', () => {
  const body = (a: TestArticle, text: string): TestArticle => ({ ...a, storyTerms: bodyTerms(text) });
  const FIRE = [
    body(
      article(
        'fire-a',
        'Fire at Jubail petrochemical plant',
        'Civil defence teams were called to an industrial site in Jubail late on Tuesday.',
        [],
        0,
        'site-a',
      ),
      'Civil defence teams were called to an industrial site in Jubail late on Tuesday. The blaze broke out in a ' +
        'storage tank of the Al-Khafji Polymers plant; 14 workers were evacuated and 3 treated for smoke inhalation. ' +
        'Al-Khafji Polymers said production lines were shut as a precaution.',
    ),
    body(
      article(
        'fire-b',
        'Jubail plant blaze under control, company says',
        'A spokesman said the situation was under control and an investigation had begun.',
        [],
        5,
        'site-b',
      ),
      'A spokesman said the situation was under control and an investigation had begun. The fire started in a storage ' +
        'tank at Al-Khafji Polymers; 14 workers were evacuated and 3 were treated for smoke inhalation, and the ' +
        'production lines shut down as a precaution remain closed.',
    ),
  ];

  it('groups two reports whose headlines and leads differ when their bodies tell the same story', () => {
    expectOneStory(FIRE);
    const [a, b] = FIRE.map((x) => ({ ...x, storyTerms: undefined }));
    expectApart([a, b]);
  });

  it('does not let a body stand in for a headline: a roundup that mentions a story stays apart from it', () => {
    const roundup = body(
      article(
        'roundup',
        'Markets close higher on bank earnings',
        'Saudi shares closed higher on Tuesday as banks reported strong quarterly earnings.',
      ),
      'Saudi shares closed higher on Tuesday as banks reported strong quarterly earnings. Elsewhere, a fire at the ' +
        'Al-Khafji Polymers plant in Jubail shut production lines; 14 workers were evacuated and 3 treated for smoke ' +
        'inhalation, the company said. Banks led the gains.',
    );
    expect(storiesOf([...FIRE, roundup]).get('roundup')).toBe('roundup');
    const index = new StoryIndex();
    const inBody = new StoryIndex({ similarity: { ...SIMILARITY_OPTIONS, coverageInBody: true } });
    for (const a of [...BACKGROUND, ...FIRE, roundup]) [index, inBody].forEach((i) => i.add(a));
    expect(index.similarity('roundup', 'fire-a')).toBe(0);
    expect(inBody.similarity('roundup', 'fire-a')).toBeGreaterThan(0);
  });
});

describe('groupStories: routine statements', () => {
  it('keeps congratulation cables to different countries apart', () => {
    expectApart([
      article(
        'cable-ghana',
        'خادم الحرمين الشريفين يهنئ رئيس غانا بذكرى استقلال بلاده',
        'بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة لرئيس جمهورية غانا بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة.',
      ),
      article(
        'cable-senegal',
        'خادم الحرمين الشريفين يهنئ رئيس السنغال بذكرى استقلال بلاده',
        'بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة لرئيس جمهورية السنغال بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة.',
      ),
    ]);
  });

  it('keeps condolence cables on different disasters apart, in Arabic and in English', () => {
    expectApart([
      article(
        'condolence-nepal',
        'ولي العهد يعزي رئيس نيبال في ضحايا الزلزال',
        'بعث ولي العهد برقية عزاء ومواساة لرئيس نيبال في ضحايا الزلزال، سائلا المولى أن يتغمد المتوفين بواسع رحمته وأن يمن على المصابين بالشفاء العاجل.',
      ),
      article(
        'condolence-peru',
        'ولي العهد يعزي رئيسة بيرو في ضحايا الفيضانات',
        'بعث ولي العهد برقية عزاء ومواساة لرئيسة بيرو في ضحايا الفيضانات، سائلا المولى أن يتغمد المتوفين بواسع رحمته وأن يمن على المصابين بالشفاء العاجل.',
      ),
    ]);
    expectApart([
      article(
        'en-condolence-nepal',
        'King sends condolences to President of Nepal over earthquake victims',
        'The King sent a cable of condolences to the President of Nepal over the victims of the earthquake, wishing the injured a speedy recovery.',
      ),
      article(
        'en-condolence-peru',
        'King sends condolences to President of Peru over flood victims',
        'The King sent a cable of condolences to the President of Peru over the victims of the floods, wishing the injured a speedy recovery.',
      ),
    ]);
  });

  it('still groups two sites reporting the same cable', () => {
    expectOneStory([
      article(
        'cable-ghana-a',
        'خادم الحرمين الشريفين يهنئ رئيس غانا بذكرى استقلال بلاده',
        'بعث خادم الحرمين الشريفين برقية تهنئة لرئيس جمهورية غانا بمناسبة ذكرى استقلال بلاده.',
        [],
        0,
        'site-a',
      ),
      article(
        'cable-ghana-b',
        'الملك يبعث برقية تهنئة لرئيس غانا',
        'هنأ خادم الحرمين الشريفين رئيس غانا بذكرى استقلال بلاده، متمنيا لشعب غانا المزيد من التقدم والازدهار.',
        [],
        3,
        'site-b',
      ),
    ]);
  });
});

describe('groupStories: routine items of one kind', () => {
  it('keeps two markets’ daily closes apart', () => {
    expectApart([
      article(
        'stocks-tokyo',
        'الأسهم اليابانية تغلق على ارتفاع بدعم من شركات التصدير',
        'أغلق مؤشر نيكي القياسي في بورصة طوكيو مرتفعا 1.2 بالمئة عند 38 ألف نقطة بدعم من أسهم شركات التصدير.',
        ['وقاد الصعود سهما تويوتا وسوني مع تراجع الين أمام الدولار.'],
      ),
      article(
        'stocks-karachi',
        'الأسهم الباكستانية تغلق على انخفاض بضغط من البنوك',
        'أغلق مؤشر بورصة كراتشي منخفضا 0.8 بالمئة عند 41 ألف نقطة بضغط من أسهم البنوك.',
        ['وتصدر الخاسرين سهم بنك حبيب بعد إعلان نتائجه الفصلية.'],
      ),
    ]);
  });

  it('keeps the same kind of item a week apart in separate stories (the time window)', () => {
    const weekLater = 7 * 24;
    const storyOf = storiesOf([
      article('fire-1', 'حريق في مستودع بحي الصناعية في الرياض', 'اندلع حريق في مستودع بحي الصناعية في الرياض.'),
      article(
        'fire-2',
        'حريق في مستودع بحي الصناعية في الرياض',
        'اندلع حريق في مستودع بحي الصناعية في الرياض.',
        [],
        weekLater,
      ),
    ]);
    expect(STORY_WINDOW_MS).toBeLessThan(weekLater * 60 * 60 * 1000);
    expect(storyOf.get('fire-1')).not.toBe(storyOf.get('fire-2'));
  });
});

// One report filed by five sites (wire copies), and a letters column that mentions it among other things: weakly like
// each report, while each report has four closer ones.
const STRIKE = [
  'Dockers at Port Talbot walk out over pay',
  'Port Talbot dockers walk out over pay',
  'Port Talbot dockers walk out in pay dispute',
  'Dockers walk out at Port Talbot over pay',
  'Pay dispute: Port Talbot dockers walk out',
].map((title, i) =>
  article(
    `strike-${i + 1}`,
    title,
    'Dock workers at Port Talbot walked out on Monday in a dispute over pay, halting ships at the harbour, the union said.',
    [],
    i,
    `site-${i + 1}`,
  ),
);
const LETTERS = article(
  'letters',
  'Letters: Port Talbot, the bridge and the nurses',
  'Readers write about the dockers at Port Talbot who walked out over pay, and about the new bridge.',
  [],
  3,
  'site-letters',
);

describe('groupStories: weak links', () => {
  it('keeps a column that touches a story told by five sites apart from it: each report has closer ones', () => {
    const index = new StoryIndex<TestArticle>();
    for (const a of [...BACKGROUND, ...STRIKE, LETTERS]) index.add(a);
    const similarity = index.similarity('letters', 'strike-1');
    expect(similarity).toBeGreaterThanOrEqual(0.044);
    expect(similarity).toBeLessThan(STRONG_LINK);
    const storyOf = storiesOf([...STRIKE, LETTERS]);
    expect(new Set(STRIKE.map((a) => storyOf.get(a.id)))).toEqual(new Set(['strike-1']));
    expect(storyOf.get('letters')).toBe('letters');
    // Read without the nearest-neighbour test, the column's weak links chain it into the story.
    const every = groupStories([...BACKGROUND, ...STRIKE, LETTERS], { linkRank: Infinity });
    expect(every.find((s) => s.id === 'strike-1')?.articles.map((a) => a.id)).toContain('letters');
  });

  it('still joins two articles by a weak link when each is the other’s nearest', () => {
    expectOneStory([STRIKE[0], LETTERS]);
  });

  it('joins by a weak link only while neither article has WEAK_LINK_RANK stronger links; a strong link always', () => {
    const articles = ['a', 'b', 'c', 'd', 'e', 'x'].map((id) => article(id, id, id));
    const link = (a: string, b: string, similarity: number): StoryLink => ({ a, b, similarity });
    const around = (weak: number, others: string[], among = 0.08) => [
      link('x', 'a', weak),
      ...others.map((o) => link('a', o, among)),
      ...others.flatMap((o, i) => others.slice(i + 1).map((p) => link(o, p, among))),
    ];
    const storyOfX = (links: StoryLink[]) =>
      groupStories(articles, {}, links).find((s) => s.articles.some((a) => a.id === 'x'));
    expect(WEAK_LINK_RANK).toBe(4);
    // a has four links stronger than its link to x: x stays apart.
    expect(storyOfX(around(0.05, ['b', 'c', 'd', 'e']))?.articles).toHaveLength(1);
    // three: x joins.
    expect(storyOfX(around(0.05, ['b', 'c', 'd']))?.articles).toHaveLength(5);
    // links as strong as x's do not outrank it.
    expect(storyOfX(around(0.08, ['b', 'c', 'd', 'e']))?.articles).toHaveLength(6);
    // a strong link joins whatever else a links to.
    expect(storyOfX(around(STRONG_LINK, ['b', 'c', 'd', 'e'], 0.3))?.articles).toHaveLength(6);
  });
});

describe('storyLinks', () => {
  it('links the same articles alike whether it reads their profiles itself or is handed them', () => {
    const articles = [...BACKGROUND, ...INFLATION];
    const links = storyLinks(articles);
    expect(links.some((l) => l.a === 'inflation-1' && l.b === 'inflation-2')).toBe(true);
    expect(
      storyLinks(
        articles,
        {},
        articles.map((a) => storyProfile(a)),
      ),
    ).toEqual(links);
  });
});

describe('StoryIndex', () => {
  const blast = BLAST;

  it('groups captures one at a time as the batch grouping does, newest report first', () => {
    const index = new StoryIndex<TestArticle>();
    for (const a of [...BACKGROUND, ...INFLATION, ...blast]) index.add(a);
    const batch = groupStories([...BACKGROUND, ...INFLATION, ...blast]);
    const shape = (stories: { id: string; articles: { id: string }[] }[]) =>
      stories.map((s) => [s.id, s.articles.map((a) => a.id)]);
    expect(shape(index.stories())).toEqual(shape(batch));
    const inflation = index.stories().find((s) => s.id === 'inflation-1');
    expect(inflation?.articles.map((a) => a.id)).toEqual(['inflation-3', 'inflation-2', 'inflation-1']);
    expect(index.storyId('inflation-3')).toBe('inflation-1');
  });

  it('groups a page added at once as the batch grouping does, and goes on one capture at a time after it', () => {
    const index = new StoryIndex<TestArticle>();
    index.addAll([...BACKGROUND, ...INFLATION]);
    const shape = (stories: { id: string; articles: { id: string }[] }[]) =>
      stories.map((s) => [s.id, s.articles.map((a) => a.id)]);
    expect(shape(index.stories())).toEqual(shape(groupStories([...BACKGROUND, ...INFLATION])));
    expect(index.size).toBe(BACKGROUND.length + INFLATION.length);
    index.addAll(blast);
    expect(shape(index.stories())).toEqual(shape(groupStories([...BACKGROUND, ...INFLATION, ...blast])));
    index.addAll([]);
    expect(index.size).toBe(BACKGROUND.length + INFLATION.length + blast.length);
  });

  it('names a story after its earliest article whatever the order of capture', () => {
    const index = new StoryIndex<TestArticle>();
    for (const a of [...BACKGROUND, blast[1]]) index.add(a);
    expect(index.storyId('blast-2')).toBe('blast-2');
    expect(index.add(blast[0])).toBe('blast-1');
    expect(index.storyId('blast-2')).toBe('blast-1');
  });

  it('splits off a weakly linked article once the story it touched has closer reports, and joins it again when they go', () => {
    const index = new StoryIndex<TestArticle>();
    const shape = (stories: { id: string; articles: { id: string }[] }[]) =>
      stories.map((s) => [s.id, s.articles.map((a) => a.id)]);
    for (const a of [...BACKGROUND, LETTERS, STRIKE[0]]) index.add(a);
    expect(index.storyId('strike-1')).toBe(index.storyId('letters'));
    for (const a of STRIKE.slice(1)) index.add(a);
    expect(index.storyId('letters')).toBe('letters');
    expect(index.storyId('strike-5')).toBe('strike-1');
    expect(shape(index.stories())).toEqual(shape(groupStories([...BACKGROUND, ...STRIKE, LETTERS])));
    for (const a of STRIKE.slice(1)) index.remove(a.id);
    expect(index.storyId('letters')).toBe(index.storyId('strike-1'));
    expect(shape(index.stories())).toEqual(shape(groupStories([...BACKGROUND, LETTERS, STRIKE[0]])));
  });

  it('splits a story when the article that linked it is removed, and replaces an article added twice', () => {
    const index = new StoryIndex<TestArticle>();
    for (const a of [...BACKGROUND, ...INFLATION]) index.add(a);
    const before = index.size;
    index.add(INFLATION[1]);
    expect(index.size).toBe(before);
    index.remove('inflation-1');
    index.remove('inflation-2');
    expect(index.storyId('inflation-3')).toBe('inflation-3');
    expect(index.storyId('inflation-1')).toBeUndefined();
    expect(index.size).toBe(before - 2);
  });
});

describe('groupStories: pages in a language the beat rarely reads', () => {
  it('keeps unrelated Spanish pages, and unrelated German pages, apart: their function words tie nothing together', () => {
    expectApart([
      article(
        'es-1',
        'El presidente inicia una gira por el sur del país con los ministros',
        'El presidente de la república llegó el lunes a la región con los ministros para una gira de tres días.',
      ),
      article(
        'es-2',
        'Los estudiantes del liceo marchan por las calles para pedir más becas',
        'Los estudiantes de la ciudad marcharon el lunes por las calles del centro para pedir más becas al ministerio.',
      ),
      article(
        'de-1',
        'Die Regierung plant mit den Ländern eine Reform der Pflege',
        'Der Minister sagte am Montag, die Reform der Pflege werde mit den Ländern für mehr Geld sorgen.',
      ),
      article(
        'de-2',
        'Die Bahn kündigt für den Sommer mehr Züge an der Küste an',
        'Die Bahn will im Sommer mit mehr Zügen an der Küste fahren, sagte der Sprecher am Montag.',
      ),
    ]);
  });
});
