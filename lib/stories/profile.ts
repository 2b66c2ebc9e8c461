// What an article says, reduced to what tells one story from another: the words of its headline, lead and key facts
// (folded, clitics peeled, lightly stemmed) and the figures it states, read alike however they are written.
import { readNumbers, type NumberMention } from '../facts/numbers';
import { contentStems, splitWords, type Word } from '../facts/words';
import { normalizeTerm } from '../text/normalize';

/** The parts of a stored article the grouping reads: what the digest already holds for every article. */
export interface StoryArticle {
  title: string;
  /** The lead: the start of the text. */
  excerpt: string;
  facts: readonly { text: string }[];
}

export interface StoryProfile {
  /** Term → weight before rarity; a term takes the weight of the strongest part it appears in. */
  terms: Map<string, number>;
  /** The headline's terms: what the article is about, which the other article must share (see titleCoverage). */
  title: Set<string>;
  /** The headline announces a routine statement (a congratulation or condolence cable): see storySimilarity. */
  routine: boolean;
}

/** Which signals build a profile; the benchmark switches them off one at a time to measure each. */
export interface ProfileOptions {
  /** Weight of headline, lead and key-fact terms. */
  titleWeight: number;
  leadWeight: number;
  factWeight: number;
  /** Figures as terms of their own ("#10.9"), read by lib/facts/numbers: "9ر10", "10,9" and "10.9" are one figure. */
  figures: boolean;
  /**
   * Leave out dates, datelines and the words of routine formulas, and mark routine statements (congratulation and
   * condolence cables), whose headlines must then agree on their rarest word.
   */
  dropBoilerplate: boolean;
}

export const PROFILE_OPTIONS: ProfileOptions = {
  titleWeight: 1,
  leadWeight: 1,
  factWeight: 0.5,
  figures: true,
  dropBoilerplate: true,
};

// A figure term cannot collide with a word.
const FIGURE = '#';

const folded = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(normalizeTerm));

// Dates say when an article was written, not what happened: every article of a day shares them, and a wire
// dateline ("26 شوال 1436 الموافق 11 أغسطس 2015") would otherwise tie a day's unrelated dispatches together.
const DATE_WORDS = folded(`
  يناير فبراير مارس ابريل أبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر نوفمبر ديسمبر
  كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
  محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة ذو ذي الموافق موافق
  السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة أمس اليوم غدا
  january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow`);
// The fixed words of routine statements: two congratulation cables to two countries share all of them and
// nothing else, so they must not count as shared news.
const FORMULA_WORDS = folded(`
  برقية برقيتي برقيات تهنئة التهنئة تهاني التهاني تبريكات التبريكات أسمى آيات عبارات أصدق أحر
  تعزية التعزية تعازي التعازي عزاء العزاء مواساة المواساة صادق مشاعر
  الرحمة المغفرة يتغمد الفقيد الفقيدة فسيح جناته ذويه الصبر السلوان
  بمناسبة ذكرى اليوم الوطني الاستقلال متمنيا متمنيًا دوام الصحة السعادة الازدهار والتقدم
  يهنئ هنأ يعزي عزى
  congratulations congratulatory congratulate congratulated condolences condolence cable message sympathy
  wishes prosperity anniversary independence`);

// Headline words that make an article a routine statement.
const ROUTINE_WORDS = folded(`
  يهنئ يهنئان هنأ هنّأ تهنئة برقية برقيتي يعزي يعزيان عزى تعزية يواسي مواساة
  congratulates congratulated congratulations condolences condolence`);

function isBoilerplate(token: Word): boolean {
  return token.forms.some((form) => DATE_WORDS.has(form) || FORMULA_WORDS.has(form));
}

/** A year ("1436", "2015") or a day beside a month name: the date of the news, not a figure of it. */
function isDate(tokens: readonly Word[], m: NumberMention): boolean {
  if (m.digits && Number.isInteger(m.value) && m.value >= 1300 && m.value <= 2100) return true;
  const before = tokens[m.first - 1];
  const after = tokens[m.last + 1];
  return Boolean((after && isBoilerplate(after)) || (before && isBoilerplate(before)));
}

function addText(profile: StoryProfile, text: string, weight: number, options: ProfileOptions, title: boolean): void {
  const tokens = splitWords(text);
  const skip = new Uint8Array(tokens.length);
  const add = (term: string) => {
    profile.terms.set(term, Math.max(profile.terms.get(term) ?? 0, weight));
    if (title) profile.title.add(term);
  };
  if (options.figures) {
    for (const m of readNumbers(tokens, text)) {
      for (let i = m.first; i <= m.last; i++) skip[i] = 1;
      if (!m.time && !(options.dropBoilerplate && isDate(tokens, m))) add(FIGURE + m.key);
    }
  }
  if (options.dropBoilerplate) tokens.forEach((t, i) => isBoilerplate(t) && (skip[i] = 1));
  const words = tokens.filter((_, i) => !skip[i]);
  for (const stem of contentStems(words)) add(stem);
}

/** The profile of one article: pure, and cheap enough (a few hundred words) to compute on every capture. */
export function storyProfile(article: StoryArticle, options: ProfileOptions = PROFILE_OPTIONS): StoryProfile {
  const profile: StoryProfile = {
    terms: new Map(),
    title: new Set(),
    routine:
      options.dropBoilerplate && splitWords(article.title).some((t) => t.forms.some((form) => ROUTINE_WORDS.has(form))),
  };
  addText(profile, article.title, options.titleWeight, options, true);
  addText(profile, article.excerpt, options.leadWeight, options, false);
  if (options.factWeight > 0) {
    for (const fact of article.facts) addText(profile, fact.text, options.factWeight, options, false);
  }
  return profile;
}
