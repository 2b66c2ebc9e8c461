// A year of reading, as data: the profile bench:popup puts into Beatwatch through the background's real message
// handlers. 50 topics (bilingual country queries), 10,000 articles of ~5,500 characters (20% Arabic) built from the
// shared corpora's paragraphs, one topic with 1,000 articles, 2,000 highlights (a few on pages in no topic).
// Matches come from Beatwatch's own matcher, as the extractor would send them. Deterministic for a given corpus.
import { corpusTexts, type CorpusText } from '../../scripts/corpus-texts.mjs';
import {
  ARABIC_LEADS,
  ARTICLES,
  BIG_TOPIC_ARTICLES,
  HIGHLIGHTS,
  LATIN_LEADS,
  NO_TOPIC_HIGHLIGHTS,
  profileTopics,
  random,
  TOPICS,
  type ProfileTopic,
} from '../../scripts/year-profile.mjs';
import type { Capture } from '@/lib/schema';
import { compileTopics } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';

export const PROFILE_VERSION = 1;
export { ARTICLES, BIG_TOPIC_ARTICLES, HIGHLIGHTS, NO_TOPIC_HIGHLIGHTS, TOPICS };
export type { ProfileTopic };
const TEXT_CHARS = 5_500;
const DAY = 86_400_000;

export interface ProfileHighlight {
  /** Index of the article it is on, or of the no-topic page. */
  article: number;
  onNoTopicPage: boolean;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  note: string;
}

export interface NoTopicPage {
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  paragraphs: string[];
}

export interface Profile {
  version: number;
  topics: ProfileTopic[];
  captures: Capture[];
  highlights: ProfileHighlight[];
  noTopicPages: NoTopicPage[];
  /** The topic with BIG_TOPIC_ARTICLES articles. */
  bigTopicId: string;
}

interface Paragraphs {
  ar: string[];
  other: { lang: string; text: string }[];
  titles: { ar: string[]; other: string[] };
}

function corpusParagraphs(): Paragraphs {
  const out: Paragraphs = { ar: [], other: [], titles: { ar: [], other: [] } };
  for (const item of corpusTexts(['news-ar', 'dev']) as Iterable<CorpusText>) {
    const paragraphs = item.text.split('\n\n').filter((p) => p.length >= 80);
    if (item.lang === 'ar') {
      out.ar.push(...paragraphs);
      if (item.title) out.titles.ar.push(item.title);
    } else {
      out.other.push(...paragraphs.map((text) => ({ lang: item.lang ?? 'en', text })));
      if (item.title) out.titles.other.push(item.title);
    }
  }
  if (!out.ar.length || !out.other.length) throw new Error('the shared corpora gave no paragraphs');
  return out;
}

const pick = <T>(list: T[], next: () => number): T => list[Math.floor(next() * list.length)]!;

/** ~TEXT_CHARS characters of paragraphs, the first naming the topic as a lead would. */
function bodyText(lead: string, pool: string[], next: () => number): string {
  const paragraphs = [lead];
  let length = lead.length;
  while (length < TEXT_CHARS) {
    const paragraph = pick(pool, next);
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs
    .join('\n\n')
    .slice(0, TEXT_CHARS)
    .replace(/\s+\S*$/, '');
}

export function buildProfile(now = Date.UTC(2026, 10, 30)): Profile {
  const next = random(20261130);
  const topics = profileTopics();
  const compiled = compileTopics(topics.map(({ id, query }) => ({ id, query })));
  const pool = corpusParagraphs();
  const sites = Array.from({ length: 24 }, (_, i) => `news${String(i + 1).padStart(2, '0')}.example`);
  const captures: Capture[] = [];
  for (let k = 0; k < ARTICLES; k++) {
    // One article in ten belongs to the big topic; the others spread over the other 49.
    const topic = k % (ARTICLES / BIG_TOPIC_ARTICLES) === 0 ? topics[0]! : topics[1 + (k % (TOPICS - 1))]!;
    const arabic = k % 5 === 2;
    const word = arabic ? topic.words.ar : topic.words.en;
    const second = k % 10 === 3 ? topics[1 + ((k * 7) % (TOPICS - 1))]! : undefined;
    const lead =
      (arabic ? pick(ARABIC_LEADS, next)(word) : pick(LATIN_LEADS, next)(word)) +
      (second ? ` ${arabic ? second.words.ar : second.words.en}.` : '');
    const other = pick(pool.other, next);
    const text = bodyText(
      lead,
      arabic ? pool.ar : pool.other.filter((p) => p.lang === other.lang).map((p) => p.text),
      next,
    );
    const title = `${word}: ${pick(arabic ? pool.titles.ar : pool.titles.other, next)}`.slice(0, 300);
    const publishedAt = new Date(now - Math.floor((k / ARTICLES) * 365 * DAY) - Math.floor(next() * DAY));
    const site = pick(sites, next);
    const url = `https://${site}/${publishedAt.toISOString().slice(0, 7).replace('-', '/')}/story-${k}`;
    const article = {
      url,
      pageUrl: url,
      title,
      siteName: site,
      publishedAt: publishedAt.toISOString(),
      lang: arabic ? 'ar' : other.lang,
      dir: arabic ? ('rtl' as const) : ('ltr' as const),
      excerpt: text.slice(0, 240),
      text,
    };
    const matches = matchTopics(article, compiled);
    if (!matches.some((m) => m.topicId === topic.id))
      throw new Error(`profile article ${k} does not match its topic ${topic.name}`);
    captures.push({ article, matches });
  }

  // Pages in no topic: drawn again until the matcher finds none of the topics in them.
  const noTopicPages: NoTopicPage[] = Array.from({ length: NO_TOPIC_HIGHLIGHTS / 2 }, (_, i) => {
    const arabic = i % 5 === 2;
    const title = `${arabic ? 'صفحة خارج الموضوعات' : 'Page in no topic'} ${i + 1}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      const text = bodyText(
        arabic ? 'مقال لا يذكر أيا من الموضوعات المتابعة.' : 'A story about none of the followed topics.',
        arabic ? pool.ar : pool.other.map((p) => p.text),
        next,
      );
      if (matchTopics({ title, text }, compiled).length === 0)
        return { title, lang: arabic ? 'ar' : 'en', dir: arabic ? 'rtl' : 'ltr', paragraphs: text.split('\n\n') };
    }
    throw new Error('no page in no topic could be drawn from the corpora');
  });

  const highlights: ProfileHighlight[] = [];
  for (let h = 0; h < HIGHLIGHTS; h++) {
    const onNoTopicPage = h < NO_TOPIC_HIGHLIGHTS;
    const article = onNoTopicPage ? Math.floor(h / 2) : Math.floor(next() * ARTICLES);
    const text = onNoTopicPage ? noTopicPages[article]!.paragraphs.join('\n\n') : captures[article]!.article.text;
    const start = Math.floor(next() * (text.length - 200));
    const from = text.indexOf(' ', start) + 1;
    const paragraphEnd = text.indexOf('\n', from);
    const limit = Math.min(from + 60 + Math.floor(next() * 80), paragraphEnd < 0 ? text.length : paragraphEnd);
    // Within one paragraph, as a reader's selection usually is.
    const to = Math.max(text.lastIndexOf(' ', limit), from + 1);
    const exact = text.slice(from, to);
    highlights.push({
      article,
      onNoTopicPage,
      exact,
      prefix: text.slice(Math.max(0, from - 32), from),
      suffix: text.slice(to, to + 32),
      start: from,
      note: h % 5 === 0 ? `Note ${h}: worth following up.` : '',
    });
  }
  return { version: PROFILE_VERSION, topics, captures, highlights, noTopicPages, bigTopicId: topics[0]!.id };
}
