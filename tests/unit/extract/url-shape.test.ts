// The URL shape is one of the gate's signals; read by hand for speed, so it is held to the regular expressions
// that define the shapes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyUrl } from '@/lib/extract/url-shape';

describe('URL shape', () => {
  const shape = classifyUrl;

  it('classifies home, listing and article URLs', () => {
    expect(shape('https://example.com/')).toBe('home');
    expect(shape('https://example.com/fr/')).toBe('home');
    expect(shape('https://example.com/tag/ukraine/')).toBe('listing');
    expect(shape('https://example.com/search?q=x')).toBe('listing');
    expect(shape('https://example.com/category/world/page/2/')).toBe('listing');
    expect(shape('https://example.com/world/2025/06/12/grain-talks')).toBe('article');
    expect(shape('https://example.com/news/5150001')).toBe('article');
    expect(shape('https://aawsat.com/العالم/أوروبا/5150001-لقاء-روسي-أوكراني')).toBe('article');
    expect(shape('https://example.com/about')).toBe('other');
    expect(shape('https://www.autonews.ch/?p=31228')).toBe('article');
    expect(shape('https://example.com/index.php?page_id=12&lang=de')).toBe('article');
    expect(shape('https://example.com/news.php?storyId=7')).toBe('article');
    expect(shape('https://example.com/?page=2')).toBe('home');
    expect(shape('https://example.com/?p=draft')).toBe('home');
    expect(shape('not a url')).toBe('unknown');
  });

  it('reads URLs by hand exactly as the regular expressions that define the shapes would', () => {
    // The definition (the gate's first version), kept here as the oracle.
    const LISTING =
      /\/(search|tags?|topics?|category|categories|section|sections|author|authors|archive|archives|page\/\d+)(\/|$)/i;
    const DATED = /\/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)/;
    const byRegex = (href: string) => {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return 'unknown';
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'unknown';
      const path = url.pathname;
      const item = /(^|&)(p|[^&=]*id)=\d+(&|$)/i.test(url.search.slice(1));
      if (path === '/' || /^\/(index\.\w+|home|[a-z]{2}(-[a-z]{2})?)\/?$/i.test(path)) return item ? 'article' : 'home';
      if (LISTING.test(path) || url.searchParams.has('q')) return 'listing';
      const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
      let slug = last;
      try {
        slug = decodeURIComponent(last);
      } catch {
        // raw
      }
      if (DATED.test(path) || /\d{5,}/.test(slug) || slug.split(/[-_]/).length >= 4 || item) return 'article';
      return 'other';
    };
    const segment = fc.oneof(
      fc.constantFrom(
        '',
        'home',
        'Index.html',
        'index.',
        'en',
        'pt-BR',
        'e1',
        'tag',
        'Topics',
        'page',
        '2',
        '123456',
        'x-y-z-w',
        'a_b-c_d',
      ),
      fc.constantFrom(
        '2024',
        '1999',
        '2100',
        '05',
        '5',
        '12',
        '13',
        '0',
        '00',
        '2024-05',
        '2024-5-',
        '2024-13',
        '20245',
      ),
      fc.stringMatching(/^[a-z0-9_-]{0,12}$/),
    );
    const href = fc
      .tuple(
        fc.array(segment, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(
          '',
          '?q=1',
          '?page=2',
          '?a=1&q',
          '#top',
          '?x#q=1',
          '?p=31228',
          '?page_id=4&x=1',
          '?id=',
          '?storyId=7a',
        ),
      )
      .map(([segments, slash, tail]) => `https://example.com/${segments.join('/')}${slash ? '/' : ''}${tail}`);
    fc.assert(
      fc.property(href, (url) => classifyUrl(url) === byRegex(url)),
      { numRuns: 3000 },
    );
    for (const url of [
      'https://example.com',
      'HTTPS://EXAMPLE.COM/Tag/x',
      'https://example.com?q=x',
      'https://example.com/a%ZZ-b-c-d',
      'ftp://x/y',
    ]) {
      expect(classifyUrl(url), url).toBe(byRegex(url));
    }
  });
});
