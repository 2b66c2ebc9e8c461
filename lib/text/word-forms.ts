// How a topic word is also written in an article without being another word: its case and number endings (a light
// suffix rule per language, in the spirit of Savoy's light stemmers and Lucene's RussianLightStemmer and
// GermanLightStemmer: only endings are removed, never a letter of the stem) and the adjectives built on a place
// name (Ukrainian, الأوكرانية, украинский). Lists are small and written out so the README can state them.

/** Which ending list applies: chosen by the word's script and, for the Latin script, by the article's language. */
export type EndingGroup = 'slavic' | 'polish' | 'german';

/** Stems shorter than this are never used: short words collide (iran/irak, mali, peru). */
export const MIN_STEM = 4;

const ENDINGS: Record<EndingGroup, readonly string[]> = {
  // Russian and Ukrainian noun and adjective case endings: Германия, Германии, Германию, Германией; Путина, Путиным.
  slavic: [
    'ами',
    'ями',
    'ого',
    'его',
    'ому',
    'ему',
    'ией',
    'ей',
    'ой',
    'ом',
    'ем',
    'ам',
    'ям',
    'ах',
    'ях',
    'ов',
    'ев',
    'ым',
    'им',
    'ия',
    'ии',
    'ию',
    'ія',
    'ії',
    'ію',
    'ою',
    'ею',
    'а',
    'я',
    'ы',
    'и',
    'у',
    'ю',
    'е',
    'о',
    'і',
    'ї',
  ],
  // Polish case endings (diacritics already folded by normalization): Funduszu, rzecznikiem, Sieci, Hołowni.
  polish: [
    'owi',
    'ami',
    'ach',
    'ego',
    'emu',
    'iem',
    'ie',
    'ii',
    'iu',
    'em',
    'om',
    'ow',
    'ej',
    'ym',
    'im',
    'a',
    'e',
    'i',
    'o',
    'u',
    'y',
  ],
  // German genitive, dative and plural: Deutschlands, Kanzlers, Firmen.
  german: ['ern', 'es', 'en', 'er', 'n', 's', 'e'],
};

const GROUP_OF_LANGUAGE: Record<string, EndingGroup> = {
  pl: 'polish',
  de: 'german',
  ru: 'slavic',
  uk: 'slavic',
};

/** The ending group of Latin-script words in an article of language `lang` (a BCP 47 tag), if any. */
export function latinEndingGroup(lang: string | undefined): EndingGroup | undefined {
  if (lang === undefined) return undefined;
  const group = GROUP_OF_LANGUAGE[lang.slice(0, 2).toLowerCase()];
  return group === 'slavic' ? undefined : group;
}

/** The ending group of a word: Cyrillic words are Slavic, Latin ones take the article's, others have none. */
export function endingGroup(word: string, latinGroup: EndingGroup | undefined): EndingGroup | undefined {
  const c = word.charCodeAt(0);
  if (c >= 0x0400 && c <= 0x04ff) return 'slavic';
  return c < 0x250 ? latinGroup : undefined;
}

/** Groups that may apply to a topic word, whatever the article's language (compile time). */
export function endingGroupsOf(word: string): EndingGroup[] {
  const c = word.charCodeAt(0);
  if (c >= 0x0400 && c <= 0x04ff) return ['slavic'];
  if (c < 0x250) return ['polish', 'german'];
  return [];
}

/** The word without its longest case or number ending of `group`, keeping MIN_STEM letters; the word if none. */
export function inflectionStem(word: string, group: EndingGroup): string {
  for (const ending of ENDINGS[group]) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * Polish locative and dative singular endings after the consonant alternation they bring (written folded, as
 * normalization leaves them: ś → s, ż → z, ę → e): [the word's end, the alternated stem's end, the case ending].
 * Feminine -ka, -ga, -ta, -da, -ra (Polska → Polsce, Praga → Pradze, Malta → Malcie, Kanada → Kanadzie, Ankara →
 * Ankarze) and masculine -t, -d, -r (Kuwejt → Kuwejcie, Belfast → Belfaście, Belgrad → Belgradzie, Piotr → Piotrze).
 * Masculine nouns in -k, -g, -ch take -u without alternation (Tusku); ł → l, n → ni, w → wi and the like need no rule
 * once diacritics are folded (Michale, Berlinie, Moskwie are endings of the stem as it is). Feminine -cha → -sze is
 * left out: folded, musze (mucha's) is muszę, "I must", and place and person names in -cha are few.
 */
const POLISH_ALTERNATIONS: readonly (readonly [end: string, alternated: string, ending: string])[] = [
  ['ka', 'c', 'e'],
  ['ga', 'dz', 'e'],
  ['ta', 'c', 'ie'],
  ['da', 'dz', 'ie'],
  ['ra', 'rz', 'e'],
  ['t', 'c', 'ie'],
  ['d', 'dz', 'ie'],
  ['r', 'rz', 'e'],
];

/**
 * The Polish locative/dative form of `word` (normalized) whose last consonant alternates, as its alternated stem and
 * the one ending that follows it (polska → polsc + e); undefined if its end alternates in no such way or its stem,
 * the word without -a, would be shorter than MIN_STEM (Rada, Duda). Only the final consonant(s) change.
 */
export function polishAlternation(word: string): { stem: string; ending: string } | undefined {
  for (const [end, alternated, ending] of POLISH_ALTERNATIONS) {
    if (!word.endsWith(end)) continue;
    const feminine = end.endsWith('a');
    if (word.length - (feminine ? 1 : 0) < MIN_STEM) return undefined;
    return { stem: word.slice(0, -end.length) + alternated, ending };
  }
  return undefined;
}

/** Whether `form` is exactly `stem` + `ending` (an alternated Polish stem and the one ending it takes). */
export function isStemAndEnding(form: string, stem: string, ending: string): boolean {
  return form.length === stem.length + ending.length && form.startsWith(stem) && form.endsWith(ending);
}

/** Whether `form` is `word`'s alternated Polish locative/dative (piotrze for piotr). */
export function isPolishAlternated(form: string, word: string): boolean {
  const alternation = polishAlternation(word);
  return alternation !== undefined && isStemAndEnding(form, alternation.stem, alternation.ending);
}

/** Final letters an adjective replaces: Latin and Cyrillic vowels, Arabic alef and tā' marbūṭa (ة, normalized ه). */
const REPLACED_FINALS = 'aeiouyаеиоуыяюьіїєا\u0647';

/**
 * Endings that make a place adjective or a demonym of a stem (Ukrain+ian, Japan+ese, argentin+o, ukrain+ien,
 * ukrain+isch, ukrai+ński; украин+ский; الاوكران+ي/ية/يون). Nothing else: Niger+ia is another country, Appl+ication
 * another word.
 */
const DERIVED_ENDINGS: Record<'latin' | 'cyrillic' | 'arabic', readonly string[]> = {
  latin: [
    'ians',
    'ian',
    'eans',
    'ean',
    'ans',
    'an',
    'n',
    'ns',
    'ese',
    'i',
    'is',
    'ish',
    'ien',
    'iens',
    'ienne',
    'iennes',
    'ais',
    'aise',
    'aises',
    'ois',
    'oise',
    'oises',
    'ain',
    'aine',
    'ains',
    'aines',
    'en',
    'enne',
    'ens',
    'ennes',
    'o',
    'a',
    'os',
    'as',
    'no',
    'na',
    'nos',
    'nas',
    'ano',
    'ana',
    'anos',
    'anas',
    'ense',
    'enses',
    'eno',
    'ena',
    'enos',
    'enas',
    'eco',
    'eca',
    'ecos',
    'ecas',
    'teco',
    'teca',
    'tecos',
    'tecas',
    'isch',
    'ische',
    'ischen',
    'ischer',
    'isches',
    'er',
    'ern',
    'ski',
    'ska',
    'skie',
    'skiego',
    'skiej',
    'skim',
    'skich',
    'nski',
    'nska',
    'nskie',
    'nskiego',
    'nskiej',
    'nskim',
    'nskich',
  ],
  cyrillic: [
    'ский',
    'ская',
    'ское',
    'ские',
    'ского',
    'ской',
    'ском',
    'ских',
    'ским',
    'скую',
    'цы',
    'ець',
    'ський',
    'ська',
    'ське',
    'ські',
    'ського',
    'ської',
    'ському',
    'ських',
  ],
  arabic: ['ي', 'يه', 'يين', 'يون', 'يات', 'يا'],
};

/** The stem adjectives built on `word` start with, if it is a plain word long enough to have a telling one. */
export function derivedStem(word: string): string | undefined {
  if (!/^\p{L}+$/u.test(word)) return undefined;
  const c = word.charCodeAt(0);
  if (c >= 0x2e80) return undefined;
  const stem = REPLACED_FINALS.includes(word[word.length - 1]) ? word.slice(0, -1) : word;
  return stem.length >= MIN_STEM ? stem : undefined;
}

/**
 * Whether `form` is an adjective or demonym built on `stem` (derivedStem's) rather than the word itself; with
 * `anyEnding` false, any further letters do (the rule before the independent labels, kept to measure it).
 */
export function isDerivedForm(form: string, stem: string, word: string, listedEndings = true): boolean {
  if (form === word || !form.startsWith(stem)) return false;
  const c = stem.charCodeAt(0);
  if (listedEndings && c >= 0x0600 && c <= 0x06ff) {
    // The nisba's ي may be the stem's own last letter (اوكراني from اوكرانيا).
    const base = stem.endsWith('\u064a') ? stem.slice(0, -1) : stem;
    return DERIVED_ENDINGS.arabic.includes(form.slice(base.length));
  }
  if (form.length <= stem.length) return false;
  if (!listedEndings) return true;
  const list = c >= 0x0400 && c <= 0x04ff ? DERIVED_ENDINGS.cyrillic : DERIVED_ENDINGS.latin;
  // The final vowel may be a consonant in the adjective (Paraguay → paraguayo).
  return list.includes(form.slice(stem.length)) || (form.startsWith(word) && list.includes(form.slice(word.length)));
}

/** Country names whose nisba is another word's too: روماني is Roman as well as Romanian. */
const NISBA_HOMOGRAPHS = new Set(['\u0631\u0648\u0645\u0627\u0646\u064a\u0627']);

/**
 * Whether an Arabic country name the reader did not type (a CLDR name, normalized) is also found by its nisba
 * adjective, written with or without the article (لبنان → اللبنانية, إسرائيل → الإسرائيلي, اليمن → اليمنيين): only a
 * one-word name with a telling stem (derivedStem: مصر and قطر are too short), not one that itself ends in the nisba's
 * ي (مالي is also "financial"; so are none of تشيلي, جيبوتي, ملاوي read as adjectives), and not a NISBA_HOMOGRAPHS
 * name.
 */
export function takesNisba(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x0600 || c > 0x06ff || word.endsWith('\u064a') || word.endsWith('\u0649')) return false;
  return !NISBA_HOMOGRAPHS.has(word) && derivedStem(word) !== undefined;
}

/** German compounds: a topic word of at least this many letters is found as a compound's first part or head. */
export const MIN_COMPOUND_PART = 4;
/** The rest of a compound has at least this many letters (Bahn+hof, Regional+bahn). */
const MIN_COMPOUND_REST = 3;

/** Whether `form` is a German compound with `word` as its first part (Bahn+gesellschaft, Bahn+s+teig) or head. */
export function isCompoundOf(form: string, word: string): boolean {
  if (form.length < word.length + MIN_COMPOUND_REST) return false;
  return form.startsWith(word) || form.endsWith(word);
}
