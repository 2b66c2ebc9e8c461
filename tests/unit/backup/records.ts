// Records for backup tests: an English and an Arabic article (mixed with Latin and digits), their highlights.
import type { ArticleRecord, HighlightRecord, Topic } from '@/lib/schema';

export const topics: Topic[] = [
  { id: 'ukraine-talks', name: 'Ukraine talks', query: 'Ukraine OR أوكرانيا', createdAt: 1_700_000_000_000 },
  { id: 'gaza', name: 'غزة', query: 'غزة', createdAt: 1_700_000_000_001 },
];

export function article(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: '0123456789abcdef0123456789abcdef',
    url: 'https://news.example/2026/talks',
    pageUrl: 'https://news.example/2026/talks?ref=home',
    title: 'Talks resume in Istanbul',
    byline: 'A. Writer',
    siteName: 'News Example',
    publishedAt: '2026-11-30T08:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'Delegations met again.',
    text: 'Delegations met again in Istanbul.\n\nThe talks lasted 3 hours.',
    topicIds: ['ukraine-talks'],
    matches: [
      { topicId: 'ukraine-talks', score: 2, mentions: 2, hits: [{ field: 'text', start: 0, end: 6, term: 'ukraine' }] },
    ],
    clippedTo: [],
    facts: [{ text: 'The talks lasted 3 hours.', start: 36, end: 61, score: 1, kind: 'figure' }],
    firstSeenAt: 1_700_000_100_000,
    lastSeenAt: 1_700_000_200_000,
    visits: 1,
    ...overrides,
  };
}

export const arabicArticle = (overrides: Partial<ArticleRecord> = {}) =>
  article({
    id: 'fedcba9876543210fedcba9876543210',
    url: 'https://ar.example/news/1',
    pageUrl: 'https://ar.example/news/1',
    title: 'محادثات «ستورم شادو» في إسطنبول 2026',
    byline: undefined,
    siteName: 'الشرق',
    lang: 'ar',
    dir: 'rtl',
    excerpt: 'قال الوزير إن NATO تدعم أوكرانيا.',
    text: 'قال الوزير إن NATO تدعم أوكرانيا.\n\nاستمرت المحادثات 3 ساعات.',
    topicIds: ['ukraine-talks', 'gaza'],
    matches: [],
    facts: [
      { text: 'قال الوزير إن NATO تدعم أوكرانيا.', start: 0, end: 33, score: 1, kind: 'quote', speaker: 'الوزير' },
    ],
    ...overrides,
  });

export function highlight(overrides: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: 'h-11111111-2222-3333-4444-555555555555',
    pageUrl: 'https://ar.example/news/1',
    articleId: 'fedcba9876543210fedcba9876543210',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'NATO تدعم أوكرانيا', prefix: 'قال الوزير إن ', suffix: '.' },
      { type: 'TextPositionSelector', start: 14, end: 32 },
    ],
    note: 'ملاحظة: check the NATO line',
    placed: true,
    createdAt: 1_700_000_300_000,
    updatedAt: 1_700_000_300_000,
    ...overrides,
  };
}
