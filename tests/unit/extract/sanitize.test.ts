// @vitest-environment happy-dom
// Odd but real-looking metadata is cleaned in the page, so the background's strict schema still stores the article.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { cutText, plausibleDate, sanitizeArticle, storableUrl } from '@/lib/extract/sanitize';
import { MAX_URL_CHARS } from '@/lib/limits';
import { extractedArticleSchema, type ExtractedArticle } from '@/lib/schema';

const base: ExtractedArticle = {
  url: 'https://news.example/2025/talks',
  pageUrl: 'https://news.example/2025/talks?ref=home',
  title: 'Talks resume',
  dir: 'ltr',
  excerpt: 'The talks resumed.',
  text: 'The talks resumed in Istanbul on Monday.',
};

describe('plausibleDate', () => {
  it('keeps dates of years 1900–2100, in UTC ISO form', () => {
    expect(plausibleDate('2025-06-03T12:00:00+02:00')).toBe('2025-06-03T10:00:00.000Z');
    expect(plausibleDate('1900-01-01T00:00:00Z')).toBe('1900-01-01T00:00:00.000Z');
    expect(plausibleDate('2100-12-31T23:59:59Z')).toBe('2100-12-31T23:59:59.000Z');
  });
  it('drops year 10000, year −1, year 1899, 2101 and junk', () => {
    expect(plausibleDate('+010000-01-01T00:00:00.000Z')).toBeUndefined();
    expect(plausibleDate('-000001-06-01T00:00:00.000Z')).toBeUndefined();
    expect(plausibleDate('1899-12-31T23:59:59Z')).toBeUndefined();
    expect(plausibleDate('2101-01-01T00:00:00Z')).toBeUndefined();
    expect(plausibleDate('soon')).toBeUndefined();
  });
});

describe('storableUrl', () => {
  it('keeps an address the schema accepts as it is', () => {
    expect(storableUrl('https://news.example/a?id=7#x')).toBe('https://news.example/a?id=7#x');
  });
  it('cuts an over-long address to its origin and path', () => {
    const long = `https://news.example/2025/talks?session=${'x'.repeat(5000)}#frag`;
    expect(storableUrl(long)).toBe('https://news.example/2025/talks');
  });
  it('cuts an over-long path within the limit, never into the host', () => {
    const long = `https://news.example/${'p'.repeat(5000)}`;
    const cut = storableUrl(long)!;
    expect(cut).toHaveLength(MAX_URL_CHARS);
    expect(new URL(cut).host).toBe('news.example');
    expect(storableUrl(`https://${'h'.repeat(MAX_URL_CHARS)}.example/a`)).toBeUndefined();
  });
  it('refuses what is no http(s) address', () => {
    expect(storableUrl('javascript:alert(1)')).toBeUndefined();
    expect(storableUrl('not a url')).toBeUndefined();
  });
});

describe('cutText', () => {
  it('counts a surrogate pair as one character, as the schema does, and never splits one', () => {
    expect(cutText('ab😀', 3)).toBe('ab😀');
    expect(cutText('ab😀c', 2)).toBe('ab');
    expect(cutText('a😀😀', 2)).toBe('a😀');
    expect(cutText('abcd', 3)).toBe('abc');
  });
});

describe('sanitizeArticle', () => {
  it('leaves a well-formed article unchanged', () => {
    const article = { ...base, byline: 'Ana Rusu', publishedAt: '2025-06-03T10:00:00.000Z', lang: 'en' };
    expect(sanitizeArticle(article)).toEqual(article);
  });

  it('drops an implausible date and an over-long image, cuts long text fields; the schema then accepts it', () => {
    const odd: ExtractedArticle = {
      ...base,
      url: `https://news.example/2025/talks?x=${'1'.repeat(5000)}`,
      title: 'T'.repeat(1500),
      byline: 'B'.repeat(900),
      siteName: 'S'.repeat(400),
      lang: 'en-'.repeat(20),
      publishedAt: '+010000-01-01T00:00:00.000Z',
      leadImage: `https://cdn.example/${'i'.repeat(5000)}.jpg`,
    };
    expect(extractedArticleSchema.safeParse(odd).success).toBe(false);
    const clean = sanitizeArticle(odd)!;
    expect(extractedArticleSchema.safeParse(clean).success).toBe(true);
    expect(clean.url).toBe('https://news.example/2025/talks');
    expect(clean.publishedAt).toBeUndefined();
    expect(clean.leadImage).toBeUndefined();
    expect([clean.title.length, clean.byline?.length, clean.siteName?.length, clean.lang?.length]).toEqual([
      1000, 500, 300, 35,
    ]);
  });

  it('returns null only when an address cannot be stored at all', () => {
    expect(sanitizeArticle({ ...base, pageUrl: 'file:///tmp/a.html' })).toBeNull();
  });
});

describe('extractArticles with odd metadata', () => {
  it('still returns the article, without the year-10000 date or the 5,000-character og:image', () => {
    const doc = new DOMParser().parseFromString(
      `<html><head><title>Talks resume</title>
      <meta property="og:image" content="https://cdn.example/${'i'.repeat(5000)}.jpg">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","datePublished":"+010000-01-01T00:00:00Z"}</script>
      </head><body><article><h1>Talks resume</h1><p>${'The talks continued late into the night, officials said, with no agreement on the main points. '.repeat(8)}</p></article></body></html>`,
      'text/html',
    );
    const [article] = extractArticles(doc, 'https://news.example/2025/talks');
    expect(article.title).toBe('Talks resume');
    expect(article.publishedAt).toBeUndefined();
    expect(article.leadImage).toBeUndefined();
    expect(extractedArticleSchema.safeParse(article).success).toBe(true);
  });
});
