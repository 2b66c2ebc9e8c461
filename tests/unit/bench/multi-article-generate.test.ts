// The generator on small hand-written texts (CC0, written for this test): the corpus itself is built from
// ../shared at bench time and never committed.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { generateCorpus, generatePage } from '../../bench/multi-article/generate';
import { STYLES } from '../../bench/multi-article/styles';
import type { SourceText } from '../../bench/multi-article/texts';

const words = [
  'river',
  'council',
  'bridge',
  'market',
  'harbour',
  'school',
  'budget',
  'storm',
  'ferry',
  'library',
  'museum',
  'clinic',
];
function text(i: number, lang: 'en' | 'ar'): SourceText {
  const w = (k: number) => (lang === 'ar' ? `كلمة${(i * 7 + k) % 50}` : `${words[(i + k) % words.length]}${i}`);
  const sentence = (k: number) => Array.from({ length: 12 }, (_, j) => w(k + j)).join(' ') + '.';
  return {
    ref: `test:${lang}${i}`,
    title: `${lang === 'ar' ? 'خبر' : 'Story'} ${i} about ${w(1)} and ${w(2)}`,
    paragraphs: [0, 1, 2, 3].map((p) => `${sentence(p)} ${sentence(p + 5)} "Quoted" & <bracketed> text.`),
  };
}
const pools = {
  en: Array.from({ length: 40 }, (_, i) => text(i, 'en')),
  ar: Array.from({ length: 40 }, (_, i) => text(i, 'ar')),
};
const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('multi-article generator', () => {
  it('models at least ten systems, each with a URL pattern and addresses of its own', () => {
    expect(STYLES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(STYLES.map((s) => s.name)).size).toBe(STYLES.length);
    expect(STYLES.some((s) => s.lang === 'ar')).toBe(true);
    const kinds = new Set(STYLES.flatMap((s) => s.addresses));
    for (const kind of ['data-url', 'data-href', 'data-canonical', 'data-id', 'permalink', 'none'] as const)
      expect(kinds).toContain(kind);
  });

  it('makes the same pages from the same seed', () => {
    const a = generatePage(STYLES[0], 3, pools.en);
    const b = generatePage(STYLES[0], 3, pools.en);
    expect(a.html).toBe(b.html);
    expect(generatePage(STYLES[0], 4, pools.en).html).not.toBe(a.html);
  });

  it.each(STYLES.map((s) => [s.name, s] as const))(
    '%s: 2–4 articles, teasers between them, the own one named, text escaped',
    (_name, style) => {
      const pages = generateCorpus(pools, 6, [style]);
      for (const { spec, html, truth } of pages) {
        const { document } = parseHTML(html);
        const body = collapse(document.body.textContent);
        expect(truth.articles.length).toBeGreaterThanOrEqual(2);
        expect(truth.articles.length).toBeLessThanOrEqual(4);
        expect(truth.articles[0].address).toBe('page');
        for (const a of spec.articles) {
          // every paragraph of every article is on the page as text (escaped markup survives as text)
          for (const p of a.paragraphs) expect(body).toContain(collapse(p));
          expect(body).toContain(a.title);
        }
        for (const t of spec.teaserGroups.flat()) expect(body).toContain(t.title);
        expect(spec.teaserGroups.flat().length).toBeGreaterThanOrEqual(3 * truth.articles.length);
        const own = spec.articles[0];
        const named =
          document.querySelector('link[rel=canonical]')?.getAttribute('href') === own.url ||
          document.querySelector('meta[property="og:title"]')?.getAttribute('content') === own.title ||
          [...document.querySelectorAll('script[type="application/ld+json"]')].some((s) =>
            (s.textContent ?? '').includes(JSON.stringify(own.title).slice(1, -1)),
          );
        expect(named).toBe(true);
        // appended articles declare the address the truth expects, in the markup their kind names
        for (const a of spec.articles.slice(1)) {
          if (a.address === 'data-url') expect(document.querySelector(`[data-url="${a.url}"]`)).not.toBeNull();
          if (a.address === 'data-href') expect(document.querySelector(`[data-href="${a.url}"]`)).not.toBeNull();
          if (a.address === 'data-canonical')
            expect(document.querySelector(`[data-canonical="${a.url}"]`)).not.toBeNull();
          if (a.address === 'data-id') expect(a.url).toContain(String(a.id));
          if (a.address === 'permalink' || a.address === 'bookmark-near')
            expect(document.querySelector(`a[href="${a.url}"]`)).not.toBeNull();
        }
        if (spec.articles.slice(1).some((a) => a.address === 'data-id')) expect(own.url).toContain(String(own.id));
        expect(document.documentElement.getAttribute('dir')).toBe(style.lang === 'ar' ? 'rtl' : 'ltr');
      }
    },
  );
});
