// What an article says, reduced to what tells one story from another: the words of its headline, lead, key facts and
// body (folded, clitics peeled, lightly stemmed) and the figures it states, read alike however they are written.
import { readNumbers, type NumberMention } from '../facts/numbers';
import { arabicLexicon, contentStems, splitWords, type Word } from '../facts/words';
import { MAX_STORY_TERM_CHARS, MAX_STORY_TERMS } from '../limits';
import { normalizeTerm } from '../text/normalize';

/** The parts of a stored article the grouping reads: what the digest already holds for every article. */
export interface StoryArticle {
  title: string;
  /** The lead: the start of the text. */
  excerpt: string;
  facts: readonly { text: string }[];
  /** The body's terms and how often each occurs (bodyTerms, computed once when the article is captured). */
  storyTerms?: BodyTerms;
}

/** Term and number of occurrences. */
export type BodyTerms = readonly (readonly [string, number])[];

export interface StoryProfile {
  /** Term → weight before rarity; a term takes the weight of the strongest part it appears in. */
  terms: Map<string, number>;
  /** The headline's terms: what the article is about, which the other article must share (see titleCoverage). */
  title: Set<string>;
  /** The terms of its headline, lead and key facts: where the other headline's terms are looked for (a long body holds
   * most words of any headline on its beat). */
  summary: Set<string>;
  /** The headline announces a routine statement (a congratulation or condolence cable): see storySimilarity. */
  routine: boolean;
  /**
   * Terms its headline, lead or key facts name as a place: the word after "region", "province", "city" (منطقة مكة،
   * محافظة أملج، مدينة الرياض). Two headlines that each name such a place, and no place in common, are two stories.
   */
  places: Set<string>;
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
   * Leave out dates, datelines, a wire desk's label before a headline ("اقتصادي / …") and the words of routine
   * formulas, and mark routine statements (congratulation and condolence cables), whose headlines must then agree on
   * their rarest word.
   */
  dropBoilerplate: boolean;
  /** Weight of a body term that occurs once (zero: the body is not read). */
  bodyWeight: number;
  /** A body term that occurs n times weighs 1 + ln n times as much (else: once is as good as often). */
  bodyCounts: boolean;
  /**
   * Peel an Arabic one-letter proclitic (و ف ب ل ك) only where the article writes the rest too (arabicLexicon), so
   * بمكة and مكة are one term and بلدية keeps its ب; else Light10's blind rules (و always, ب/ل/ك never, للX as X).
   */
  lexicon: boolean;
}

export const PROFILE_OPTIONS: ProfileOptions = {
  titleWeight: 1,
  leadWeight: 1,
  factWeight: 0.5,
  figures: true,
  dropBoilerplate: true,
  bodyWeight: 0.45,
  bodyCounts: true,
  lexicon: true,
};

/** How much of a body bodyTerms reads: the start, where news puts what happened (and a bound on the work). */
export const BODY_CHARS = 6000;

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

// A wire desk's label before a headline ("عام / …", "اقتصادي/ …", as the Saudi Press Agency files): one of the desks'
// names and a slash. It says which desk filed the item, not what happened, and two items of one desk would otherwise
// share a headline word that no other site's report of the same story has. Only these names, so "الهلال / النصر"
// keeps both teams.
const DESK_WORDS = folded(`عام محلي سياسي اقتصادي رياضي ثقافي اجتماعي صحي علمي دولي عربي خليجي`);
const DESK_LABEL = /^\s*([\p{L}\p{M}]+)\s*\/\s*/u;

/** The headline without a wire desk's label. */
export function withoutDeskLabel(title: string): string {
  const label = DESK_LABEL.exec(title);
  return label && DESK_WORDS.has(normalizeTerm(label[1])) ? title.slice(label[0].length) : title;
}

// Function words of languages lib/facts/words does not list (Spanish, Portuguese, Italian, German, Dutch): in a topic
// where such pages are few, they are rare there, and would tie every page of the language together. Not German
// `war` (was): it is English's war, a story's word.
const FUNCTION_WORDS = folded(`
  el los las del al lo su sus con por para una unos unas es fue son ser como pero sin sobre entre hasta desde este esta
  estos estas ese esa muy ya sus tras ante según cuando donde porque han ha hay más menos también le les nos
  os um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas com sem foi são ser sua seu suas seus
  il lo gli della dello delle degli dei nel nella nelle negli sul sulla con per tra fra che non è sono alla alle al
  der die das den dem des ein eine einen einem einer eines und oder aber ist sind waren wird werden hat haben
  mit von zu zum zur für auf aus bei nach über unter vor durch gegen ohne um im am vom ins sich nicht auch noch wie
  als wenn dass es er sie wir ihr ihre sein seine kein keine mehr nur schon so
  het een van en op voor met zijn niet dat ook bij naar uit om worden werd`);

// Words that put a place's name after them: an administrative division or a settlement (منطقة الجوف، محافظة أملج).
const PLACE_WORDS = folded(`
  منطقة محافظة مدينة بلدة قرية ولاية إمارة مقاطعة إقليم
  region province governorate city town village`);

/** The stems of the words that follow a place word in a text's tokens (the words themselves as contentStems reads them). */
function placesOf(tokens: readonly Word[], lexicon: ReadonlySet<string> | undefined, into: Set<string>): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i].forms.some((form) => PLACE_WORDS.has(form))) continue;
    for (const stem of contentStems([tokens[i + 1]], lexicon)) into.add(stem);
  }
}

// Headline words that make an article a routine statement.
const ROUTINE_WORDS = folded(`
  يهنئ يهنئان هنأ هنّأ تهنئة برقية برقيتي يعزي يعزيان عزى تعزية يواسي مواساة
  congratulates congratulated congratulations condolences condolence`);

function isBoilerplate(token: Word): boolean {
  return token.forms.some((form) => DATE_WORDS.has(form) || FORMULA_WORDS.has(form) || FUNCTION_WORDS.has(form));
}

/** A year ("1436", "2015") or a day beside a month name: the date of the news, not a figure of it. */
function isDate(tokens: readonly Word[], m: NumberMention): boolean {
  if (m.digits && Number.isInteger(m.value) && m.value >= 1300 && m.value <= 2100) return true;
  const before = tokens[m.first - 1];
  const after = tokens[m.last + 1];
  return Boolean((after && isBoilerplate(after)) || (before && isBoilerplate(before)));
}

/**
 * The terms of a text in order, repeats included: its figures (one term per figure), then its content stems, an Arabic
 * word's proclitics peeled where `lexicon` (the article's words) holds the rest.
 */
function termsOf(
  text: string,
  tokens: readonly Word[],
  options: ProfileOptions,
  lexicon: ReadonlySet<string> | undefined,
): string[] {
  const skip = new Uint8Array(tokens.length);
  const terms: string[] = [];
  if (options.figures) {
    for (const m of readNumbers(tokens, text)) {
      for (let i = m.first; i <= m.last; i++) skip[i] = 1;
      if (!m.time && !(options.dropBoilerplate && isDate(tokens, m))) terms.push(FIGURE + m.key);
    }
  }
  if (options.dropBoilerplate) tokens.forEach((t, i) => isBoilerplate(t) && (skip[i] = 1));
  terms.push(
    ...contentStems(
      tokens.filter((_, i) => !skip[i]),
      lexicon,
    ),
  );
  return terms;
}

function addTerm(profile: StoryProfile, term: string, weight: number): void {
  profile.terms.set(term, Math.max(profile.terms.get(term) ?? 0, weight));
}

function addText(
  profile: StoryProfile,
  text: string,
  tokens: readonly Word[],
  weight: number,
  options: ProfileOptions,
  lexicon: ReadonlySet<string> | undefined,
  title: boolean,
): void {
  for (const term of termsOf(text, tokens, options, lexicon)) {
    addTerm(profile, term, weight);
    profile.summary.add(term);
    if (title) profile.title.add(term);
  }
}

/**
 * The body's terms with their counts, the most frequent first: what the background stores with an article when it
 * captures it, so the digest can compare whole texts without reading them again.
 */
export function bodyTerms(text: string, options: ProfileOptions = PROFILE_OPTIONS): [string, number][] {
  const counts = new Map<string, number>();
  const body = text.slice(0, BODY_CHARS);
  const tokens = splitWords(body);
  for (const term of termsOf(body, tokens, options, options.lexicon ? arabicLexicon(tokens) : undefined)) {
    if (term.length <= MAX_STORY_TERM_CHARS) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_STORY_TERMS);
}

/** The profile of one article: pure, and cheap enough (a few hundred words) to compute on every capture. */
export function storyProfile(article: StoryArticle, options: ProfileOptions = PROFILE_OPTIONS): StoryProfile {
  const profile: StoryProfile = {
    terms: new Map(),
    title: new Set(),
    summary: new Set(),
    places: new Set(),
    routine:
      options.dropBoilerplate && splitWords(article.title).some((t) => t.forms.some((form) => ROUTINE_WORDS.has(form))),
  };
  const title = options.dropBoilerplate ? withoutDeskLabel(article.title) : article.title;
  // The headline, lead and key facts are read with one vocabulary, so a word is peeled alike in each of them.
  const parts = [title, article.excerpt, ...(options.factWeight > 0 ? article.facts.map((f) => f.text) : [])];
  const tokens = parts.map(splitWords);
  let lexicon: Set<string> | undefined;
  if (options.lexicon) {
    lexicon = new Set();
    for (const t of tokens) arabicLexicon(t, lexicon);
  }
  addText(profile, title, tokens[0], options.titleWeight, options, lexicon, true);
  addText(profile, article.excerpt, tokens[1], options.leadWeight, options, lexicon, false);
  if (options.bodyWeight > 0) {
    for (const [term, count] of article.storyTerms ?? []) {
      addTerm(profile, term, options.bodyWeight * (options.bodyCounts ? 1 + Math.log(count) : 1));
    }
  }
  for (let i = 2; i < parts.length; i++)
    addText(profile, parts[i], tokens[i], options.factWeight, options, lexicon, false);
  for (const t of tokens) placesOf(t, lexicon, profile.places);
  return profile;
}
