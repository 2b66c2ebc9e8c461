// Types of year-profile.mjs, for bench:popup's profile (tests/bench/popup-profile.ts), which shares its topics.
export const TOPICS: number;
export const ARTICLES: number;
export const BIG_TOPIC_ARTICLES: number;
export const HIGHLIGHTS: number;
export const NO_TOPIC_PAGES: number;
export const NO_TOPIC_HIGHLIGHTS: number;
export const REGIONS: string[];
export function random(seed: number): () => number;

export interface ProfileTopic {
  id: string;
  name: string;
  query: string;
  /** The topic's word in each language, as articles write it. */
  words: { en: string; ar: string };
}
export function profileTopics(count?: number): ProfileTopic[];
export const ARABIC_LEADS: ((word: string) => string)[];
export const LATIN_LEADS: ((word: string) => string)[];

export const CLITIC_ARTICLE: number;
export const CLITIC_WORD: string;
export const CLITIC_FORM: string;
export const NO_TOPIC_TARGET: number;
export function articleTopics(topics: ProfileTopic[], k: number): ProfileTopic[];
export function articleTitle(topics: ProfileTopic[], k: number): string;
export function noTopicTitle(i: number): string;

export interface YearPage {
  id: string;
  url: string;
  text: string;
  topicIds: string[];
}
export interface YearHighlight {
  id: string;
  exact: string;
  note: string;
  onNoTopicPage: boolean;
  pageUrl: string;
}
export function writeYearBackup(
  path: string,
  options: { dbVersion: number; now?: number },
): Promise<{ topics: ProfileTopic[]; articles: YearPage[]; noTopicPages: YearPage[]; highlights: YearHighlight[] }>;
