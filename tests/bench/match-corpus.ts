// Deterministic synthetic input for bench:match: a vocabulary in four scripts (Latin with diacritics, Cyrillic,
// Arabic, Chinese), a long article drawn from it with Zipf-like word frequencies (Arabic words often carry clitics),
// and topic queries using every operator. Two kinds of topics: "news" topics use content words, as readers do (the
// hundred most frequent words of each script play the function words, which nobody tracks); "stress" topics draw
// their terms like the article draws its words, so most article words start some topic's term.

const ARTICLE_WORDS = 10_000;
const FUNCTION_WORDS = 100;

/** Deterministic PRNG (mulberry32), so every run measures the same input. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20250601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
/** A word by Zipf-like rank (log-uniform over [from, n)): the top hundred of 10,000 words make half of a text. */
function zipf<T>(items: readonly T[], from = 0): T {
  const low = from + 1;
  return items[Math.floor(low * ((items.length + 1) / low) ** rand()) - 1];
}

const SYLLABLES: Record<string, string[]> = {
  latin: [
    'ka',
    'ro',
    'mi',
    'tel',
    'san',
    'dor',
    'ver',
    'li',
    'on',
    'ta',
    'gra',
    'ne',
    'pol',
    'stu',
    'ber',
    'é',
    'qu',
    'ain',
  ],
  cyrillic: ['ка', 'ро', 'ми', 'тел', 'сан', 'дор', 'вер', 'ли', 'он', 'та', 'гра', 'не', 'пол', 'ст', 'їн', 'ій'],
  arabic: ['كا', 'رو', 'مي', 'تل', 'سان', 'در', 'فر', 'لي', 'ون', 'طا', 'غر', 'نة', 'بو', 'ست', 'أو', 'إي', 'ى'],
};
const HAN = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 37) % 0x51a5)));

function makeWords(script: string, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    if (script === 'han') {
      words.add(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(HAN)).join(''));
    } else {
      words.add(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES[script])).join(''));
    }
  }
  return [...words];
}

const VOCAB: Record<string, string[]> = {
  latin: makeWords('latin', 12000),
  cyrillic: makeWords('cyrillic', 8000),
  arabic: makeWords('arabic', 8000),
  han: makeWords('han', 4000),
};
const SCRIPTS = Object.keys(VOCAB);
const CLITICS = ['و', 'ب', 'ال', 'لل', 'وال'];

export function makeArticle(): { title: string; text: string; words: number } {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < ARTICLE_WORDS) {
    const script = pick(SCRIPTS);
    const length = 40 + Math.floor(rand() * 80);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      let word = zipf(VOCAB[script]);
      if (script === 'arabic' && rand() < 0.2) word = pick(CLITICS) + word;
      if (script !== 'han' && rand() < 0.1) word = word[0].toUpperCase() + word.slice(1);
      parts.push(word + (rand() < 0.08 ? '.' : rand() < 0.05 ? ',' : ''));
    }
    words += length;
    paragraphs.push(parts.join(script === 'han' ? '' : ' '));
  }
  return { title: paragraphs[0].split(' ').slice(0, 10).join(' '), text: paragraphs.join('\n\n'), words };
}

export function makeQuery(kind: 'news' | 'stress'): string {
  const script = pick(SCRIPTS);
  const word = () => zipf(VOCAB[rand() < 0.8 ? script : pick(SCRIPTS)], kind === 'news' ? FUNCTION_WORDS : 0);
  const parts = [
    `(${word()} OR ${word()} OR "${word()} ${word()}")`,
    `(${word()} OR ${word().slice(0, 4)}*)`,
    `-${word()}`,
    rand() < 0.5 ? `${word()} NEAR/5 ${word()}` : `${word()} | ${word()}`,
    rand() < 0.3 ? `-"${word()} ${word()}"` : word(),
  ];
  if (rand() < 0.1) parts.push('-site:example.com');
  return parts.join(' ');
}
