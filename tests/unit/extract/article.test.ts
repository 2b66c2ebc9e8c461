// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticles, findArticleContainers } from '@/lib/extract/article';
import { blockText, removeNoise } from '@/lib/extract/clean';

const PAGES = join(__dirname, '../../fixtures/pages');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(readFileSync(join(PAGES, file), 'utf8'));

describe('extractArticles on the seed page', () => {
  const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
  const articles = extractArticles(doc, 'http://127.0.0.1:8080/seed.html');

  it('finds the four full articles and no teaser', () => {
    expect(findArticleContainers(doc)).toHaveLength(4);
    expect(articles.map((a) => a.title)).toEqual([
      'لقاء روسي - أوكراني غير مُعلن سبق مفاوضات إسطنبول',
      'تقرير: ترمب سيلتقي زيلينسكي يوم الأحد في فلوريدا',
      'ألمانيا لن تشارك في قوة استقرار بغزة «في المستقبل المنظور»',
      'أوكرانيا تستخدم صواريخ «ستورم شادو» البريطانية لاستهداف مصفاة نفط روسية',
    ]);
  });

  it('gives each article its own URL; the first one the page canonical', () => {
    expect(new Set(articles.map((a) => a.url)).size).toBe(4);
    expect(decodeURI(articles[0]!.url)).toContain('5150001-لقاء-روسي');
    expect(decodeURI(articles[2]!.url)).toContain('5224101-ألمانيا');
  });

  it('keeps the body, drops the related block, the watermark and the repeated caption', () => {
    const main = articles[0]!;
    expect(main.text).toContain('تبادل جثث 6 آلاف جندي من كل جانب');
    expect(main.text).not.toContain('مقالات ذات صلة');
    expect(main.text).not.toMatch(/(^|\n)TT(\n|$)/);
    const caption = 'جانب من الجولة الثانية للمفاوضات المباشرة بين روسيا وأوكرانيا';
    expect(main.text.split(caption).length - 1).toBeLessThanOrEqual(1);
    expect(main).toMatchObject({ lang: 'ar', dir: 'rtl', siteName: 'الشرق الأوسط', publishedAt: '2025-06-03T10:00:00.000Z' });
  });

  it('keeps the Gaza article apart from the Ukraine ones', () => {
    expect(articles[2]!.text).toContain('غزة');
    expect(articles[0]!.text).not.toContain('غزة');
  });
});

describe('extractArticles on other pages', () => {
  it('extracts the English article without its menus, sidebar or newsletter box', () => {
    const [article, ...rest] = extractArticles(load('article--world-news-daily--ukraine-grain-talks.html'), 'http://127.0.0.1/x.html');
    expect(rest).toHaveLength(0);
    expect(article!.dir).toBe('ltr');
    expect(article!.text.toLowerCase()).not.toMatch(/climate|election/);
    expect(article!.text.length).toBeGreaterThan(2000);
  });
});

describe('clean-up helpers', () => {
  it('blockText separates blocks by blank lines and folds whitespace', () => {
    const document = parse('<div><h2>Head</h2><p>One\n  two <b>three</b></p><ul><li>a</li><li>b</li></ul></div>');
    expect(blockText(document.querySelector('div')!)).toBe('Head\n\nOne two three\n\na\n\nb');
  });
  it('removeNoise drops furniture and repeated captions', () => {
    const document = parse(
      '<div><figure><figcaption>A long caption about the talks</figcaption><figcaption>A long caption about the talks</figcaption></figure><div class="share-bar">Share</div><ul class="tags"><li>x</li></ul><p>Body text.</p></div>',
    );
    const root = document.querySelector('div')!;
    removeNoise(root);
    expect(blockText(root)).toBe('A long caption about the talks\n\nBody text.');
  });
});
