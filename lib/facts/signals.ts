// Finds what makes a news sentence worth keeping — figures, dates and ranges, durations, quotations, attributed speech —
// with word lists and token-by-token checks (no regular expressions over page text), in Arabic, English, French and Russian.
import { readNumbers, type NumberMention } from './numbers';
import { isArabic } from '../text/word-variants';
import { isSpeechWord } from './speaker';
import { findForm, type Word } from './words';

export interface Signals {
  /** Exact figures that are neither part of a date nor of a duration ("6 آلاف", "$4.3 billion", "three"). */
  quantities: number;
  /** Vague amounts ("hundreds", "مئات", "dozens") and small numbers spelled out ("two schools", "four tankers"). */
  vague: number;
  /** Figures that are sums of money or percentages, the figures news readers quote most. */
  money: number;
  /** Dates to the day: a month name beside a day number ("16 مايو", "March 9", "du 10 au 24 juin"). */
  dates: number;
  /** Coarser times: a month alone or with a year ("في مارس (آذار) 2022"), a year after a cue ("منذ عام 2022", "in 2014"). */
  periods: number;
  /** Ranges of numbers ("بين 20 و30 يونيو", "20 to 40 minutes", "10–12 градусов"). */
  ranges: number;
  durations: number;
  /** Quotations of at least three words (short quoted names like «إكس» do not count). */
  quotes: number;
  /** An attribution verb or phrase: قال، أعلن، said, told, selon, заявил… */
  speech: boolean;
  /** Keys of every number stated, for redundancy and merging. */
  numbers: string[];
}

const set = (words: string) => new Set(words.split(' '));

// English month names only count when capitalised; "may" and "march" also need a number beside them.
const EN_MONTHS = set('january february march april may june july august september october november december sept');
const EN_ANCHORED = set('may march');
// Wire style shortens months before a day ("Nov. 5", "Oct. 26"); written with a capital and a number beside them only,
// as "Mar", "Jan" and "Dec" are names too.
const EN_ABBREVIATED = set('jan feb mar apr jun jul aug sep oct nov dec');
// Egyptian/Gulf and Levantine Arabic names (folded), and French. "مارس" (also a verb), "نيسان" (also a car maker)
// and "آب" (folds to "اب", father) need an anchor: a number, "شهر", or "الماضي/المقبل" beside them.
const OTHER_MONTHS = set(
  'يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر ' +
    'كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين ' +
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
);
const AR_ANCHORED = set('مارس نيسان اب');
// Russian months by stem, for their case forms ("января", "в январе"); May is matched whole ("майор" is a major).
const RU_MONTH_PREFIXES = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const RU_MAY = set('май мая мае');
const MONTH_BEFORE = set('شهر شهري month mois месяц');
const MONTH_AFTER = set('الماضي المقبل الحالي الجاري القادم');
// Words before a four-digit number that make it a year.
const YEAR_CUES = set(
  'عام العام سنه منذ حتى بحلول مطلع نهايه in since by until before after of from early late en depuis avant apres в с до к году',
);
const YEAR_AFTER = set('г год году года');

// Duration units (folded). Arabic duals ("ساعتين", "ليومين") are durations on their own; the rest need a number before.
const DUAL_UNITS = set('ساعتين ساعتان يومين يومان اسبوعين اسبوعان شهرين شهران عامين عامان سنتين سنتان دقيقتين');
const UNITS = set(
  'ساعه ساعات يوم ايام اسبوع اسابيع شهر اشهر شهور سنه سنوات سنين عام اعوام عاما دقيقه دقائق ثانيه ثوان عقد عقود ' +
    'second seconds minute minutes hour hours day days week weeks month months year years decade decades ' +
    'seconde secondes heure heures jour jours semaine semaines mois an ans annee annees ' +
    'секунд секунды минут минуты минуту час часа часов день дня дней сутки суток неделю недели недель месяц месяца месяцев год года лет',
);
const HALF = set('half نصف ونصف demi');
const OR = set('or او ou или');
// Words joining the two ends of a range; dashes are checked on the text between the numbers.
const RANGE_WORDS = set('و and to au a до по');
const RANGE_DASHES = set('- – —');

const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₽']);
const CURRENCIES = set(
  'dollar dollars euro euros pound pounds yen percent percentage livres pourcent ' +
    'دولار دولارا دولارات يورو جنيه جنيها جنيهات درهم دراهم ريال ريالا دينار ليره ليرات ' +
    'рубль рублей рубля доллар долларов евро процент процента процентов',
);
// "في المائة", "per cent", "pour cent": the second word names the unit.
const PERCENT_SECOND = set('المائه المئه cent');
const PERCENT_SIGNS = new Set(['%', '٪']);
// Spelled-out numbers below this are usually incidental counts ("two districts", "four air tankers").
const SMALL_WORD_NUMBER = 20;

// Opening → closing quotation mark, as character codes: « », “ ”, „ “, " ".
const QUOTE_PAIRS = new Map([
  [0xab, 0xbb],
  [0x201c, 0x201d],
  [0x201e, 0x201c],
  [0x22, 0x22],
]);

function isUpper(c: string): boolean {
  return c !== c.toLowerCase();
}

function monthAt(tokens: readonly Word[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const besideNumber = Boolean(prev?.isDigits || next?.isDigits);
  if (EN_MONTHS.has(t.norm) && isUpper(t.raw[0])) return !EN_ANCHORED.has(t.norm) || besideNumber;
  if (EN_ABBREVIATED.has(t.norm) && isUpper(t.raw[0])) return besideNumber;
  // Looked up through Arabic clitics too ("وأيار").
  const base = findForm(OTHER_MONTHS, t.forms);
  if (base !== undefined) {
    if (!AR_ANCHORED.has(base)) return true;
    // The Levantine August must be written "آب" with madda; "أب" (father) folds to the same letters.
    if (base === 'اب' && !t.raw.includes('آب')) return false;
    return (
      besideNumber ||
      MONTH_BEFORE.has(prev?.norm ?? '') ||
      MONTH_AFTER.has(next?.norm ?? '') ||
      Boolean(prev && monthLike(prev))
    );
  }
  return RU_MAY.has(t.norm) || (t.norm.charCodeAt(0) >= 0x0430 && RU_MONTH_PREFIXES.some((p) => t.norm.startsWith(p)));
}

function monthLike(t: Word): boolean {
  return EN_MONTHS.has(t.norm) || findForm(OTHER_MONTHS, t.forms) !== undefined;
}

function unitAt(t: Word): 'dual' | 'unit' | undefined {
  const word = t.norm;
  if (DUAL_UNITS.has(word)) return 'dual';
  if (UNITS.has(word)) return 'unit';
  // Only a one-letter preposition is peeled ("ليومين", "بساعتين"); "عام" in "الأمين العام" keeps its article and is no unit.
  if (word.length <= 4 || !isArabic(word) || !'لبو'.includes(word[0])) return undefined;
  const bare = word.slice(1);
  if (DUAL_UNITS.has(bare)) return 'dual';
  return UNITS.has(bare) ? 'unit' : undefined;
}

/** Quotations of three words or more; one left open at the end of the sentence counts too. */
function countQuotes(text: string): number {
  let count = 0;
  let close = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (close === 0) {
      close = QUOTE_PAIRS.get(c) ?? 0;
      spaces = 0;
    } else if (c === close) {
      if (spaces >= 2) count++;
      close = 0;
    } else if (c === 0x20 || c === 0xa0) {
      spaces++;
    }
  }
  return close !== 0 && spaces >= 2 ? count + 1 : count;
}

/** A figure stated as money ("$4.3 billion", "280 مليون دولار", "400 euros") or as a percentage ("81.5 في المائة", "30 %"). */
function isMoneyOrShare(tokens: readonly Word[], text: string, m: NumberMention): boolean {
  let before = tokens[m.first].start - 1;
  while (before >= 0 && text[before] === ' ') before--;
  if (CURRENCY_SIGNS.has(text[before])) return true;
  const end = tokens[m.last].end;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\u00a0' || text[after] === '\u202f')) after++;
  if (PERCENT_SIGNS.has(text[after])) return true;
  const next = tokens[m.last + 1];
  if (!next) return false;
  return findForm(CURRENCIES, next.forms) !== undefined || PERCENT_SECOND.has(tokens[m.last + 2]?.norm ?? '');
}

function joinsRange(tokens: readonly Word[], text: string, a: NumberMention, b: NumberMention): boolean {
  if (b.first === a.last + 1) return RANGE_DASHES.has(text.slice(tokens[a.last].end, tokens[b.first].start).trim());
  return b.first === a.last + 2 && RANGE_WORDS.has(tokens[a.last + 1].norm);
}

/**
 * The signals of one sentence (`tokens` are splitWords(text)). Numbers are claimed in order — by dates, then years,
 * then durations — and whatever is left is a quantity, so "16 مايو" is a date and "ساعتين" a duration, never a figure.
 */
export function readSignals(text: string, tokens: readonly Word[]): Signals {
  const mentions = readNumbers(tokens, text);
  const endingAt = new Map<number, number>();
  const startingAt = new Map<number, number>();
  mentions.forEach((m, k) => {
    endingAt.set(m.last, k);
    startingAt.set(m.first, k);
  });
  const used = new Set<number>();
  let dates = 0;
  let periods = 0;
  let ranges = 0;
  let durations = 0;

  // A mention and the range partner before or after it, marked as part of a date or a duration.
  const claim = (k: number | undefined) => {
    if (k === undefined || used.has(k)) return;
    used.add(k);
    const before = mentions[k - 1];
    const after = mentions[k + 1];
    if (before && !used.has(k - 1) && joinsRange(tokens, text, before, mentions[k])) {
      used.add(k - 1);
      ranges++;
    }
    if (after && !used.has(k + 1) && joinsRange(tokens, text, mentions[k], after)) {
      used.add(k + 1);
      ranges++;
    }
  };

  let lastMonth = -10;
  for (let i = 0; i < tokens.length; i++) {
    if (!monthAt(tokens, i)) continue;
    const before = endingAt.get(i - 1);
    const after = startingAt.get(i + 1);
    const isDay = (k: number | undefined) =>
      k !== undefined && mentions[k].digits && mentions[k].value >= 1 && mentions[k].value <= 31;
    // "16 مايو (أيار)" names one date twice.
    if (i - lastMonth > 2) {
      if (isDay(before) || isDay(after)) dates++;
      else periods++;
    }
    lastMonth = i;
    if (before !== undefined && mentions[before].digits) claim(before);
    if (after !== undefined && mentions[after].digits) claim(after);
  }

  mentions.forEach((m, k) => {
    if (
      used.has(k) ||
      !m.digits ||
      m.first !== m.last ||
      m.value < 1900 ||
      m.value > 2099 ||
      !Number.isInteger(m.value)
    )
      return;
    const prev = tokens[m.first - 1];
    const next = tokens[m.first + 1];
    if ((prev && (YEAR_CUES.has(prev.norm) || monthLike(prev))) || (next && YEAR_AFTER.has(next.norm))) {
      used.add(k);
      periods++;
    }
  });

  let lastDuration = -10;
  for (let i = 0; i < tokens.length; i++) {
    const unit = unitAt(tokens[i]);
    if (!unit) continue;
    const half = HALF.has(tokens[i - 1]?.norm ?? '');
    // "two and a half hours": the number sits up to three tokens before "half".
    const before = half
      ? [i - 2, i - 3, i - 4].map((j) => endingAt.get(j)).find((k) => k !== undefined)
      : endingAt.get(i - 1);
    const orNumber = OR.has(tokens[i + 1]?.norm ?? '') ? startingAt.get(i + 2) : undefined;
    if (unit === 'dual' || half || (before !== undefined && !used.has(before)) || orNumber !== undefined) {
      // "ساعتين ونصف ساعة" is one duration.
      if (i - lastDuration > 2) durations++;
      lastDuration = i;
      claim(before);
      claim(orNumber);
    }
  }

  let quantities = 0;
  let vague = 0;
  let money = 0;
  mentions.forEach((m, k) => {
    if (used.has(k) || m.time) return;
    const next = mentions[k + 1];
    if (next && !used.has(k + 1) && joinsRange(tokens, text, m, next)) {
      used.add(k + 1);
      ranges++;
    }
    if (Number.isNaN(m.value) || (!m.digits && m.value < SMALL_WORD_NUMBER)) vague++;
    else quantities++;
    if (isMoneyOrShare(tokens, text, m)) money++;
  });

  return {
    quantities,
    vague,
    money,
    dates,
    periods,
    ranges,
    durations,
    quotes: countQuotes(text),
    speech: tokens.some((t) => isSpeechWord(t.norm)),
    numbers: mentions.map((m) => m.key),
  };
}
