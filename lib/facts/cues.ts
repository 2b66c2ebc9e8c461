// Word cues for what a news sentence does: reports an event or a decision, names people and places, or talks like a
// column rather than a report. Lists of folded words and stems per language, looked up token by token.
import type { Word } from './words';

export interface Cues {
  /** A verb of decision, ruling, agreement, denial or demand ("approved", "ordered", "قرر", "نفى", "beschloss"). */
  decision: boolean;
  /** A verb reporting what happened: an action, a result, a change ("killed", "launched", "rose", "قتل", "ارتفع"). */
  event: boolean;
  /** Words of commentary rather than report: first person, hedges, talk to the reader ("I", "we", "could", "you"). */
  chatty: number;
  /** Capitalized words after the first word: people, places, organisations (scripts with case only). */
  names: number;
}

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** English verbs as bases, inflected regularly (approve → approved, approves; deny → denied, denies) plus irregulars. */
function englishForms(bases: string, irregular: string): string[] {
  const forms: string[] = [];
  for (const base of words(bases)) {
    const stem = base.endsWith('e') ? base.slice(0, -1) : base;
    if (base.endsWith('y') && !'aeiou'.includes(base[base.length - 2])) {
      forms.push(`${base.slice(0, -1)}ied`, `${base.slice(0, -1)}ies`);
    } else {
      forms.push(`${stem}ed`, base.endsWith('s') || base.endsWith('h') ? `${base}es` : `${base}s`);
    }
  }
  return [...forms, ...words(irregular)];
}

/** Arabic past-tense verbs (folded): he, she, they, the dual, and with a present prefix when listed. */
function arabicForms(past: string, present = ''): string[] {
  const forms: string[] = [];
  for (const verb of words(past)) forms.push(verb, `${verb}ت`, `${verb}وا`, `${verb}ا`, `${verb}تا`);
  for (const verb of words(present)) forms.push(verb, `ت${verb.slice(1)}`, `${verb}ون`);
  return forms;
}

const DECISION_WORDS = new Set([
  ...englishForms(
    'approve decide order agree sign reject deny demand vote rule sentence adopt cancel suspend impose lift ' +
      'allow require appoint nominate elect pass authorize authorise block halt refuse dismiss fire charge ' +
      'indict convict acquit sue announce propose urge confirm declare resign',
    'banned bans planned plans vetoed vetoes struck strikes withdrew withdraws',
  ),
  ...arabicForms(
    'قرر اقر وافق امر وقع رفض نفي طالب عين صادق اعتمد الغي علق فرض سمح منع حظر اصدر قضي اتفق تبني اعلن ' +
      'قدم اقترح دعا طلب اكد استقال انتخب اختار اوقف ادان حكم',
    'يقرر يوافق يامر يرفض ينفي يطالب يعتمد يلغي يفرض يسمح يمنع يصدر يعلن يقترح يدعو',
  ),
  ...words('قرار قرارا مرسوم مرسوما اتفاق اتفاقا اتفاقيه موافقه'),
]);

const EVENT_WORDS = new Set([
  ...englishForms(
    'kill die injure wound arrest detain attack launch open close raise reach acquire release increase decrease ' +
      'jump surge decline shrink report record score defeat destroy damage crash explode burn flood capture ' +
      'seize free rescue evacuate start end complete invest hire post earn merge expand publish reveal discover',
    'won wins lost loses dropped drops cut cuts fell falls rose rises grew grows sold sells bought buys hit hits ' +
      'began begins beat beats shot shoots found finds laid lays met meets left leaves took takes paid pays',
  ),
  ...arabicForms(
    'قتل اصيب اعتقل فاز خسر اطلق افتتح اغلق ارتفع انخفض تراجع بلغ سجل حقق باع اشتري استحوذ افرج هاجم استهدف ' +
      'سيطر انطلق اختتم وصل غادر التقي استقبل بحث ناقش شن دمر انفجر اندلع احتل حرر نفذ انجز تسلم ' +
      'زاد هبط صعد تجاوز شهد ضرب اسقط',
    'يرتفع ينخفض يتراجع يبلغ يسجل يحقق يصل يستقبل يلتقي',
  ),
  ...words('مقتل اصابه اعتقال ارتفاع انخفاض تراجع افتتاح اطلاق'),
]);
// One lookup per word form for both lists: 1 decision, 2 event, 3 both.
const VERB_CLASSES = new Map<string, number>();
for (const word of DECISION_WORDS) VERB_CLASSES.set(word, 1);
for (const word of EVENT_WORDS) VERB_CLASSES.set(word, (VERB_CLASSES.get(word) ?? 0) | 2);

// Stems for inflected languages (folded), per language: a word of the article's language starting with one counts.
const DECISION_STEMS = stemsByLanguage({
  fr: 'decid approuv annonc adopt interdi refus rejet autoris impos suspend annul sign nomm demand exig condamn',
  de: 'beschl genehmig verbot verbiet entschied entscheid kundigt unterzeichn forder lehnt ernann verhang',
  es: 'aprob decidi anunci rechaz prohib autoriz firm exig orden nombr',
  it: 'approv annunc decis vieta respin autorizz firm ordin nomin',
  pt: 'aprov decidi anunci rejeit proib autoriz assin determin',
  ru: 'решил утверд подписал запрет объяв отказ потребов назнач',
  pl: 'postanow zatwierdz podpisa zakaza ogłosi ogłasz odrzuci',
});
const EVENT_STEMS = stemsByLanguage({
  fr: 'tue bless arret attaqu lanc ouvert ferm augment baiss chut atteint vend achet libere',
  de: 'getotet verletz festgenom angriff gestart eroffn gestieg gesunk erreicht verkauf gekauft',
  es: 'muri herid detuv atac lanz abri cerr aument baj subi alcanz vend compr',
  it: 'mort morti ferit arrest attacc lanci apert chius aument cal ragg vend compr',
  pt: 'morr ferid pres atac lanc abri fech aument caiu subi ating vend compr',
  ru: 'убит погиб ранен задерж атак запуст открыл закрыл вырос снизил достиг продал купил',
  pl: 'zgin rann zatrzym zaatak uruchom otworz zamkn wzrosl spadl osiagn sprzeda kupil',
});

// Over-represented in the sentences labellers passed over (English tuning half): first person, hedges, the reader.
const CHATTY_WORDS = new Set(
  words(
    'i we our us my me you your what how why so if could may might would very really just well way know think maybe perhaps',
  ),
);

type StemIndex = ReadonlyMap<string, ReadonlyMap<string, string[]>>;

/** Per language, stems by their first three letters, so a word is compared with the few stems that could start it. */
function stemsByLanguage(lists: Record<string, string>): StemIndex {
  const byLanguage = new Map<string, Map<string, string[]>>();
  for (const [language, list] of Object.entries(lists)) {
    const index = new Map<string, string[]>();
    for (const stem of words(list)) index.set(stem.slice(0, 3), [...(index.get(stem.slice(0, 3)) ?? []), stem]);
    byLanguage.set(language, index);
  }
  return byLanguage;
}

function hasStem(token: Word, stems: ReadonlyMap<string, string[]> | undefined): boolean {
  const word = token.norm;
  if (!stems || word.length < 4) return false;
  const candidates = stems.get(word.slice(0, 3));
  return candidates !== undefined && candidates.some((stem) => word.startsWith(stem));
}

/**
 * The cues of one sentence (`tokens` are tokenize(text) of `text`); `language` is the primary subtag ("fr"), which picks
 * the stem lists (Arabic and English use word lists and need none).
 */
export function readCues(text: string, tokens: readonly Word[], language = ''): Cues {
  const decisionStems = DECISION_STEMS.get(language);
  const eventStems = EVENT_STEMS.get(language);
  let decision = false;
  let event = false;
  let chatty = 0;
  let names = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.isDigits) continue;
    if (!decision || !event) {
      let classes = 0;
      for (const form of t.forms) classes |= VERB_CLASSES.get(form) ?? 0;
      decision ||= (classes & 1) !== 0 || hasStem(t, decisionStems);
      event ||= (classes & 2) !== 0 || hasStem(t, eventStems);
    }
    if (CHATTY_WORDS.has(t.norm)) chatty++;
    if (i > 0 && isName(text, t)) names++;
  }
  return { decision, event, chatty, names };
}

/** "Ruffin", "Columbia": an upper-case letter then a lower-case one, after a space (not after a quote or a dash). */
function isName(text: string, t: Word): boolean {
  if (t.raw.length < 2 || t.start === 0) return false;
  const before = text[t.start - 1];
  if (before !== ' ' && before !== '\u00a0') return false;
  const a = t.raw[0];
  const b = t.raw[1];
  return a !== a.toLowerCase() && b !== b.toUpperCase();
}
