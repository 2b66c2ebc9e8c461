import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readJsonLdArticle, resolveDirection, toIsoDate } from '@/lib/extract/metadata';

const doc = (head: string) => parseHTML(`<html><head>${head}</head><body></body></html>`).document;

describe('readJsonLdArticle', () => {
  it('finds a NewsArticle inside @graph and reads names of authors and publisher', () => {
    const ld = readJsonLdArticle(
      doc(
        `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":" Talks ","datePublished":"2025-06-03T10:00:00Z","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"Daily"},"image":[{"url":"https://x.example/i.jpg"}]}]}</script>`,
      ),
    );
    expect(ld).toEqual({
      headline: 'Talks',
      datePublished: '2025-06-03T10:00:00Z',
      author: 'A, B',
      publisher: 'Daily',
      url: undefined,
      image: 'https://x.example/i.jpg',
    });
  });
  it('skips broken JSON and non-article types', () => {
    expect(
      readJsonLdArticle(
        doc(
          '<script type="application/ld+json">{oops</script><script type="application/ld+json">{"@type":"Product","name":"x"}</script>',
        ),
      ),
    ).toBeNull();
  });
});

describe('dates and direction', () => {
  it('normalizes dates to ISO and rejects junk', () => {
    expect(toIsoDate('2025-06-03T12:00:00+02:00')).toBe('2025-06-03T10:00:00.000Z');
    expect(toIsoDate('yesterday-ish')).toBeUndefined();
  });
  it('uses the declared direction, else the language, else the characters', () => {
    expect(resolveDirection('ltr', 'ar', 'نص')).toBe('ltr');
    expect(resolveDirection(null, 'fa-IR', 'text')).toBe('rtl');
    expect(resolveDirection(undefined, undefined, 'قال الوزير إن the talks')).toBe('rtl');
    expect(resolveDirection(undefined, undefined, 'The minister said')).toBe('ltr');
  });
});
