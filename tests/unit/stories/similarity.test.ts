// reachesSimilarity: the same verdict as comparing storySimilarity with the threshold, for every pair and option set.
import { describe, expect, it } from 'vitest';
import { SAME_STORY } from '@/lib/stories/group';
import { storyProfile, type StoryProfile } from '@/lib/stories/profile';
import {
  differentPlaces,
  DocumentFrequencies,
  MIN_RARITY,
  reachesSimilarity,
  SIMILARITY_OPTIONS,
  storySimilarity,
  type SimilarityOptions,
} from '@/lib/stories/similarity';
import { article, BACKGROUND, type TestArticle } from './fixtures';

// One story told by two sites, beside the beat's other news.
const REPORTS = [
  article(
    'rate-1',
    'Central bank raises its main rate to 4.75 percent',
    'The central bank raised its main interest rate by a quarter point to 4.75 percent on Thursday, citing prices.',
    ['The bank raised its main rate to 4.75 percent, its third rise this year.'],
    0,
    'site-a',
  ),
  article(
    'rate-2',
    'Bank lifts main interest rate to 4.75% in third rise',
    'Policymakers lifted the main interest rate to 4.75% on Thursday, the third rise this year, as prices kept climbing.',
    ['The central bank lifted its rate to 4.75 percent.'],
    3,
    'site-b',
  ),
];

describe('reachesSimilarity', () => {
  const articles = [...BACKGROUND, ...REPORTS];
  const profiles = articles.map((a) => storyProfile(a));
  const frequencies = new DocumentFrequencies();
  for (const profile of profiles) frequencies.add(profile);
  const rarity = frequencies.snapshot();
  const options: SimilarityOptions[] = [
    SIMILARITY_OPTIONS,
    { ...SIMILARITY_OPTIONS, coverageInBody: true },
    { ...SIMILARITY_OPTIONS, titleCoverage: false },
    { ...SIMILARITY_OPTIONS, rarity: false },
  ];

  it('says what storySimilarity ≥ threshold says, for every pair, threshold and option set', () => {
    let reached = 0;
    let missedAboveZero = 0;
    for (const option of options) {
      for (const threshold of [0, SAME_STORY, 0.2, 0.5]) {
        for (const a of profiles) {
          for (const b of profiles) {
            const similarity = storySimilarity(a, b, rarity, option);
            expect(reachesSimilarity(a, b, rarity, threshold, option)).toBe(similarity >= threshold);
            if (threshold === SAME_STORY && option === SIMILARITY_OPTIONS && a !== b) {
              if (similarity >= threshold) reached++;
              else if (similarity > 0) missedAboveZero++;
            }
          }
        }
      }
    }
    // Both verdicts occur at the grouping's threshold, and pairs alike in part stay under it.
    expect(reached).toBeGreaterThan(0);
    expect(missedAboveZero).toBeGreaterThan(0);
  });

  it("links the two reports of one story and none of the beat's other news with them", () => {
    const [one, two] = profiles.slice(-2);
    expect(reachesSimilarity(one, two, rarity, SAME_STORY)).toBe(true);
    for (const other of profiles.slice(0, -2)) expect(reachesSimilarity(one, other, rarity, SAME_STORY)).toBe(false);
  });
});

describe('headlines that name different places', () => {
  // Two items of one municipal-election campaign from two towns, and one more from the first town.
  const amlaj = storyProfile(
    article(
      'amlaj',
      '30 لوحة توعوية للانتخابات البلدية بأملج',
      'أنهت اللجنة المحلية للانتخابات البلدية ببلدية محافظة أملج تركيب لوحات المراكز الانتخابية في المحافظة.',
    ),
  );
  const jouf = storyProfile(
    article(
      'jouf',
      'مركز إعلامي للانتخابات البلدية بالجوف',
      'وجه أمين منطقة الجوف رئيس اللجنة المحلية للانتخابات البلدية بإنشاء مركز إعلامي لمتابعة الانتخابات.',
    ),
  );
  const amlajAgain = storyProfile(
    article('amlaj-2', 'لوحات الانتخابات البلدية في أملج', 'ركبت بلدية أملج لوحات المراكز الانتخابية الثلاثة.'),
  );
  const noPlace = storyProfile(
    article('general', 'تعريف بالانتخابات البلدية', 'برنامج تعريفي عن الدورة الثالثة للانتخابات البلدية.'),
  );

  it('reads the word after a region, province or city word as a place, its prefixes peeled as in the headline', () => {
    expect(amlaj.places.size).toBeGreaterThan(0);
    expect([...amlaj.places].some((p) => amlaj.title.has(p))).toBe(true);
    expect([...jouf.places].some((p) => jouf.title.has(p))).toBe(true);
  });

  it('keeps two headlines naming different places apart, and only those', () => {
    expect(differentPlaces(amlaj, jouf)).toBe(true);
    expect(differentPlaces(amlaj, amlajAgain)).toBe(false);
    expect(differentPlaces(amlaj, noPlace)).toBe(false);
    const frequencies = new DocumentFrequencies();
    for (const p of [amlaj, jouf, amlajAgain, noPlace]) frequencies.add(p);
    const rarity = frequencies.snapshot();
    expect(storySimilarity(amlaj, jouf, rarity)).toBe(0);
    expect(storySimilarity(amlaj, jouf, rarity, { ...SIMILARITY_OPTIONS, places: false })).toBeGreaterThan(0);
    expect(storySimilarity(amlaj, amlajAgain, rarity)).toBeGreaterThan(0);
  });
});

describe('places the other articles name', () => {
  // One more item of the election campaign, from Makkah: its lead writes the city without a region or city word
  // before it (a wire dateline), so only the other articles tell that مكة is a place.
  const jouf = article(
    'jouf',
    'مركز إعلامي للانتخابات البلدية بالجوف',
    'وجه أمين منطقة الجوف رئيس اللجنة المحلية للانتخابات البلدية بإنشاء مركز إعلامي لمتابعة قيد الناخبين.',
  );
  const makkah = article(
    'makkah',
    'بدء قيد الناخبين للانتخابات البلدية بمكة المكرمة',
    'مكة المكرمة واس يبدأ الأحد القادم قيد الناخبين للانتخابات البلدية بمكة المكرمة في المراكز الانتخابية.',
  );
  const naming = [
    article('rain', 'أمطار على مكة المكرمة', 'هطلت أمطار غزيرة على منطقة مكة المكرمة مساء أمس.'),
    article('roads', 'صيانة طرق مكة المكرمة', 'بدأت أمانة منطقة مكة المكرمة صيانة الطرق الرئيسة.'),
  ];

  function snapshot(articles: TestArticle[]) {
    const frequencies = new DocumentFrequencies();
    for (const a of articles) frequencies.add(storyProfile(a));
    return frequencies.snapshot();
  }

  it('keeps apart two headlines naming different places when other articles name one of them as a place', () => {
    const rarity = snapshot([...BACKGROUND, jouf, makkah, ...naming]);
    const [a, b] = [storyProfile(jouf), storyProfile(makkah)];
    expect(storyProfile(makkah).places.size).toBe(0);
    expect(storySimilarity(a, b, rarity, { ...SIMILARITY_OPTIONS, knownPlaces: false })).toBeGreaterThanOrEqual(
      SAME_STORY,
    );
    expect(storySimilarity(a, b, rarity)).toBe(0);
    expect(reachesSimilarity(a, b, rarity, SAME_STORY)).toBe(false);
  });

  it('reads a term as a place once two articles, a fifth of those stating it, name it so', () => {
    const stating = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        article(`king-${i}`, `كلمة الملك في افتتاح الموسم ${i}`, 'ألقى الملك كلمة في الحفل.'),
      );
    const inHeadline = (places: ReadonlySet<string>) => [...storyProfile(makkah).title].some((t) => places.has(t));
    // مكة: named a place by two of the three articles stating it.
    expect(inHeadline(snapshot([...BACKGROUND, makkah, jouf, ...naming]).places)).toBe(true);
    // Named by one article only: not yet a place.
    expect(inHeadline(snapshot([...BACKGROUND, makkah, naming[0]]).places)).toBe(false);
    // الملك after "مدينة" in two articles of the twelve that state it: a word, not a place.
    const city = [
      article('city-1', 'توسعة مدينة الملك عبدالعزيز', 'بدأت توسعة مدينة الملك عبدالعزيز للعلوم.'),
      article('city-2', 'زيارة مدينة الملك فهد الطبية', 'زار الوفد مدينة الملك فهد الطبية.'),
    ];
    const king = storyProfile(city[0]).places;
    expect(king.size).toBeGreaterThan(0);
    for (const term of king) expect(snapshot([...city, ...stating(10)]).places.has(term)).toBe(false);
    for (const term of king) expect(snapshot([...city, ...stating(3)]).places.has(term)).toBe(true);
  });
});

describe('Rarity', () => {
  const holding = (...terms: string[]): StoryProfile => ({
    terms: new Map(terms.map((t) => [t, 1])),
    title: new Set(),
    summary: new Set(),
    routine: false,
    places: new Set(),
  });

  it('weighs a term by the Robertson–Spärck Jones IDF, and a term a third of the articles hold or more by ln 2', () => {
    const frequencies = new DocumentFrequencies();
    for (let i = 0; i < 9; i++) {
      frequencies.add(holding('everywhere', ...(i < 4 ? ['often'] : []), ...(i === 0 ? ['rare'] : [])));
    }
    const rarity = frequencies.snapshot();
    expect(rarity.idf('rare')).toBeCloseTo(Math.log(8.5 / 1.5));
    expect(rarity.idf('unseen')).toBeCloseTo(Math.log(9.5 / 0.5));
    // log(5.5 / 4.5) and log(0.5 / 9.5) are below the floor.
    expect(rarity.idf('often')).toBe(MIN_RARITY);
    expect(rarity.idf('everywhere')).toBe(MIN_RARITY);
    expect(MIN_RARITY).toBeCloseTo(Math.LN2);
  });
});
