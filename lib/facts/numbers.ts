// Reads the numbers a sentence states — digits in any grouping, Arabic-Indic digits, number words — as comparable keys,
// so "6,000", "6 آلاف" and "6 thousand" are the same figure when scoring facts and when grouping them across articles.
import { findForm, type Word } from './words';

export interface NumberMention {
  /** Canonical value ("6000", "2.5"), or a bucket for vague amounts ("~100" for hundreds/مئات). */
  key: string;
  /** Word range [first, last] of the mention. */
  first: number;
  last: number;
  /** Written with digits (years, days and quantities), rather than as words. */
  digits: boolean;
  /** NaN for vague amounts and clock times. */
  value: number;
  /** A clock time ("6:42", "19:30"): when something happened, not a figure. */
  time: boolean;
}

// Words that scale the number before them: "6 آلاف", "4.2 billion", "ثلاثة آلاف", "20 тыс.".
const MULTIPLIERS = new Map<string, number>([
  ['thousand', 1e3],
  ['thousands', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
  ['trillion', 1e12],
  ['الف', 1e3],
  ['الاف', 1e3],
  ['الفا', 1e3],
  ['مليون', 1e6],
  ['ملايين', 1e6],
  ['مليونا', 1e6],
  ['مليار', 1e9],
  ['مليارات', 1e9],
  ['mille', 1e3],
  ['milliers', 1e3],
  ['milliard', 1e9],
  ['milliards', 1e9],
  ['тыс', 1e3],
  ['тысяч', 1e3],
  ['тысячи', 1e3],
  ['тысяча', 1e3],
  ['млн', 1e6],
  ['миллион', 1e6],
  ['миллиона', 1e6],
  ['миллионов', 1e6],
  ['млрд', 1e9],
  ['миллиард', 1e9],
  ['миллиарда', 1e9],
  ['миллиардов', 1e9],
]);
// Spelled-out numbers (folded forms). "one"/"واحد" are left out: they are pronouns and articles far more often than figures.
const WORD_VALUES = new Map<string, number>();
const addWords = (value: number, words: string) => {
  for (const w of words.split(' ')) WORD_VALUES.set(w, value);
};
addWords(2, 'two اثنان اثنين اثنتان اثنتين deux два две');
addWords(3, 'three ثلاث ثلاثه trois три');
addWords(4, 'four اربع اربعه quatre четыре');
addWords(5, 'five خمس خمسه cinq пять');
addWords(6, 'six ست سته шесть');
addWords(7, 'seven سبع سبعه sept семь');
addWords(8, 'eight ثماني ثمانيه ثمان huit восемь');
addWords(9, 'nine تسع تسعه neuf девять');
addWords(10, 'ten عشر عشره dix десять');
addWords(11, 'eleven onze одиннадцать');
addWords(12, 'twelve douze двенадцать');
addWords(13, 'thirteen treize тринадцать');
addWords(14, 'fourteen quatorze четырнадцать');
addWords(15, 'fifteen quinze пятнадцать');
addWords(16, 'sixteen seize шестнадцать');
addWords(17, 'seventeen семнадцать');
addWords(18, 'eighteen восемнадцать');
addWords(19, 'nineteen девятнадцать');
addWords(20, 'twenty عشرون عشرين vingt двадцать');
addWords(30, 'thirty ثلاثون ثلاثين trente тридцать');
addWords(40, 'forty اربعون اربعين quarante сорок');
addWords(50, 'fifty خمسون خمسين cinquante пятьдесят');
addWords(60, 'sixty ستون ستين soixante шестьдесят');
addWords(70, 'seventy سبعون سبعين семьдесят');
addWords(80, 'eighty ثمانون ثمانين восемьдесят');
addWords(90, 'ninety تسعون تسعين девяносто');
addWords(100, 'hundred مئه مائه cent сто');
addWords(1000, 'thousand الف mille тысяча');
addWords(1e6, 'million مليون');
addWords(1e9, 'billion مليار milliard');
// Arabic writes 11–19 as unit + عشر ("اثنا عشر", "ثلاثة عشر") and 21–99 as unit + و + tens ("خمسة وعشرون"). Units
// read as figures only inside such a compound: the units of 11 and 12 have forms of their own that never stand alone,
// and "one"/"واحد" alone are left out of WORD_VALUES, but "twenty-one" and "واحد وعشرون" are 21.
const COMPOUND_UNITS = new Map<string, number>([
  ['احد', 1],
  ['احدي', 1],
  ['اثنا', 2],
  ['اثني', 2],
  ['اثنتا', 2],
  ['اثنتي', 2],
  ['واحد', 1],
  ['واحده', 1],
  ['one', 1],
  ['un', 1],
  ['une', 1],
  ['один', 1],
  ['одна', 1],
  ['одно', 1],
]);
const TEN = new Set(['عشر', 'عشره']);
// English and French join the parts of 17–99 with hyphens ("twenty-five", "dix-sept", "soixante-dix-neuf"); English
// and Russian also write tens and a unit with a space ("twenty five", "двадцать пять").
const HYPHEN = '-';
const SPACE = ' ';
// "vingt et un", "soixante-et-onze".
const AND_ONE = new Set(['et']);
// French counts 80–99 in twenties: "quatre-vingts", "quatre-vingt-dix-sept".
const SCORE = new Set(['vingt', 'vingts']);
// An ordinal is a position, not a figure: "twenty-first", "the fifty-fifth", "vingt-deuxieme".
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|\p{L}+ieme)$/u;

// Vague amounts ("thousands of", "آلاف الأسر"), bucketed by order of magnitude so "hundreds" and "مئات" compare equal.
const VAGUE = new Map<string, string>([
  ['dozens', '~10'],
  ['dozen', '12'],
  ['عشرات', '~10'],
  ['dizaines', '~10'],
  ['десятки', '~10'],
  ['hundreds', '~100'],
  ['مئات', '~100'],
  ['centaines', '~100'],
  ['сотни', '~100'],
  ['thousands', '~1000'],
  ['الاف', '~1000'],
  ['milliers', '~1000'],
  ['тысячи', '~1000'],
  ['millions', '~1e6'],
  ['ملايين', '~1e6'],
  ['billions', '~1e9'],
  ['مليارات', '~1e9'],
]);

// "الاثنين" is Monday far more often than "the two".
const NOT_NUMBERS = new Set(['الاثنين']);
// "9 في المائة", "9 بالمئة": per cent after a figure, not a hundred.
const PERCENT_WORDS = new Set(['مائه', 'مئه']);
// The decimal separator of Arabic wire copy (dpa, KUNA, SPA): "9ر10" is 10.9, its fraction written first.
const WIRE_DECIMAL = 'ر';

const THOUSANDS_GAP = new Set([',', '٬', '\u00a0', '\u202f', "'", '’']);
const DECIMAL_GAP = new Set(['.', '٫', ',']);

/** Looks a token up by its forms: as written, then with Arabic clitics peeled ("وألف", "بمئات"). */
function lookup<V>(map: ReadonlyMap<string, V>, forms: readonly string[]): V | undefined {
  for (const form of forms) {
    const value = map.get(form);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The value of a number word, or of a unit that is a figure only in a compound (COMPOUND_UNITS). */
function unitOf(word: Word): number | undefined {
  return COMPOUND_UNITS.get(word.norm) ?? lookup(WORD_VALUES, word.forms);
}

/** Twenty to ninety: the tens a unit joins ("twenty-five", "خمسة وعشرون"). */
const isTens = (value: number) => value % 10 === 0 && value >= 20 && value <= 90;

/** A number written in several words starting at token i, or an ordinal written so (no figure), or undefined. */
type Compound = { value: number; last: number; ordinal?: boolean };

/**
 * A number written in words starting at token i: Arabic "اثنا عشر" and "خمسة وعشرين"; English and French parts
 * joined by hyphens, each smaller than the one before ("twenty-five", "dix-sept", "soixante-dix-neuf", "quatre-vingt-
 * douze"); tens and a unit with a space ("twenty five", "двадцать пять", "vingt et un").
 */
function compoundWordsAt(tokens: readonly Word[], i: number, text: string): Compound | undefined {
  const first = tokens[i];
  const second = tokens[i + 1];
  if (!second || second.isDigits) return undefined;
  const value = unitOf(first);
  if (value === undefined) return undefined;
  const hyphenated = text.slice(first.end, second.start) === HYPHEN;
  if (value === 4 && hyphenated && SCORE.has(second.norm)) return joinedWordsAt(tokens, i + 1, 80, 20, text);
  if (value >= 10) return joinedWordsAt(tokens, i, value, value, text);
  // A unit, then عشر or و + tens.
  if (TEN.has(second.norm)) return { value: value + 10, last: i + 1 };
  if (second.norm.startsWith('و')) {
    const tens = lookup(WORD_VALUES, second.forms.slice(1));
    if (tens !== undefined && isTens(tens)) return { value: value + tens, last: i + 1 };
  }
  return undefined;
}

/**
 * Adds the parts that follow token `last` (whose part is `part`, the total so far `value`) while each is joined by a
 * hyphen and smaller than the one before; after tens, a unit may follow a space or "et". After ten only 7–9 join
 * (French dix-sept): English "ten-four" is no number.
 */
function joinedWordsAt(
  tokens: readonly Word[],
  last: number,
  value: number,
  part: number,
  text: string,
): Compound | undefined {
  const start = last;
  while (last + 1 < tokens.length && !tokens[last + 1].isDigits) {
    const gap = text.slice(tokens[last].end, tokens[last + 1].start);
    let next = last + 1;
    if (gap === HYPHEN && ORDINAL.test(tokens[next].norm)) return { value: NaN, last: next, ordinal: true };
    if (gap !== HYPHEN && !(gap === SPACE && isTens(part))) break;
    // "vingt et un", "soixante-et-onze": one or eleven after "et", joined the same way.
    const viaAnd =
      AND_ONE.has(tokens[next].norm) &&
      isTens(part) &&
      next + 1 < tokens.length &&
      text.slice(tokens[next].end, tokens[next + 1].start) === gap;
    if (viaAnd) next++;
    const unit = unitOf(tokens[next]);
    if (
      unit === undefined ||
      unit >= part ||
      (viaAnd ? unit !== 1 && unit !== 11 : gap === SPACE && unit > 9) ||
      (part === 10 && unit < 7)
    ) {
      break;
    }
    value += unit;
    part = unit;
    last = next;
  }
  if (last === start && value === part) return undefined;
  return { value, last };
}

function keyOf(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * A figure of `value` whose last token is `last`, scaled by a multiplier word right after it ("6 آلاف", "4.2 billion",
 * "ثلاثة وعشرين ألفا"), or only by one larger than `value` when `onlyByLarger`.
 */
function scaled(
  tokens: readonly Word[],
  value: number,
  last: number,
  onlyByLarger = false,
): { value: number; last: number } {
  const multiplier = last + 1 < tokens.length ? lookup(MULTIPLIERS, tokens[last + 1].forms) : undefined;
  if (multiplier === undefined || (onlyByLarger && multiplier <= value)) return { value, last };
  return { value: value * multiplier, last: last + 1 };
}

/** "9ر10" (three tokens with nothing between them) read as 10.9, with a multiplier after it ("5ر3 مليون"). */
function wireDecimalAt(tokens: readonly Word[], i: number): NumberMention | undefined {
  const fraction = tokens[i];
  const separator = tokens[i + 1];
  const integer = tokens[i + 2];
  if (
    separator?.raw !== WIRE_DECIMAL ||
    !integer?.isDigits ||
    separator.start !== fraction.end ||
    integer.start !== separator.end
  ) {
    return undefined;
  }
  const { value, last } = scaled(tokens, Number(`${integer.norm}.${fraction.norm}`), i + 2);
  return { key: keyOf(value), first: i, last, digits: true, value, time: false };
}

/** "المائة" in "9 في المائة" and "تسعة بالمائة": the unit of the figure that ended at token `figureLast`. */
function isPercentAfterFigure(tokens: readonly Word[], i: number, figureLast: number | undefined): boolean {
  const token = tokens[i];
  if (figureLast === undefined || !PERCENT_WORDS.has(token.forms.at(-1) ?? '')) return false;
  if (token.norm.startsWith('بال')) return figureLast === i - 1;
  return token.norm.startsWith('ال') && tokens[i - 1]?.norm === 'في' && figureLast === i - 2;
}

/**
 * Every number stated in `tokens` (tokens of `text`), left to right. Digit groups join when separated by a single
 * thousands separator before exactly three digits ("12,000", "2 000" with a no-break space); a single "." "٫" or ","
 * otherwise makes a decimal ("4.2", "2,5"). A following multiplier word scales the value.
 */
export function readNumbers(tokens: readonly Word[], text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token.isDigits) {
      const wire = wireDecimalAt(tokens, i);
      if (wire) {
        mentions.push(wire);
        i = wire.last + 1;
        continue;
      }
      const next = tokens[i + 1];
      if (next?.isDigits && next.norm.length === 2 && text.slice(token.end, next.start) === ':') {
        mentions.push({
          key: `${token.norm}:${next.norm}`,
          first: i,
          last: i + 1,
          digits: true,
          value: NaN,
          time: true,
        });
        i += 2;
        continue;
      }
      let integer = token.norm;
      let fraction = '';
      let last = i;
      while (last + 1 < tokens.length && tokens[last + 1].isDigits && !fraction) {
        const gap = text.slice(tokens[last].end, tokens[last + 1].start);
        const next = tokens[last + 1].norm;
        if (THOUSANDS_GAP.has(gap) && next.length === 3) integer += next;
        else if (DECIMAL_GAP.has(gap)) fraction = next;
        else break;
        last++;
      }
      const figure = scaled(tokens, Number(fraction ? `${integer}.${fraction}` : integer), last);
      mentions.push({
        key: keyOf(figure.value),
        first: i,
        last: figure.last,
        digits: true,
        value: figure.value,
        time: false,
      });
      i = figure.last + 1;
      continue;
    }
    if (findForm(NOT_NUMBERS, token.forms) !== undefined || isPercentAfterFigure(tokens, i, mentions.at(-1)?.last)) {
      i++;
      continue;
    }
    const vague = lookup(VAGUE, token.forms);
    const compound = vague === undefined ? compoundWordsAt(tokens, i, text) : undefined;
    const single = vague === undefined && !compound ? lookup(WORD_VALUES, token.forms) : undefined;
    // A number word is scaled only by a larger one: "million thousand" is not a thousand million.
    if (compound?.ordinal) {
      i = compound.last + 1;
      continue;
    }
    const words = compound
      ? scaled(tokens, compound.value, compound.last)
      : single !== undefined
        ? scaled(tokens, single, i, true)
        : undefined;
    if (vague !== undefined) {
      mentions.push({ key: vague, first: i, last: i, digits: false, value: NaN, time: false });
    } else if (words) {
      mentions.push({
        key: keyOf(words.value),
        first: i,
        last: words.last,
        digits: false,
        value: words.value,
        time: false,
      });
      i = words.last + 1;
      continue;
    }
    i++;
  }
  return mentions;
}
