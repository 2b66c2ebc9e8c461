// The gate decides which pages get extracted at all: a miss loses an article, a false alarm costs time on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectArticle, scoreSignals, type ArticleSignals } from '@/lib/extract/gate';

const FIXTURES = join(__dirname, '../../fixtures');
const PROSE =
  'The council voted on Monday to approve the plan, which will cost about £3.2 million and take two years to complete, officials said after the meeting.';

function parse(html: string): Document {
  return parseHTML(html).document;
}

function page(head: string, body: string): Document {
  return parse(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

function ld(obj: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;
}

function prose(n: number, text = PROSE): string {
  return Array.from({ length: n }, () => `<p>${text}</p>`).join('');
}

function signals(head: string, body = ''): ArticleSignals {
  return detectArticle(page(head, body)).signals;
}

describe('JSON-LD', () => {
  it('finds an article type at top level, in arrays, in @graph and as mainEntity', () => {
    expect(signals(ld({ '@type': 'NewsArticle' })).jsonLdArticle).toBe(true);
    expect(signals(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle' }])).jsonLdArticle).toBe(true);
    expect(signals(ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['BlogPosting'] }] })).jsonLdArticle).toBe(true);
    expect(
      signals(ld({ '@type': 'WebPage', mainEntity: { '@type': 'http://schema.org/Article' } })).jsonLdArticle,
    ).toBe(true);
    expect(signals(ld({ '@type': 'WebSite' })).jsonLdArticle).toBe(false);
  });

  it('takes datePublished from the article entity only', () => {
    expect(signals(ld({ '@type': 'NewsArticle', datePublished: '2025-06-03' })).publishedTime).toBe(true);
    expect(signals(ld({ '@type': 'Event', datePublished: '2025-06-03' })).publishedTime).toBe(false);
  });

  it('flags non-article page types but ignores objects nested inside an article', () => {
    expect(signals(ld({ '@type': 'Product' })).nonArticleSchema).toBe(true);
    expect(signals(ld({ '@type': 'VideoObject' })).nonArticleSchema).toBe(true);
    expect(signals(ld({ '@type': 'DiscussionForumPosting' })).nonArticleSchema).toBe(true);
    expect(signals(ld({ '@type': 'QAPage', mainEntity: { '@type': 'Question' } })).nonArticleSchema).toBe(true);
    const nested = signals(ld({ '@type': 'NewsArticle', video: { '@type': 'VideoObject' } }));
    expect(nested.jsonLdArticle).toBe(true);
    expect(nested.nonArticleSchema).toBe(false);
  });

  it('survives invalid JSON by scanning for @type', () => {
    const broken =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "a\nb", "datePublished": "2025",}</script>';
    const s = signals(broken);
    expect(s.jsonLdArticle).toBe(true);
    expect(s.publishedTime).toBe(true);
  });

  it('reads only the first five scripts', () => {
    const filler = Array.from({ length: 5 }, () => ld({ '@type': 'BreadcrumbList' })).join('');
    expect(signals(filler + ld({ '@type': 'NewsArticle' })).jsonLdArticle).toBe(false);
  });

  it('does not parse oversized scripts but still scans their start', () => {
    const big = JSON.stringify({ '@type': 'NewsArticle', articleBody: 'x'.repeat(60_000) });
    expect(signals(`<script type="application/ld+json">${big}</script>`).jsonLdArticle).toBe(true);
  });
});

describe('meta tags', () => {
  it('reads og:type case-insensitively', () => {
    expect(signals('<meta property="og:type" content="Article">').ogArticle).toBe(true);
    expect(signals('<meta property="og:type" content="website">').ogArticle).toBe(false);
  });

  it('recognises non-article og types', () => {
    for (const type of ['product', 'video.other', 'video.episode', 'profile', 'music.song', 'book']) {
      expect(signals(`<meta property="og:type" content="${type}">`).ogNonArticle).toBe(true);
    }
    expect(signals('<meta property="og:type" content="article">').ogNonArticle).toBe(false);
  });

  it('finds publication dates in meta tags', () => {
    expect(signals('<meta property="article:published_time" content="2025-06-03T10:00:00Z">').publishedTime).toBe(true);
    expect(signals('<meta name="pubdate" content="2025-06-03">').publishedTime).toBe(true);
    expect(signals('<meta itemprop="datePublished" content="2025-06-03">').publishedTime).toBe(true);
    expect(signals('<meta property="article:published_time" content="">').publishedTime).toBe(false);
  });

  it('still reads meta tags the parser moved into <body>', () => {
    // A stray element in <head> ends the head: everything after it lands in <body>.
    const doc = parse(
      '<html><head><title>t</title><div>ad</div><meta property="og:type" content="article"></head><body></body></html>',
    );
    expect(detectArticle(doc).signals.ogArticle).toBe(true);
  });
});

describe('structure', () => {
  it('counts <article> elements', () => {
    expect(signals('', '<article></article><article></article>').articleElements).toBe(2);
  });

  it('accepts a lone <time datetime> as a date but not a column of them', () => {
    expect(signals('', '<article><time datetime="2025-06-03">3 June</time></article>').publishedTime).toBe(true);
    const teasers = Array.from(
      { length: 6 },
      () => '<article><time datetime="2025-06-03">3 June</time></article>',
    ).join('');
    expect(signals('', teasers).publishedTime).toBe(false);
  });

  it('reads microdata only when JSON-LD and Open Graph are silent', () => {
    const body = `<div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2025-06-03"></div>`;
    const s = signals('', body);
    expect(s.microdataArticle).toBe(true);
    expect(s.publishedTime).toBe(true);
    expect(signals('', '<div itemscope itemtype="http://schema.org/Product"></div>').nonArticleSchema).toBe(true);
  });

  it('lets microdata settle a conflict between og:type=article and a non-article JSON-LD', () => {
    const s = signals(
      '<meta property="og:type" content="article">' + ld({ '@type': 'VideoObject' }),
      '<div itemscope itemtype="https://schema.org/NewsArticle"></div>',
    );
    expect(s.microdataArticle).toBe(true);
    expect(s.nonArticleSchema).toBe(false);
  });

  it('notices password fields and pre-filled search boxes', () => {
    expect(signals('', '<form><input type="password" name="p"></form>').passwordInput).toBe(true);
    expect(signals('', '<input type="search" name="q" value="ukraine">').searchQuery).toBe(true);
    expect(signals('', '<input type="text" name="q" value="ukraine">').searchQuery).toBe(true);
    expect(signals('', '<input type="search" name="q" value="">').searchQuery).toBe(false);
    expect(signals('', '<input type="text" name="email" value="a@b.c">').searchQuery).toBe(false);
  });
});

describe('text density', () => {
  it('sums sibling paragraphs into one body block', () => {
    const s = signals('', `<div>${prose(8)}</div>`);
    expect(s.bodyBlockChars).toBe(PROSE.length * 8);
    expect(s.longParagraphs).toBe(8);
  });

  it('does not add up teaser summaries spread over separate cards', () => {
    const cards = Array.from({ length: 8 }, () => `<div class="card"><p>${PROSE}</p></div>`).join('');
    const s = signals('', cards);
    expect(s.paragraphChars).toBe(PROSE.length * 8);
    expect(s.bodyBlockChars).toBe(PROSE.length);
  });

  it('ignores very short paragraphs in the body block', () => {
    expect(signals('', '<div><p>Share</p><p>Advertisement</p></div>').bodyBlockChars).toBe(0);
  });

  it('samples a bounded number of paragraphs', () => {
    expect(signals('', `<div>${prose(500)}</div>`).bodyBlockChars).toBe(PROSE.length * 80);
  });

  it('weights CJK characters so one threshold fits all scripts', () => {
    const zh = '国家统计局周三公布的数据显示，今年前五个月全国社会消费品零售总额同比增长。';
    expect(signals('', `<div><p>${zh}</p></div>`).bodyBlockChars).toBe(Math.round(zh.length * 2.5));
  });

  it('measures text split by <br> when there are no paragraphs', () => {
    const s = signals('', `<div>${[PROSE, PROSE, PROSE, PROSE].join('<br><br>')}</div>`);
    expect(s.bodyBlockChars).toBe(PROSE.length * 4);
  });

  it('measures prose set straight into sibling <div>s, and a ticker whose entries each wrap their text', () => {
    const paragraphs = Array.from({ length: 6 }, () => `<div class="paragraph">${PROSE} <a href="/x">link</a></div>`);
    expect(signals('', `<main>${paragraphs.join('')}</main>`).bodyBlockChars).toBe(PROSE.length * 6);
    const entries = Array.from(
      { length: 6 },
      () => `<div class="entry"><div class="time"><span>55'</span></div><div class="body">${PROSE}</div></div>`,
    );
    const ticker = signals('', `<div class="ticker">${entries.join('')}</div>`);
    expect(ticker.bodyBlockChars).toBe(PROSE.length * 6);
    expect(ticker.longParagraphs).toBe(6);
  });

  it('does not add up one-line <div> captions spread over separate cards', () => {
    const cards = Array.from(
      { length: 12 },
      () => `<section class="card"><a href="/a"><div class="title">${PROSE.slice(0, 60)}</div></a></section>`,
    );
    expect(signals('', cards.join('')).bodyBlockChars).toBeLessThan(150);
  });

  it('falls back to itemprop=articleBody when prose is not in <p>', () => {
    const divs = Array.from({ length: 6 }, () => `<div class="para">${PROSE}</div>`).join('');
    expect(signals('', `<section itemprop="articleBody">${divs}</section>`).bodyBlockChars).toBeGreaterThanOrEqual(
      PROSE.length * 6,
    );
  });
});

describe('URL shape signal', () => {
  it('prefers the canonical link over og:url', () => {
    const s = signals(
      '<meta property="og:url" content="https://example.com/"><link rel="canonical" href="https://example.com/2025/06/a-b-c-d">',
    );
    expect(s.urlShape).toBe('article');
  });
});

describe('scoring', () => {
  const base: ArticleSignals = {
    jsonLdArticle: false,
    microdataArticle: false,
    nonArticleSchema: false,
    ogArticle: false,
    ogNonArticle: false,
    publishedTime: false,
    articleElements: 0,
    paragraphChars: 0,
    bodyBlockChars: 0,
    longParagraphs: 0,
    passwordInput: false,
    searchQuery: false,
    urlShape: 'unknown',
  };

  it('accepts a long body of prose without any metadata', () => {
    expect(
      scoreSignals({ ...base, bodyBlockChars: 1500, paragraphChars: 1500, longParagraphs: 5 }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('accepts a short brief with full metadata', () => {
    expect(
      scoreSignals({ ...base, jsonLdArticle: true, ogArticle: true, publishedTime: true, bodyBlockChars: 300 }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('rejects a product page even with a long description and og:type=article', () => {
    const s = { ...base, nonArticleSchema: true, ogArticle: true, bodyBlockChars: 900, longParagraphs: 3 };
    expect(scoreSignals(s)).toBeLessThan(3);
  });

  it('accepts an article that embeds its video (a top-level VideoObject) when it carries long prose', () => {
    const video = { ...base, nonArticleSchema: true, ogArticle: true, bodyBlockChars: 1100, longParagraphs: 9 };
    expect(scoreSignals({ ...video, urlShape: 'article', articleElements: 17 })).toBeGreaterThanOrEqual(3);
    expect(scoreSignals({ ...video, bodyBlockChars: 200, longParagraphs: 1 })).toBeLessThan(3);
  });

  it('rejects a section front that claims og:type=article', () => {
    expect(
      scoreSignals({ ...base, ogArticle: true, articleElements: 12, bodyBlockChars: 120, paragraphChars: 1400 }),
    ).toBeLessThan(3);
  });

  it('rejects a login wall', () => {
    expect(scoreSignals({ ...base, ogArticle: true, passwordInput: true, bodyBlockChars: 90 })).toBeLessThan(3);
  });

  it('rejects a page of search results', () => {
    expect(scoreSignals({ ...base, searchQuery: true, bodyBlockChars: 700, longParagraphs: 4 })).toBeLessThan(3);
  });
});

describe('page fixtures', () => {
  const fixture = (name: string) => parse(readFileSync(join(FIXTURES, 'pages', name), 'utf8'));

  it.each([
    ['article--asharq-al-awsat--russia-ukraine-istanbul.html', true],
    ['article--world-news-daily--ukraine-grain-talks.html', true],
    ['article--world-news-daily--infinite-scroll.html', true],
    ['front--world-news-daily--world-section.html', false],
  ])('%s → likely=%s', (name, likely) => {
    expect(detectArticle(fixture(name)).likely).toBe(likely);
  });

  it('passes the single-page app once its script has rendered a story, not before', async () => {
    const html = readFileSync(join(FIXTURES, 'pages', 'article--spa-news--pushstate.html'), 'utf8');
    expect(detectArticle(parse(html)).likely).toBe(false);
    const window = new Window({
      url: 'http://127.0.0.1:8080/article--spa-news--pushstate.html',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    try {
      window.document.write(html);
      await window.happyDOM.waitUntilComplete();
      const doc = window.document as unknown as Document;
      expect(doc.querySelectorAll('#story-body p').length).toBeGreaterThan(0);
      expect(detectArticle(doc).likely).toBe(true);
    } finally {
      await window.happyDOM.close();
    }
  });
});

interface Label {
  file: string;
  label: 'article' | 'non-article';
  lang: string;
  kind: string;
  source: string;
}

describe('labelled gate set', () => {
  const dir = join(FIXTURES, 'gate');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];

  it('has enough pages of each kind in several languages', () => {
    const articles = labels.filter((l) => l.label === 'article');
    const others = labels.filter((l) => l.label === 'non-article');
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(others.length).toBeGreaterThanOrEqual(30);
    expect(new Set(labels.map((l) => l.lang)).size).toBeGreaterThanOrEqual(7);
  });

  it('keeps article recall ≥ 0.98 and non-article rejection ≥ 0.95', () => {
    let tp = 0;
    let fn = 0;
    let tn = 0;
    let fp = 0;
    const mistakes: string[] = [];
    for (const l of labels) {
      const { likely, score } = detectArticle(parse(readFileSync(join(dir, l.file), 'utf8')));
      if (l.label === 'article') {
        if (likely) tp++;
        else {
          fn++;
          mistakes.push(`missed ${l.file} (score ${score})`);
        }
      } else if (likely) {
        fp++;
        mistakes.push(`passed ${l.file} (score ${score})`);
      } else tn++;
    }
    const recall = tp / (tp + fn);
    const rejection = tn / (tn + fp);
    const precision = tp / (tp + fp);
    console.log(
      `gate: ${labels.length} pages, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp}/${tp + fn}), ` +
        `rejection ${rejection.toFixed(3)} (${tn}/${tn + fp})${mistakes.length ? `; ${mistakes.join('; ')}` : ''}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(rejection).toBeGreaterThanOrEqual(0.95);
  });
});
