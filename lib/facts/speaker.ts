// Who said it: the speaker of a quotation or an attributed statement, as the article writes them ("Will Moy",
// "the Russian delegation", "المتحدث باسم المؤسسة عبدالله العبدالجبار"), found next to a verb of saying.
import { isArabic } from '../text/word-variants';
import type { Word } from './words';

const set = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

// Verbs and phrases of saying (folded). Arabic ones are also looked up with و/ف in front.
const SPEECH = set(
  'قال قالت قالوا يقول تقول يقولون قائلا قائله اعلن اعلنت اعلنوا يعلن معلنا اكد اكدت اكدوا يؤكد مؤكدا مؤكده ' +
    'اضاف اضافت اضافوا مضيفا مضيفه اوضح اوضحت موضحا موضحه ذكر ذكرت صرح صرحت اشار اشارت مشيرا مشيره تابع ' +
    'افاد افادت كشف كشفت حذر حذرت محذرا شدد شددت مشددا اعتبر اعتبرت معتبرا معتبره لافتا لافته نوه اعرب اعربت ' +
    'نقل نقلت اورد اوردت متوقعا ابان ' +
    'said says told announced added stated warned noted explained confirmed declared insisted wrote tweeted argued ' +
    'urged asked denied ' +
    'declare dit affirme indique ajoute annonce confie averti precise souligne explique assure ' +
    'sagte sagt sagten erklarte erklart betonte betont sagen kundigte schrieb ' +
    'dijo afirmo senalo explico declaro aseguro anadio indico ' +
    'detto disse dichiarato spiega spiegato afferma ha ' +
    'disse afirmou declarou explicou informou ' +
    'заявил заявила заявили сказал сказала сказали сообщил сообщила сообщили отметил отметила отметили добавил ' +
    'добавила подчеркнул подчеркнула объявил объявила объявили предупредил предупредили пояснил пояснила ' +
    'powiedzial powiedziala stwierdzil stwierdzila zapowiedzial poinformowal',
);
// "according to X", "بحسب X", "selon X", "laut X", "según X", "по словам X": the speaker follows these.
const ACCORDING = set('according بحسب حسب وفقا وفق selon laut segun secondo segundo словам wedlug');
// "ha" alone is Italian's auxiliary: it says nothing without the participle that follows.
const AUXILIARY = set('ha');

// Words that end an Arabic speaker after the verb: "قال الوزير إن…", "وأضاف المصدر في تصريح…", "قال لـ…".
const AR_END = set(
  'ان انه انها انهم بان بانه فان فانه في خلال ل لـ على عن امس اليوم مساء صباح يوم حيث ردا عبر اثناء لدي',
);
// Participles ("مؤكدا", "قائلا": saying so) continue the main verb, whose subject is the speaker: nothing follows them.
const AR_PARTICIPLES = set(
  'قائلا قائله معلنا مؤكدا مؤكده مضيفا مضيفه موضحا موضحه مشيرا مشيره محذرا مشددا معتبرا معتبره لافتا لافته متوقعا',
);
// "كان X قال…", "وكانت X أعلنت…": the past of a report told as background, its subject before the verb.
const KANA = set('كان وكان كانت وكانت');
const MAX_KANA_SUBJECT_WORDS = 4;
// Pronouns are not a speaker a reader can use.
const PRONOUNS = set(
  'he she they it we i you هو هي هم نحن il elle ils elles on er sie es wir el ella ellos lei lui он она они',
);
const NAME_JOINERS = set('of the de du des la le da do dos van von der al el bin ibn bint abu di del y und and s');
// Capitalized words that open a clause rather than a name ("But Smith said", "While Grisham said").
const CLAUSE_OPENERS = set('but and while when as so yet then however also in on at after before if though although');
const DETERMINERS = set('the a an');
const PREPOSITIONS = set('in at from for of on near');
// A verb right after the name after "said" makes the name the subject of the reported clause ("said Moscow had
// offered"), not the speaker ("said Smith in a statement", "sagte Olaf Scholz am Mittwoch").
const CLAUSE_VERBS = set(
  'had has have was were is are would will could should can may might must did does do wants plans needs',
);
// Capitalized, but no speaker: "officials said Tuesday that…".
const NOT_NAMES = set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday ' +
    'january february march april may june july august september october november december',
);
const AUXILIARIES = set('has have had has also');
const MAX_SPEAKER_WORDS = 8;
const MAX_AR_SPEAKER_WORDS = 14;
// Quoted speech runs longer: «لن نتراجع أبدا» is a quotation, «أكسيوس» a name.
const MAX_QUOTED_NAME_WORDS = 2;

/** True for a verb or phrase of saying, with Arabic و/ف in front ("وقال", "فأعلن"). */
export function isSpeechWord(norm: string): boolean {
  if (SPEECH.has(norm) || ACCORDING.has(norm)) return !AUXILIARY.has(norm);
  if (!isArabic(norm) || (norm[0] !== 'و' && norm[0] !== 'ف') || norm.length <= 3) return false;
  const bare = norm.slice(1);
  return SPEECH.has(bare) || ACCORDING.has(bare);
}

function isCapitalized(t: Word): boolean {
  const c = t.raw[0];
  return c !== c.toLowerCase();
}

/** The stretch of `text` between two token indexes (inclusive), as written. */
function written(text: string, tokens: readonly Word[], first: number, last: number): string {
  return text.slice(tokens[first].start, tokens[last].end);
}

/** True when only spaces separate token i from token i+1 (no comma, quote or bracket between them). */
function joined(text: string, tokens: readonly Word[], i: number): boolean {
  // The last word is joined to nothing: an appositive can run to the end of a sentence.
  if (i + 1 >= tokens.length) return false;
  const gap = text.slice(tokens[i].end, tokens[i + 1].start);
  for (const c of gap)
    if (c !== ' ' && c !== '\u00a0' && c !== '-' && c !== "'" && c !== '’' && c !== '.') return false;
  return true;
}

/** A run of capitalized words (with joiners such as "of", "bin") starting at token i, going forward or backward. */
function nameRun(text: string, tokens: readonly Word[], i: number, step: 1 | -1): [number, number] | undefined {
  if (!tokens[i] || !isCapitalized(tokens[i]) || tokens[i].isDigits) return undefined;
  let first = i;
  let last = i;
  for (let j = i + step; tokens[j] && Math.abs(j - i) < MAX_SPEAKER_WORDS; j += step) {
    const inner = step === 1 ? j - 1 : j;
    if (!joined(text, tokens, inner)) break;
    if (isCapitalized(tokens[j]) && !tokens[j].isDigits) {
      if (step === 1) last = j;
      else first = j;
    } else if (!NAME_JOINERS.has(tokens[j].norm)) break;
  }
  return [first, last];
}

/**
 * The name after an English-style verb of saying ("said Ruffin, who…", "said Ukraine's energy minister, Herman
 * Halushchenko"), or none when the name opens the reported clause ("said Moscow had offered") or is a day or a month.
 */
function nameAfter(text: string, tokens: readonly Word[], first: number): [number, number] | undefined {
  const name = nameRun(text, tokens, first, 1);
  if (!name || (name[0] === name[1] && NOT_NAMES.has(tokens[name[0]].norm))) return undefined;
  const next = name[1] + 1;
  if (!joined(text, tokens, name[1])) return name;
  if (tokens[next].norm === 's') {
    // A possessive title: up to its end, or to the name after it between commas.
    for (let k = next + 1; k < tokens.length && k - next <= MAX_SPEAKER_WORDS; k++) {
      if (joined(text, tokens, k)) continue;
      if (text.slice(tokens[k].end, tokens[k + 1]?.start ?? text.length).trim() !== ',') return [name[0], k];
      const after = nameRun(text, tokens, k + 1, 1);
      return after && !joined(text, tokens, after[1]) ? after : [name[0], k];
    }
    return undefined;
  }
  const verb = tokens[next].norm;
  return CLAUSE_VERBS.has(verb) || (verb.length > 4 && verb.endsWith('ed')) ? undefined : name;
}

/** Arabic: the words after the verb, when they end at "إن/أن", a preposition, a comma, a colon or a quotation. */
function arabicSpeaker(text: string, tokens: readonly Word[], verb: number): string | undefined {
  if (isParticiple(tokens[verb])) return undefined;
  let last = -1;
  let opensQuoted = false;
  let nameEnd = -1;
  for (let j = verb + 1; j < tokens.length && j - verb <= MAX_AR_SPEAKER_WORDS; j++) {
    if (!joined(text, tokens, j - 1) && !(j - 1 === nameEnd && gap(text, tokens, j - 1) === '»')) {
      // "نقل موقع «أكسيوس» الإخباري…": a name in guillemets is part of the speaker.
      const close = gap(text, tokens, j - 1) === '«' ? quotedNameEnd(text, tokens, j) : -1;
      if (close >= 0) {
        if (j - 1 === verb) opensQuoted = true;
        const after = gap(text, tokens, close);
        j = nameEnd = close;
        if (after === '»' && close + 1 < tokens.length) continue;
        if (after === '»' || '،,:'.includes(after[1] ?? '')) last = close;
        break;
      }
      if (j - 1 > verb && endsSpeaker(text, tokens, j - 1)) last = j - 1;
      break;
    }
    const t = tokens[j];
    if (t.isDigits || !isArabic(t.norm)) break;
    // "وحذر قائلا:": the participle continues the verb; the speaker was named before, not here.
    if (isParticiple(t)) return undefined;
    if (AR_END.has(t.norm)) {
      if (j - 1 > verb) last = j - 1;
      break;
    }
  }
  if (last < 0) return subjectAfterKana(text, tokens, verb);
  const end = appositiveName(text, tokens, last);
  const closing = gap(text, tokens, end)[0] === '»' ? 1 : 0;
  const start = tokens[verb + 1].start - (opensQuoted ? 1 : 0);
  return text.slice(start, tokens[end].end + closing);
}

/** The text between token i and the next (or the end), trimmed. */
function gap(text: string, tokens: readonly Word[], i: number): string {
  return text.slice(tokens[i].end, tokens[i + 1]?.start ?? text.length).trim();
}

/** A name of one or two words in guillemets starting at token i ("«أكسيوس»"): the index of its last word, or -1. */
function quotedNameEnd(text: string, tokens: readonly Word[], i: number): number {
  for (let k = i; k < tokens.length && k - i < MAX_QUOTED_NAME_WORDS; k++) {
    if (!isArabic(tokens[k].norm) && !isCapitalized(tokens[k])) return -1;
    if (gap(text, tokens, k)[0] === '»') return k;
    if (!joined(text, tokens, k)) return -1;
  }
  return -1;
}

function isParticiple(t: Word): boolean {
  return AR_PARTICIPLES.has(t.norm) || AR_PARTICIPLES.has(t.forms[1] ?? t.norm);
}

/** "كان زيلينسكي قال اليوم إن…": after "كان" the subject stands before the verb (a few words, nothing between). */
function subjectAfterKana(text: string, tokens: readonly Word[], verb: number): string | undefined {
  for (let k = verb - 1; k >= 0 && verb - k <= MAX_KANA_SUBJECT_WORDS + 1; k--) {
    if (!joined(text, tokens, k) || !isArabic(tokens[k].norm)) return undefined;
    if (KANA.has(tokens[k].norm)) return k + 1 < verb ? written(text, tokens, k + 1, verb - 1) : undefined;
  }
  return undefined;
}

/** "رئيس الوفد الأوكراني وزير الدفاع، رستم عمروف، إن…": a title, then the name between commas (three words at most). */
function appositiveName(text: string, tokens: readonly Word[], last: number): number {
  if (text.slice(tokens[last].end, tokens[last + 1]?.start ?? text.length).trim() !== '،') return last;
  for (let j = last + 1; j < tokens.length && j - last <= 3; j++) {
    if (!isArabic(tokens[j].norm) || AR_END.has(tokens[j].norm)) return last;
    if (!joined(text, tokens, j))
      return text.slice(tokens[j].end, tokens[j + 1]?.start ?? text.length).trim() === '،' ? j : last;
  }
  return last;
}

/** After token i comes a comma, a colon or a quotation mark: the end of a name, not of a sentence. */
function endsSpeaker(text: string, tokens: readonly Word[], i: number): boolean {
  const gap = text.slice(tokens[i].end, tokens[i + 1]?.start ?? text.length).trim();
  return gap.length > 0 && '،,:«"“'.includes(gap[0]);
}

/** The phrase before a verb of saying (or its auxiliary), within its clause. */
function phraseBefore(text: string, tokens: readonly Word[], verb: number): [number, number] | undefined {
  let last = verb - 1;
  while (last > 0 && AUXILIARIES.has(tokens[last].norm) && joined(text, tokens, last - 1)) last--;
  if (last < 0 || PRONOUNS.has(tokens[last].norm)) return undefined;
  // "X, deputy administrator, said": only a title between commas may stand apart from the verb.
  const apart = !joined(text, tokens, last);
  if (apart && text.slice(tokens[last].end, tokens[verb].start).trim() !== ',') return undefined;
  let clause = last;
  while (clause > 0 && joined(text, tokens, clause - 1)) clause--;
  const opener = tokens[clause].norm;
  // "Steve Clarke, deputy associate administrator for exploration, said": the name before the title.
  if (
    apart &&
    clause > 0 &&
    !isCapitalized(tokens[clause]) &&
    !CLAUSE_OPENERS.has(opener) &&
    !DETERMINERS.has(opener) &&
    text.slice(tokens[clause - 1].end, tokens[clause].start).trim() === ','
  ) {
    const name = nameRun(text, tokens, clause - 1, -1);
    return name && isCapitalized(tokens[name[0]]) ? name : undefined;
  }
  // "Russia's chief negotiator, Vladimir Medinsky, said": the name between commas, after its title.
  if (apart && clause > 0 && text.slice(tokens[clause - 1].end, tokens[clause].start).trim() === ',') {
    const name = nameRun(text, tokens, last, -1);
    if (name && name[0] === clause && last > clause && isCapitalized(tokens[clause])) return name;
  }
  if (apart) return undefined;
  // "InfoNation President Dan McDowell said", "While … Stephanie Grisham said": the capitalized run before the verb.
  const name = nameRun(text, tokens, last, -1);
  // "shipping brokers in Istanbul said": the place belongs to a speaker named by what they do.
  if (name && name[0] > clause && PREPOSITIONS.has(tokens[name[0] - 1].norm))
    return last - clause < MAX_SPEAKER_WORDS && !CLAUSE_OPENERS.has(tokens[clause].norm) ? [clause, last] : undefined;
  if (name) {
    let first = Math.max(name[0], clause);
    while (first <= last && CLAUSE_OPENERS.has(tokens[first].norm)) first++;
    if (first <= last && isCapitalized(tokens[first])) return [first, last];
  }
  // "the Russian delegation said", "a spokesman said".
  for (let j = last; j >= clause && last - j < 5; j--) {
    if (tokens[j].isDigits) break;
    if (DETERMINERS.has(tokens[j].norm)) return [j, last];
  }
  return undefined;
}

// Opening quotation marks and the marks that close them: « », “ ”, and German „ “ (or ”).
const CLOSING = new Map([
  ['«', '»'],
  ['“', '”'],
  ['„', '“”'],
]);

/** For each token, whether it stands inside a quotation: a verb of saying there belongs to the quoted words. */
function quoted(text: string, tokens: readonly Word[]): boolean[] {
  const inside: boolean[] = [];
  const open: string[] = [];
  let straight = false;
  let at = 0;
  for (const t of tokens) {
    for (; at < t.start; at++) {
      const c = text[at];
      const closers = open[open.length - 1];
      if (closers && (closers.includes(c) || (c === '’' && text[at + 1] === '’' && closers === '”'))) open.pop();
      else if (CLOSING.has(c)) open.push(CLOSING.get(c)!);
      else if (c === '"') straight = !straight;
    }
    inside.push(open.length > 0 || straight);
  }
  return inside;
}

/**
 * The speaker of a sentence that quotes or attributes, as written; undefined when none is named (a pronoun, a bare
 * quotation). Arabic names the speaker after the verb ("وقال المصدر إن…"); other languages before it ("Patrick
 * said") or after it ("said Ruffin", "selon le ministre").
 */
export function findSpeaker(text: string, tokens: readonly Word[]): string | undefined {
  let inside: boolean[] | undefined;
  for (let v = 0; v < tokens.length; v++) {
    const norm = tokens[v].norm;
    if (!isSpeechWord(norm)) continue;
    inside ??= quoted(text, tokens);
    if (inside[v]) continue;
    if (isArabic(norm)) {
      const speaker = arabicSpeaker(text, tokens, v);
      if (speaker) return speaker;
      continue;
    }
    if (ACCORDING.has(norm)) {
      const after = v + (norm === 'according' ? 2 : 1);
      const name = nameRun(text, tokens, after, 1) ?? nameRun(text, tokens, after + 1, 1);
      if (name) return written(text, tokens, ...name);
      continue;
    }
    const before = v > 0 ? phraseBefore(text, tokens, v) : undefined;
    if (before) return written(text, tokens, ...before);
    if (v + 1 < tokens.length && joined(text, tokens, v)) {
      const name = nameAfter(text, tokens, v + 1);
      if (name) return written(text, tokens, ...name);
    }
  }
  return undefined;
}

/**
 * True when a verb of saying here has no subject of its own, so the speaker of the sentence before goes on speaking:
 * a pronoun before it ("he told reporters"), or an Arabic verb followed by nothing but a colon, a quotation, "إن/أن" or
 * a preposition ("وأضاف: «…»", "وتابع في تصريح…"). "According to" always names a new source.
 */
export function continuesSpeech(text: string, tokens: readonly Word[]): boolean {
  let inside: boolean[] | undefined;
  for (let v = 0; v < tokens.length; v++) {
    const norm = tokens[v].norm;
    if (!isSpeechWord(norm) || ACCORDING.has(norm) || ACCORDING.has(norm.slice(1))) continue;
    inside ??= quoted(text, tokens);
    if (inside[v]) continue;
    if (isArabic(norm)) {
      if (isParticiple(tokens[v])) continue;
      const next = tokens[v + 1];
      if (!next || !joined(text, tokens, v) || AR_END.has(next.norm)) return true;
      continue;
    }
    for (let k = v - 1; k >= 0 && v - k <= 2; k--) {
      if (PRONOUNS.has(tokens[k].norm)) return true;
      if (!AUXILIARIES.has(tokens[k].norm)) break;
    }
  }
  return false;
}
