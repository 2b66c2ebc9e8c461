// For any metadata a page could declare, what the sanitiser hands on is what the background's strict schema accepts:
// the article is stored, never refused whole for one odd field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeArticle } from '@/lib/extract/sanitize';
import { MAX_URL_CHARS } from '@/lib/limits';
import { extractedArticleSchema, type ExtractedArticle } from '@/lib/schema';

/** Strings of every size around the schema's limits, with surrogate pairs and controls. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({ minLength: max - 3, maxLength: max + 3 }),
    fc.string({ unit: fc.constantFrom('a', '😀', 'ب', '\u0000'), minLength: max - 2, maxLength: max + 2 }),
  );

const hugePart = fc.string({ unit: fc.constantFrom('a', '%', '/', '?', '#', 'é', ' '), maxLength: 6000 });

/** Addresses: real ones, long ones, odd schemes and junk. */
const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.webUrl(), hugePart).map(([url, tail]) => `${url}/${tail}`),
  fc.tuple(fc.webUrl(), hugePart).map(([url, tail]) => `${url}?q=${tail}`),
  fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '', ' http://a.example/ '),
  fc.string(),
);

/** Dates: in range, far outside it (years −271821 to 275760), as ISO, as other formats, and junk. */
const anyDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.integer({ min: -300_000, max: 300_000 }).map((year) => `${year}-06-01`),
  fc.constantFrom('+010000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '2025-13-45', 'yesterday'),
  fc.string(),
);

const anyArticle: fc.Arbitrary<ExtractedArticle> = fc.record(
  {
    url: anyUrl,
    pageUrl: anyUrl,
    title: anyText(1000),
    byline: anyText(500),
    siteName: anyText(300),
    publishedAt: anyDate,
    lang: anyText(35),
    dir: fc.constantFrom('ltr' as const, 'rtl' as const),
    excerpt: anyText(1000),
    text: fc.string({ maxLength: 200 }),
    leadImage: anyUrl,
  },
  { requiredKeys: ['url', 'pageUrl', 'title', 'dir', 'excerpt', 'text'] },
);

describe('sanitizeArticle (property)', () => {
  it('hands on only what the background schema accepts', () => {
    fc.assert(
      fc.property(anyArticle, (article) => {
        const clean = sanitizeArticle(article);
        if (clean) expect(extractedArticleSchema.safeParse(clean).error).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every article whose page and article addresses are http(s) on a host that fits', () => {
    const webArticle = fc.record({
      article: anyArticle,
      url: fc.oneof(
        fc.webUrl(),
        fc.tuple(fc.webUrl(), hugePart).map(([url, tail]) => `${url}?${tail}`),
      ),
    });
    fc.assert(
      fc.property(webArticle, ({ article, url }) => {
        fc.pre(new URL(url).origin.length < MAX_URL_CHARS);
        const clean = sanitizeArticle({ ...article, url, pageUrl: url });
        expect(clean).not.toBeNull();
        expect(extractedArticleSchema.safeParse(clean).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing the schema already accepts, and is idempotent', () => {
    fc.assert(
      fc.property(anyArticle, (article) => {
        const clean = sanitizeArticle(article);
        if (!clean) return;
        expect(sanitizeArticle(clean)).toEqual(clean);
        const accepted = extractedArticleSchema.safeParse(article);
        // An accepted date may still fall outside 1900–2100, and is dropped; every other field stays as it was.
        if (accepted.success)
          expect({ ...clean, publishedAt: undefined }).toEqual({ ...article, publishedAt: undefined });
      }),
      { numRuns: 500 },
    );
  });
});
