// A year of reading at the issue's scale, without the shared corpora (CI has none): 50 topics (bilingual country
// queries), 10,000 topic articles with short texts (a fifth in Arabic, one in ten with a second topic), one topic of
// 1,000, 50 pages in no topic, 2,000 highlights (100 on the pages in no topic), written as a backup file in the
// stored records' shapes, so an end-to-end test puts it in through the options page's restore in seconds instead of
// half an hour of captures. Deterministic. bench:popup's profile (tests/bench/popup-profile.ts) takes its topics,
// leads and generator from here and builds its longer texts from the corpora.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const TOPICS = 50;
export const ARTICLES = 10_000;
export const BIG_TOPIC_ARTICLES = 1_000;
export const HIGHLIGHTS = 2_000;
export const NO_TOPIC_PAGES = 50;
export const NO_TOPIC_HIGHLIGHTS = 100;

// prettier-ignore
export const REGIONS = [
  'UA', 'RU', 'US', 'CN', 'FR', 'DE', 'GB', 'EG', 'SA', 'IR', 'IQ', 'SY', 'LB', 'JO', 'TR', 'IN', 'PK', 'BR', 'MX',
  'JP', 'KR', 'ZA', 'NG', 'KE', 'ET', 'SD', 'LY', 'TN', 'DZ', 'MA', 'YE', 'OM', 'QA', 'AE', 'KW', 'BH', 'AF', 'ID',
  'MY', 'TH', 'VN', 'PH', 'AU', 'CA', 'AR', 'CL', 'ES', 'IT', 'PL', 'GR',
];

/** A small deterministic generator (mulberry32): the same profile on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The profile's topics: one per country, its query naming it in English or Arabic. */
export function profileTopics(count = TOPICS) {
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const ar = new Intl.DisplayNames(['ar'], { type: 'region' });
  return REGIONS.slice(0, count).map((code) => {
    const words = { en: en.of(code), ar: ar.of(code) };
    return { id: `region-${code.toLowerCase()}`, name: words.en, query: `"${words.en}" OR "${words.ar}"`, words };
  });
}

export const ARABIC_LEADS = [
  (w) => `أفادت مصادر مطلعة بأن التطورات في ${w} تتسارع هذا الأسبوع.`,
  (w) => `قال مسؤولون إن المحادثات بشأن ${w} ستستأنف قريبا.`,
  // A clitic before the name: the matcher (and search) must still find it.
  (w) => `وصل الوفد إلى العاصمة، ول${w} دور محوري في الملف.`,
  (w) => `وفي ${w} أعلنت الحكومة عن خطة جديدة، وب${w} تتعلق آمال كثيرة.`,
];
export const LATIN_LEADS = [
  (w) => `Officials in ${w} said on Monday that talks would resume within days.`,
  (w) => `The latest figures from ${w} show a sharp change from last year.`,
  (w) => `${w} announced a new plan, its government said in a statement.`,
];

// Filler words that name no topic (and no other word a test searches for).
const FILLER = {
  en: 'the ministry said talks on prices and wages would continue next week while unions asked for a clearer plan'.split(
    ' ',
  ),
  ar: 'قالت الوزارة إن المحادثات حول الأسعار والأجور ستستمر الأسبوع المقبل بينما طالبت النقابات بخطة أوضح'.split(' '),
};

const HOUR = 3_600_000;
/** Articles are this far apart, newest (k = 0) first: 10,000 of them span a year. */
const STEP = 52 * 60_000;

/** The Arabic article whose text alone holds CLITIC_FORM: search for CLITIC_WORD must find it. */
export const CLITIC_ARTICLE = 4242;
export const CLITIC_WORD = 'زنجبار';
export const CLITIC_FORM = `وب${CLITIC_WORD}`;
/** The highlight on a page in no topic that a test looks for, about 700th newest of all highlights. */
export const NO_TOPIC_TARGET = 1_300;

const pick = (list, next) => list[Math.floor(next() * list.length)];
const articleId = (url) => createHash('sha256').update(url).digest('hex').slice(0, 32);

/** The topics article k belongs to: one in ten on the big topic (topics[0]); one in ten others has a second topic. */
export function articleTopics(topics, k) {
  const first = k % (ARTICLES / BIG_TOPIC_ARTICLES) === 0 ? topics[0] : topics[1 + (k % (TOPICS - 1))];
  const second = k % 10 === 3 ? topics[1 + ((k * 7) % (TOPICS - 1))] : undefined;
  return second && second !== first ? [first, second] : [first];
}

export const articleTitle = (topics, k) => {
  const [topic] = articleTopics(topics, k);
  return k % 5 === 2 ? `${topic.words.ar}: تقرير ${k}` : `${topic.words.en}: report ${k}`;
};

export const noTopicTitle = (i) => (i % 5 === 2 ? `صفحة خارج الموضوعات ${i}` : `Page in no topic ${i}`);

function fillerText(lang, next, words) {
  return Array.from({ length: words }, () => pick(FILLER[lang], next)).join(' ');
}

function articleRecord({ url, title, lang, text, publishedAt, topicIds }) {
  const seen = Date.parse(publishedAt) + HOUR;
  return {
    id: articleId(url),
    url,
    pageUrl: url,
    title,
    siteName: new URL(url).host,
    publishedAt,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    excerpt: text.slice(0, 240),
    text,
    topicIds,
    matches: topicIds.map((topicId) => ({ topicId, score: 1, mentions: 1, hits: [] })),
    clippedTo: [],
    facts: [],
    firstSeenAt: seen,
    lastSeenAt: seen,
    visits: 1,
  };
}

/**
 * Writes the profile as a backup file of database version `dbVersion` (the records are in today's shapes) and
 * returns what a test needs to know about it: the topics, the articles' titles and topics, the highlights.
 */
export async function writeYearBackup(path, { dbVersion, now = Date.UTC(2026, 10, 30) }) {
  const next = random(20261130);
  const topics = profileTopics();
  const out = createWriteStream(path);
  let buffered = '';
  const write = async (text) => {
    buffered += text;
    if (buffered.length < 1 << 20) return;
    if (!out.write(buffered)) await once(out, 'drain');
    buffered = '';
  };
  const storedTopics = topics.map(({ id, name, query }, i) => ({
    id,
    name,
    query,
    createdAt: now - 400 * 24 * HOUR + i,
  }));
  await write(
    `{"format":"beatwatch-backup","version":1,"dbVersion":${dbVersion},` +
      `"createdAt":${JSON.stringify(new Date(now).toISOString())},"topics":${JSON.stringify(storedTopics)},"articles":[`,
  );
  const sites = Array.from({ length: 24 }, (_, i) => `news${String(i + 1).padStart(2, '0')}.example`);
  const articles = [];
  for (let k = 0; k < ARTICLES; k++) {
    const own = articleTopics(topics, k);
    const arabic = k % 5 === 2;
    const lang = arabic ? 'ar' : 'en';
    const words = own.map((t) => (arabic ? t.words.ar : t.words.en));
    let text =
      `${pick(arabic ? ARABIC_LEADS : LATIN_LEADS, next)(words[0])}${words[1] ? ` ${words[1]}.` : ''}\n\n` +
      `${fillerText(lang, next, 40)}.`;
    if (k === CLITIC_ARTICLE) text += `\n\nوصلت السفينة أمس وبزنجبار ينتظرها التجار.`;
    const publishedAt = new Date(now - k * STEP).toISOString();
    const url = `https://${pick(sites, next)}/${publishedAt.slice(0, 7).replace('-', '/')}/story-${k}`;
    const record = articleRecord({
      url,
      title: articleTitle(topics, k),
      lang,
      text,
      publishedAt,
      topicIds: own.map((t) => t.id),
    });
    articles.push({ id: record.id, url, text, topicIds: record.topicIds });
    await write(`${k ? ',' : ''}${JSON.stringify(record)}`);
  }
  const noTopicPages = [];
  for (let i = 0; i < NO_TOPIC_PAGES; i++) {
    const arabic = i % 5 === 2;
    const lang = arabic ? 'ar' : 'en';
    const text = `${fillerText(lang, next, 30)}.\n\n${fillerText(lang, next, 30)}.`;
    // Spread over the year, between the topic articles.
    const publishedAt = new Date(now - (i * 200 + 100) * STEP).toISOString();
    const url = `https://elsewhere.example/${publishedAt.slice(0, 7).replace('-', '/')}/page-${i}`;
    const record = articleRecord({ url, title: noTopicTitle(i), lang, text, publishedAt, topicIds: [] });
    noTopicPages.push({ id: record.id, url, text, topicIds: [] });
    await write(`,${JSON.stringify(record)}`);
  }
  await write('],"highlights":[');
  const highlights = [];
  for (let h = 0; h < HIGHLIGHTS; h++) {
    const onNoTopicPage = h % (HIGHLIGHTS / NO_TOPIC_HIGHLIGHTS) === 0;
    const page = onNoTopicPage
      ? noTopicPages[(h / (HIGHLIGHTS / NO_TOPIC_HIGHLIGHTS)) % NO_TOPIC_PAGES]
      : articles[Math.floor(next() * ARTICLES)];
    // A few words of the page's last paragraph, as a reader's selection within one paragraph.
    const from = page.text.lastIndexOf('\n') + 1;
    const start = page.text.indexOf(' ', from + Math.floor(next() * 60)) + 1;
    const end = page.text.indexOf(' ', start + 30);
    const exact = page.text.slice(start, end);
    const createdAt = now - (HIGHLIGHTS - h) * 3 * HOUR;
    const record = {
      id: `h-e2e-${String(h).padStart(6, '0')}`,
      pageUrl: page.url,
      articleId: page.id,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: page.text.slice(Math.max(0, start - 32), start),
          suffix: page.text.slice(end, end + 32),
        },
        { type: 'TextPositionSelector', start, end },
      ],
      note: h === NO_TOPIC_TARGET ? 'Checked against the harbour register.' : h % 5 === 0 ? `Note ${h}.` : '',
      placed: true,
      createdAt,
      updatedAt: createdAt,
    };
    highlights.push({ id: record.id, exact, note: record.note, onNoTopicPage, pageUrl: page.url });
    await write(`${h ? ',' : ''}${JSON.stringify(record)}`);
  }
  await write(']}');
  out.end(buffered);
  await once(out, 'finish');
  return { topics, articles, noTopicPages, highlights };
}
