// The forms a normalized word may also stand for, so a topic term or a lexicon entry finds it written with Arabic
// clitics (و/ف, then ب/ل/ك, then ال/لل: وأوكرانيا, لأوكرانيا, بغزة, والسلام) or a Latin elision or possessive
// (l'ukraine, ukraine's), without stemming: a name is never cut (بوتين stays whole), and الأوكراني stays a different
// word from أوكرانيا. Topic matching reads every form with the characters it leaves out; key facts peel step by step.

const ARABIC_CONJUNCTIONS = 'وف';
const ARABIC_PREPOSITIONS = 'بلك';
const MIN_STRIPPED_LENGTH = 3;

/** Forms a token may also stand for, each with the number of leading characters it leaves out. */
export interface WordVariants {
  forms: string[];
  skips: number[];
}

/**
 * Arabic clitics (و/ف, then ب/ل/ك, then ال/لل, keeping at least three letters: وأوكرانيا, لأوكرانيا, بغزة, والسلام)
 * and Latin elisions and possessives (l'ukraine, ukraine's). Nothing is stemmed, so الأوكراني stays a different
 * word from أوكرانيا.
 */
export function wordVariants(form: string, out: WordVariants): void {
  const c = form.charCodeAt(0);
  if (c >= 0x0600 && c <= 0x06ff) {
    arabicStage(form, 0, out);
    if (ARABIC_CONJUNCTIONS.includes(form[0]) && form.length - 1 >= MIN_STRIPPED_LENGTH) arabicStage(form, 1, out);
    return;
  }
  if (c < 0x250) {
    const first = form.indexOf("'");
    if (first < 0) return;
    // French/Italian elision (l', d', qu'), then English possessive ('s, or a bare ' after s).
    let start = 0;
    if (first <= 2 && form.length - first - 1 >= 2) {
      start = first + 1;
      addVariant(out, form, start);
    }
    const last = form.lastIndexOf("'");
    if (last > start && (last === form.length - 1 || (last === form.length - 2 && form.endsWith('s')))) {
      out.forms.push(form.slice(start, last));
      out.skips.push(start);
    }
  }
}

function addVariant(out: WordVariants, form: string, skip: number): void {
  out.forms.push(form.slice(skip));
  out.skips.push(skip);
}

/** The word from `skip` on, then without a preposition (ب/ل/ك), each also without the article (ال, or لل after ل). */
function arabicStage(form: string, skip: number, out: WordVariants): void {
  if (skip > 0) addVariant(out, form, skip);
  arabicArticle(form, skip, out);
  if (ARABIC_PREPOSITIONS.includes(form[skip]) && form.length - skip - 1 >= MIN_STRIPPED_LENGTH) {
    addVariant(out, form, skip + 1);
    arabicArticle(form, skip + 1, out);
  }
}

function arabicArticle(form: string, skip: number, out: WordVariants): void {
  const contracted = form.startsWith('لل', skip);
  if ((contracted || form.startsWith('ال', skip)) && form.length - skip - 2 >= MIN_STRIPPED_LENGTH) {
    addVariant(out, form, skip + 2);
    // للحكومة = ل + الحكومة: the preposition swallows the article's alef; a term written with its article
    // (الحكومة, "الاحتباس الحراري") finds it restored, highlighted from the article's ل.
    if (contracted) {
      out.forms.push(`ا${form.slice(skip + 1)}`);
      out.skips.push(skip + 1);
    }
  }
}

/** Starts with an Arabic letter (hamza to yeh). */
export function isArabic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0621 && c <= 0x064a;
}

/**
 * A normalized Arabic word as written and with its clitics peeled off step by step (و/ف, then ب/ل/ك with or
 * without the article, then ال), keeping at least MIN_STRIPPED_LENGTH letters, so "وأوكرانيا", "لأوكرانيا" and
 * "بالأسرى" find their base in a lexicon; the first form found wins.
 */
export function peeledArabicForms(norm: string): string[] {
  const forms = [norm];
  if (!isArabic(norm)) return forms;
  let word = norm;
  const peel = (prefixes: string[]) => {
    for (const prefix of prefixes) {
      if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STRIPPED_LENGTH) {
        word = word.slice(prefix.length);
        forms.push(word);
        return;
      }
    }
  };
  peel([...ARABIC_CONJUNCTIONS]);
  peel(['بال', 'كال', 'لل', ...ARABIC_PREPOSITIONS]);
  peel(['ال']);
  return forms;
}
