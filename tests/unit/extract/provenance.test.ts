// @vitest-environment happy-dom
// A page speaks for its own site only: which addresses are one site, and what the extractor then trusts.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { mayNameArticle, provenanceProblem, sameOrigin, sameSite, siteOf } from '@/lib/extract/provenance';

describe('siteOf and sameSite', () => {
  it('takes www., m., mobile. and amp. hosts as aliases; ports and http/https do not matter', () => {
    for (const alias of [
      'https://www.news.example/a',
      'http://m.news.example/a',
      'https://mobile.news.example:8443/a',
      'https://amp.news.example/amp/a',
    ])
      expect(sameSite(alias, 'https://news.example/b')).toBe(true);
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
  });

  it('keeps other hosts apart: subdomains, look-alikes, a bare suffix, IPs and localhost', () => {
    expect(sameSite('https://blog.news.example/a', 'https://news.example/a')).toBe(false);
    expect(sameSite('https://news.example.evil.example/a', 'https://news.example/a')).toBe(false);
    expect(sameSite('https://evil-news.example/a', 'https://news.example/a')).toBe(false);
    expect(sameSite('https://alice.github.io/a', 'https://bob.github.io/a')).toBe(false);
    expect(siteOf('https://amp.com/a')).toBe('amp.com');
    expect(sameSite('https://www.com/a', 'https://com/a')).toBe(false);
    expect(sameSite('http://127.0.0.1:8000/a', 'http://localhost:8000/a')).toBe(false);
    expect(sameSite('javascript:alert(1)', 'javascript:alert(1)')).toBe(false);
  });

  it("reads an AMP cache or viewer address as its publisher's, when the cache names it consistently", () => {
    expect(siteOf('https://news-example.cdn.ampproject.org/c/s/news.example/story')).toBe('news.example');
    expect(siteOf('https://my--news-example.cdn.ampproject.org/v/s/my-news.example/a?amp=1')).toBe('my-news.example');
    expect(siteOf('https://www.google.com/amp/s/www.news.example/story')).toBe('news.example');
    // A cache subdomain that does not match the path is the cache's own, not the publisher's.
    expect(siteOf('https://evil-example.cdn.ampproject.org/c/s/news.example/story')).toBe(
      'evil-example.cdn.ampproject.org',
    );
  });

  it('sameOrigin compares scheme, host and port', () => {
    expect(sameOrigin('https://news.example/a?x', 'https://news.example/b#y')).toBe(true);
    expect(sameOrigin('http://news.example/a', 'https://news.example/a')).toBe(false);
    expect(sameOrigin('https://www.news.example/a', 'https://news.example/a')).toBe(false);
  });

  it('mayNameArticle trusts what a page without an address declares', () => {
    expect(mayNameArticle('https://news.example/a', '')).toBe(true);
    expect(mayNameArticle('https://news.example/a', 'https://evil.example/a')).toBe(false);
  });

  it("provenanceProblem: the page must be the sender's, the article on the page's site", () => {
    const article = { url: 'https://news.example/a', pageUrl: 'https://www.news.example/a?x' };
    expect(provenanceProblem(article, 'https://www.news.example/a')).toBeNull();
    expect(provenanceProblem(article, 'https://evil.example/a')).toMatch(/sending tab/);
    expect(provenanceProblem(article, undefined)).toMatch(/sending tab/);
    expect(provenanceProblem({ ...article, pageUrl: 'https://evil.example/a' }, 'https://evil.example/a')).toMatch(
      /another site/,
    );
  });
});

describe('extractArticles trusts only addresses on the page own site', () => {
  const body = `<p>${'The talks continued late into the night, officials said, with no agreement on the main points. '.repeat(6)}</p>`;
  const parse = (head: string, main = `<article><h1>Talks</h1>${body}</article>`) =>
    new DOMParser().parseFromString(
      `<html><head><title>Talks</title>${head}</head><body>${main}</body></html>`,
      'text/html',
    );

  it('ignores a canonical, og:url or JSON-LD url on another site: the page address is the identity', () => {
    const doc = parse(
      `<link rel="canonical" href="https://news.example/story"><meta property="og:url" content="https://news.example/story">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks","url":"https://news.example/story"}</script>`,
    );
    const [article] = extractArticles(doc, 'https://evil.example/copy?utm_source=x');
    expect(article.url).toBe('https://evil.example/copy');
  });

  it('keeps a canonical on an alias host, or on the same host from an AMP path', () => {
    const doc = parse('<link rel="canonical" href="https://www.news.example/story">');
    expect(extractArticles(doc, 'https://amp.news.example/story')[0].url).toBe('https://www.news.example/story');
    const amp = parse('<link rel="canonical" href="https://news.example/story">');
    expect(extractArticles(amp, 'https://news.example/amp/story')[0].url).toBe('https://news.example/story');
  });

  it("gives an appended article that names another site's address an address on the page instead", () => {
    const doc = parse(
      '',
      `<article><h1>Talks</h1>${body}</article>
      <article data-article-url="https://news.example/other"><h2>Other story</h2>${body.replace('talks', 'summit')}</article>`,
    );
    const articles = extractArticles(doc, 'https://evil.example/copy');
    expect(articles.map((a) => new URL(a.url).host)).toEqual(['evil.example', 'evil.example']);
    expect(articles[1].url).toMatch(/^https:\/\/evil\.example\/copy#article-/);
  });
});
