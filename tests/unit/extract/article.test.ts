// @vitest-environment happy-dom
// Behaviour the reader relies on: each full article apart, teasers never captured, furniture dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { findArticleContainers } from '@/lib/extract/plan';
import { blockText, collectBlocks, removeNoise, trimBlocks } from '@/lib/extract/clean';
import { XrayLikeURL } from '../firefox-content-world';

const PAGES = join(__dirname, '../../fixtures/pages');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (file: string) => parse(readFileSync(join(PAGES, file), 'utf8'));

describe('extractArticles on the seed page', () => {
  const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
  // At the site's own address: a page elsewhere may not name aawsat.com's articles (see provenance.test.ts).
  const articles = extractArticles(doc, 'https://aawsat.com/seed.html');

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
    expect(decodeURI(articles[0].url)).toContain('5150001-لقاء-روسي');
    expect(decodeURI(articles[2].url)).toContain('5224101-ألمانيا');
  });

  it('keeps the body, drops the related block, the watermark and the repeated caption', () => {
    const main = articles[0];
    expect(main.text).toContain('تبادل جثث 6 آلاف جندي من كل جانب');
    expect(main.text).not.toContain('مقالات ذات صلة');
    expect(main.text).not.toMatch(/(^|\n)TT(\n|$)/);
    const caption = 'جانب من الجولة الثانية للمفاوضات المباشرة بين روسيا وأوكرانيا';
    expect(main.text.split(caption).length - 1).toBeLessThanOrEqual(1);
    expect(main).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      siteName: 'الشرق الأوسط',
      publishedAt: '2025-06-03T10:00:00.000Z',
    });
  });

  it('keeps the Gaza article apart from the Ukraine ones', () => {
    expect(articles[2].text).toContain('غزة');
    expect(articles[0].text).not.toContain('غزة');
  });

  it('never captures the related teasers, nor their summaries inside an article', () => {
    const titles = articles.map((a) => a.title).join('\n');
    expect(titles).not.toContain('مبعوثو ترمب إلى الشرق الأوسط');
    expect(titles).not.toContain('روسيا تدين المحاولات الأوروبية');
    for (const article of articles) {
      expect(article.text).not.toContain('لم يدخل الرئيس الأميركي دونالد ترمب إلى البيت الأبيض في عهده الثاني');
      expect(article.text).not.toContain('النشرة البريدية');
    }
  });

  it('starts each text with the body: no headline, byline, date line, caption or share bar', () => {
    for (const article of articles) {
      const first = article.text.split('\n\n')[0];
      expect(first).not.toBe(article.title);
      expect(first.length).toBeGreaterThan(80);
      expect(article.text).not.toContain(article.title);
      expect(article.text).not.toMatch(/«الشرق الأوسط»|ذو الحجة|واتساب|\(أ\.ف\.ب\)|\(إ\.ب\.أ\)/);
    }
  });
});

describe('extractArticles in a Firefox content script (page-world URLs through Xray wrappers)', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('finds the same four articles at the same addresses', () => {
    const pageUrl = 'https://aawsat.com/seed.html?utm_source=feed';
    const expected = extractArticles(load('article--asharq-al-awsat--russia-ukraine-istanbul.html'), pageUrl);
    vi.stubGlobal('URL', XrayLikeURL);
    const articles = extractArticles(load('article--asharq-al-awsat--russia-ukraine-istanbul.html'), pageUrl);
    expect(articles).toHaveLength(4);
    expect(articles.map((a) => [a.title, a.url])).toEqual(expected.map((a) => [a.title, a.url]));
  });
});

describe('extractArticles on the infinite-scroll page', () => {
  const doc = load('article--world-news-daily--infinite-scroll.html');
  const articles = extractArticles(doc, 'https://www.worldnewsdaily.example/infinite.html');

  it('captures the page article and the two appended ones, each with its own URL, byline and time', () => {
    expect(articles.map((a) => [a.url, a.byline, a.publishedAt])).toEqual([
      [
        'https://www.worldnewsdaily.example/business/2025/06/12/eu-energy-prices-summer',
        'Lucia Ferrante',
        '2025-06-12T06:00:00.000Z',
      ],
      [
        'https://www.worldnewsdaily.example/world/europe/2025/06/11/ukraine-russia-prisoner-exchange-talks',
        'Emre Yildiz',
        '2025-06-11T16:40:00.000Z',
      ],
      [
        'https://www.worldnewsdaily.example/sport/2025/06/11/madrid-beat-dortmund-late-winner',
        'Sam Okafor',
        '2025-06-11T22:15:00.000Z',
      ],
    ]);
  });

  it('drops captions, share bars, tags and the related teasers', () => {
    const all = articles.map((a) => a.text).join('\n');
    expect(all).not.toMatch(
      /Photo: World News Daily|Facebook|European Union\n|Norway's gas maintenance|Loading next story/,
    );
    expect(articles[0].text.startsWith('Household energy bills')).toBe(true);
  });
});

describe('extractArticles on other pages', () => {
  it('extracts the English article without its menus, sidebar or newsletter box', () => {
    const [article, ...rest] = extractArticles(
      load('article--world-news-daily--ukraine-grain-talks.html'),
      'http://127.0.0.1/x.html',
    );
    expect(rest).toHaveLength(0);
    expect(article.dir).toBe('ltr');
    expect(article.text.toLowerCase()).not.toMatch(/climate|election/);
    expect(article.text.length).toBeGreaterThan(2000);
  });
});

describe('extractArticles on small pages', () => {
  const body = (text: string) =>
    `<p>${text} ${'The talks continued late into the night, officials said, with no agreement on the main points. '.repeat(6)}</p>`;

  it("puts the page's own article first even when an appended one comes before it in the page", () => {
    const doc =
      parse(`<html><head><link rel="canonical" href="https://n.example/own?utm_source=x"><title>Own story</title></head><body>
      <article data-article-url="https://n.example/other"><h2>Other story</h2>${body('Other.')}</article>
      <article data-article-url="https://n.example/own"><h2>Own story</h2>${body('Own.')}</article></body></html>`);
    expect(extractArticles(doc, 'https://n.example/own?fbclid=1').map((a) => [a.url, a.title])).toEqual([
      ['https://n.example/own', 'Own story'],
      ['https://n.example/other', 'Other story'],
    ]);
  });

  it('infers right-to-left from the text when the page declares neither dir nor lang', () => {
    const doc = parse(
      `<html><head><title>خبر</title></head><body><div><h1>خبر</h1><p>${'قال الوزير إن المفاوضات ستستأنف الأسبوع المقبل في إسطنبول بحضور الوفدين. '.repeat(8)}</p></div></body></html>`,
    );
    const [article] = extractArticles(doc, 'https://n.example/ar');
    expect(article).toMatchObject({ dir: 'rtl' });
    expect(article.lang).toBeUndefined();
  });

  it("titles the page's own block by the page's headline when the block's first heading is a subheading", () => {
    const doc = parse(`<html><head><title>Covestro starts a biotech research group | Chem</title></head><body>
      <h1>Covestro starts a biotech research group</h1><article>${body('Covestro said.')}
      <h2>New lab in Leverkusen</h2>${body('The lab opened.')}</article></body></html>`);
    const [article] = extractArticles(doc, 'https://n.example/covestro');
    expect(article.title).toBe('Covestro starts a biotech research group');
    expect(article.text).toContain('New lab in Leverkusen');
  });

  it("keeps the lead in the header above the page's own <article>, without the header's byline and date", () => {
    const lead =
      'Covestro wants to grow its industrial biotechnology work and has started a new research group to find out how enzymes and microbes can make its plastics cleaner.';
    const doc = parse(`<html><head><title>Covestro starts a biotech research group</title></head><body><main>
      <div class="row article-header"><div class="meta-info">01.12.2022 | 14:08 | by Jona G.</div>
      <h1>Covestro starts a biotech research group</h1><p class="lead">${lead}</p></div>
      <article class="articleBody">${body('Covestro said.')}<h2>The new lab</h2>${body('The lab opened.')}</article></main>
      <footer><p>Imprint</p></footer></body></html>`);
    const [article] = extractArticles(doc, 'https://n.example/covestro');
    expect(article.title).toBe('Covestro starts a biotech research group');
    expect(article.text.startsWith(lead)).toBe(true);
    expect(article.text).toContain('The lab opened.');
    expect(article.text).not.toContain('Jona G.');
  });

  // A login or consent box marked up as an <article> (a broadcaster's video page had six): its text is a form's
  // labels and error messages, or a dialog's, never the page's article, and not an article appended to it either.
  const realArticle = `<div class="post"><h1>Sport stops in New York</h1>${body('New York is the centre of the pandemic.')}</div>`;
  const fieldErrors = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p role="alert">Error ${i}: this e-mail address does not seem to be valid, it must contain an @ and an existing domain.</p>`,
    ).join('');

  it('takes no login form marked up as an <article> for the page article', () => {
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body>${realArticle}
      <div class="b-dialog"><article class="login-modal"><form action="#"><h2>Log in to your account</h2>
      ${fieldErrors(6)}<label><input type="email" name="email"></label><label><input type="password" name="password"></label>
      <button>Log in</button></form></article></div></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York']);
    expect(articles[0].text).toContain('New York is the centre of the pandemic.');
    expect(articles[0].text).not.toContain('e-mail address');
  });

  it("reads no login form's messages as the page's text when the page's own text is short (a video page)", () => {
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body>
      <div class="video"><h1>Sport stops in New York</h1><p>New York is the centre of the pandemic in the United States. Sport has come to a standstill too, and nobody knows how the season goes on.</p>
      <p>The league has called off every game until the end of April, and the players have gone home to their families.</p></div>
      <div class="b-dialog"><div class="panel"><form action="#"><h2>Create an account</h2>${fieldErrors(12)}
      <label><input type="text" name="nickname"></label><button>Go on</button></form></div></div></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York']);
    expect(articles[0].text).toContain('the players have gone home');
    expect(articles[0].text).not.toContain('e-mail address');
  });

  it('takes no consent dialog marked up as an <article> for the page article', () => {
    const consent = `<p>${'We and our partners use cookies and similar techniques to understand how this website is used and to show you offers that match your interests. '.repeat(4)}</p>`;
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body>${realArticle}
      <div role="dialog" aria-modal="true" aria-label="Privacy"><article><h2>Your privacy matters to us</h2>${consent}
      <button>Accept</button></article></div></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York']);
    expect(articles[0].text).toContain('New York is the centre of the pandemic.');
    expect(articles[0].text).not.toContain('cookies');
  });

  it('reads a story a site opens in a modal dialog: the dialog holds the page headline, so it is the page', () => {
    const teasers = ['Rain in Oslo', 'Markets calm'].map((t) => `<div class="teaser"><h2>${t}</h2><p>Short.</p></div>`);
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body>${teasers.join('')}
      <div role="dialog" aria-modal="true"><article><h1>Sport stops in New York</h1>${body('New York is the centre of the pandemic.')}
      </article></div></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York']);
    expect(articles[0].text).toContain('New York is the centre of the pandemic.');
  });

  it('still reads an article that a whole-page <form> wraps (ASP.NET pages wrap the page in one)', () => {
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body><form id="aspnetForm" action="/x">
      <article><h1>Sport stops in New York</h1>${body('New York is the centre of the pandemic.')}</article>
      <article><h2>Another story</h2>${body('Elsewhere.')}</article></form></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York', 'Another story']);
    expect(articles[0].text).toContain('New York is the centre of the pandemic.');
  });

  it('reads the page that a whole-page <form> wraps even when no paragraph of it is long (its <h1> marks it)', () => {
    const short = ['New York is the centre of the pandemic in the United States.', 'Sport has come to a standstill.'];
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>${short[i % 2]} Day ${i + 1} of the shutdown.</p>`);
    const doc = parse(`<html><head><title>Sport stops in New York</title></head><body><form id="aspnetForm" action="/x">
      <div class="story"><h1>Sport stops in New York</h1>${paragraphs.join('')}</div></form></body></html>`);
    const articles = extractArticles(doc, 'https://n.example/sport/new-york');
    expect(articles.map((a) => a.title)).toEqual(['Sport stops in New York']);
    expect(articles[0].text).toContain('Sport has come to a standstill.');
  });

  it('returns nothing for a section front of teasers', () => {
    expect(extractArticles(load('front--world-news-daily--world-section.html'), 'http://127.0.0.1/world')).toEqual([]);
  });
});

describe('extractArticles on documents a parse left odd', () => {
  const prose = (topic: string) =>
    `<p>${`The council debated the ${topic} plan for hours before a narrow vote late on Tuesday evening. `.repeat(6)}</p>`;
  // Builds nodes from markup written here (the lint forbids innerHTML everywhere).
  const fill = (el: Element, html: string) =>
    el.append(...[...parse(`<body>${html}</body>`).body.childNodes].map((n) => el.ownerDocument.importNode(n, true)));
  const doc0 = () => parse('<html></html>');
  const page = (body: string, headExtra = '') =>
    parse(`<html lang="en"><head><title>Harbour plan approved</title>${headExtra}</head><body>${body}</body></html>`);

  it('reads a page with no address given, naming its article by a canonical link on its own site', () => {
    // The document's own address (here the test window's, http://localhost:3000/) stands in for the one not given.
    const site = new URL(doc0().URL).origin;
    const doc = page(
      `<h1>Harbour plan approved</h1>${prose('harbour')}`,
      `<link rel="canonical" href="${site}/harbour">`,
    );
    for (const missing of [null, undefined, '']) {
      const [article] = extractArticles(doc, missing);
      expect(article.url).toBe(`${site}/harbour`);
      expect(article.pageUrl).toBe(doc.URL);
      expect(article.text).toContain('The council debated the harbour plan');
    }
  });

  it('reads a page with neither an address nor a canonical link', () => {
    const [article] = extractArticles(page(`<h1>Harbour plan approved</h1>${prose('harbour')}`), null);
    expect(article.title).toBe('Harbour plan approved');
    expect(article.text).toContain('The council debated the harbour plan');
  });

  it('reads text a parse left outside <body>', () => {
    const doc = page('');
    const outside = doc.createElement('div');
    fill(outside, `<h1>Harbour plan approved</h1>${prose('harbour')}`);
    doc.documentElement.appendChild(outside);
    expect(doc.body.textContent).toBe('');
    const [article] = extractArticles(doc, 'https://n.example/harbour');
    expect(article.text).toContain('The council debated the harbour plan');
  });

  it('reads a page whose <body> the parse dropped', () => {
    const doc = page('');
    doc.body.remove();
    const outside = doc.createElement('div');
    fill(outside, `<h1>Harbour plan approved</h1>${prose('harbour')}`);
    doc.documentElement.appendChild(outside);
    const [article] = extractArticles(doc, 'https://n.example/harbour');
    expect(article.text).toContain('The council debated the harbour plan');
  });

  it('reads both halves of a page the parse split into two <body> elements, each article once', () => {
    const doc = page(
      `<article data-article-url="https://n.example/harbour"><h1>Harbour plan approved</h1>${prose('harbour')}</article>`,
    );
    const second = doc.createElement('body');
    fill(
      second,
      `<article data-article-url="https://n.example/bridge"><h2>Bridge repairs delayed</h2>${prose('bridge')}</article>`,
    );
    doc.documentElement.insertBefore(second, doc.body);
    const articles = extractArticles(doc, 'https://n.example/harbour');
    expect(articles.map((a) => a.url)).toEqual(['https://n.example/harbour', 'https://n.example/bridge']);
    expect(articles[1].text).toContain('the bridge plan');
    expect(articles[1].text).not.toContain('harbour');
  });

  it('reads an unmarked page the parse split into two <body> elements, the empty one first', () => {
    const doc = page(`<h1>Harbour plan approved</h1>${prose('harbour')}`);
    doc.documentElement.insertBefore(doc.createElement('body'), doc.body);
    expect(doc.body.textContent).toBe('');
    const [article] = extractArticles(doc, 'https://n.example/harbour');
    expect(article.text).toContain('The council debated the harbour plan');
  });
});

describe('extractArticles finds appended articles by their structure', () => {
  const prose = (topic: string) =>
    `<p>${`Officials described the ${topic} in detail on Tuesday, and residents asked many questions afterwards. `.repeat(6)}</p>`;
  const teasers = (n: number) =>
    `<div class="related"><h3 class="related-title">Read next</h3><ul>${Array.from(
      { length: 3 },
      (_, i) =>
        `<li><h3><a href="https://n.example/teaser-${n}-${i}">Teaser headline number ${n}-${i}</a></h3><p>A short summary of teaser ${i} that says what the story is about.</p></li>`,
    ).join('')}</ul></div>`;
  const story = (attrs: string, title: string, topic: string, heading = 'h1') =>
    `<div class="story-wrapper css-1x9fk2a"${attrs}><div class="story-header"><${heading} class="story-title">${title}</${heading}><div class="byline">By Staff</div></div><div class="story-body">${prose(topic)}${prose(`${topic} budget`)}</div></div>`;
  const page = (body: string) =>
    parse(`<html lang="en"><head><title>Harbour plan approved | Courier</title>
      <link rel="canonical" href="https://n.example/news/harbour-plan"></head><body><main>${body}</main></body></html>`);

  it('returns each repeated <div> story under its own title and address, the page own first, no teaser', () => {
    const doc = page(
      story('', 'Harbour plan approved', 'harbour plan') +
        teasers(1) +
        story(' data-href="/news/bridge-repairs"', 'Bridge repairs delayed again', 'bridge repairs') +
        teasers(2) +
        story('', 'School opens new library wing', 'library wing'),
    );
    const articles = extractArticles(doc, 'https://n.example/news/harbour-plan?utm_source=x');
    expect(articles.map((a) => a.title)).toEqual([
      'Harbour plan approved',
      'Bridge repairs delayed again',
      'School opens new library wing',
    ]);
    expect(articles[0].url).toBe('https://n.example/news/harbour-plan');
    expect(articles[1].url).toBe('https://n.example/news/bridge-repairs');
    // Without an address of its own, an appended story gets a stable one of its own, never the page's.
    expect(articles[2].url).toMatch(/^https:\/\/n\.example\/news\/harbour-plan#article-/);
    expect(extractArticles(doc, 'https://n.example/news/harbour-plan')[2].url).toBe(articles[2].url);
    expect(articles[0].text).toContain('harbour plan');
    expect(articles[0].text).not.toMatch(/bridge|library|Teaser/);
    expect(articles[1].text).toContain('bridge repairs');
    expect(articles[1].text).not.toMatch(/harbour|library/);
  });

  it('takes an appended story address from a share link that carries its id', () => {
    const doc = page(
      story(' data-nid="1001"', 'Harbour plan approved', 'harbour plan') +
        story(' data-nid="1002"', 'Bridge repairs delayed again', 'bridge repairs').replace(
          '<div class="byline">',
          '<a class="share" href="https://social.example/share?u=https%3A%2F%2Fn.example%2Fnews%2Fbridge-repairs%2F1002">Share</a><div class="byline">',
        ),
    );
    const articles = extractArticles(doc, 'https://n.example/news/harbour-plan');
    expect(articles.map((a) => a.url)).toEqual([
      'https://n.example/news/harbour-plan',
      'https://n.example/news/bridge-repairs/1002',
    ]);
  });

  it('reads blog posts whose titles are h3 and whose text is lines between <br>', () => {
    const post = (title: string, topic: string, url: string) =>
      `<div class="post-outer"><div class="post hentry"><h3 class="post-title">${title}</h3><div class="post-body">${Array.from({ length: 8 }, (_, i) => `Officials described the ${topic} in detail on day ${i + 1}, and residents asked questions.<br><br>`).join('')}</div><div class="post-footer"><a class="timestamp-link" href="${url}" rel="bookmark">10:04 AM</a></div></div></div>`;
    const doc = page(
      post('Harbour plan approved', 'harbour plan', 'https://n.example/news/harbour-plan') +
        post('Bridge repairs delayed again', 'bridge repairs', 'https://n.example/news/bridge-repairs'),
    );
    const articles = extractArticles(doc, 'https://n.example/news/harbour-plan');
    expect(articles.map((a) => [a.title, a.url])).toEqual([
      ['Harbour plan approved', 'https://n.example/news/harbour-plan'],
      ['Bridge repairs delayed again', 'https://n.example/news/bridge-repairs'],
    ]);
  });

  it('keeps one article whole when its sections repeat a template under subheadings', () => {
    const section = (title: string, topic: string) =>
      `<section class="chapter"><h2 class="chapter-title">${title}</h2>${prose(topic)}</section>`;
    const doc = page(
      `<div class="article"><h1>Harbour plan approved</h1>${section('The vote', 'vote')}${section('The cost', 'cost')}${section('What comes next', 'next steps')}</div>`,
    );
    const articles = extractArticles(doc, 'https://n.example/news/harbour-plan');
    expect(articles).toHaveLength(1);
    expect(articles[0].text).toContain('the vote');
    expect(articles[0].text).toContain('the next steps');
  });

  it('finds no article in repeated blocks when none of them is the page own (a section front)', () => {
    const doc = page(
      story('', 'Bridge repairs delayed again', 'bridge') + story('', 'School opens new library wing', 'library'),
    );
    expect(findArticleContainers(doc, () => false)).toEqual([]);
  });
});

describe('clean-up helpers', () => {
  it('blockText separates blocks by blank lines and folds whitespace', () => {
    const document = parse('<div><h2>Head</h2><p>One\n  two <b>three</b></p><ul><li>a</li><li>b</li></ul></div>');
    expect(blockText(document.querySelector('div')!)).toBe('Head\n\nOne two three\n\na\n\nb');
  });
  it('reads the base text of ruby, without the readings printed over it (furigana)', () => {
    const child = '<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども';
    const document = parse(`<div><p>${child}への<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくす</p></div>`);
    expect(blockText(document.querySelector('div')!)).toBe('子どもへの虐待をなくす');
    const sentence = `${child}を<ruby>守<rt>まも</rt></ruby>るための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。`;
    const page = parse(
      `<html lang="ja"><head><title>新しい法律</title></head><body><article><h1>新しい法律</h1>` +
        `<p>${sentence.repeat(12)}</p><p>${sentence.repeat(12)}</p></article></body></html>`,
    );
    const [article] = extractArticles(page, 'https://www3.nhk.or.jp/news/easy/k1/k1.html');
    expect(article.text).toContain('子どもを守るための法律ができました。');
    expect(article.text).not.toMatch(/子こ|守まも|法律ほうりつ/u);
  });
  it('leaves out soft hyphens, which split words in the text read (a French page hyphenated with &shy;)', () => {
    const sentence =
      'En r&shy;éac&shy;tion à la can&shy;di&shy;da&shy;ture du conseiller, plus de 2500 cher&shy;cheurs annoncent une can&shy;di&shy;da&shy;ture col&shy;lec&shy;tive. ';
    const page = parse(
      `<html lang="fr"><head><title>Une candidature collective</title></head><body><article><h1>Une candidature collective</h1>` +
        `<p>${sentence.repeat(6)}</p><p>${sentence.repeat(6)}</p></article></body></html>`,
    );
    const [article] = extractArticles(page, 'https://n.example/1927');
    expect(article.text).toContain('En réaction à la candidature du conseiller, plus de 2500 chercheurs');
    expect(article.text).not.toContain('\u00ad');
  });
  it('removeNoise drops furniture (a share bar, a tag list)', () => {
    const document = parse(
      '<div><div class="share-bar">Share</div><ul class="tags"><li>x</li></ul><p>Body text.</p></div>',
    );
    const root = document.querySelector('div')!;
    removeNoise(root);
    expect(blockText(root)).toBe('Body text.');
  });
  it('removeNoise reads no furniture word in atomic class names (`ad`, `sr` among generated two-letter classes)', () => {
    const document = parse(
      '<div><p class="pw-post-body-paragraph go qg ad ot sr bk">Body text one.</p><p class="pw-post-body-paragraph ii sr zn ad">Body text two.</p><div class="ad">Buy now</div></div>',
    );
    const root = document.querySelector('div')!;
    removeNoise(root);
    expect(blockText(root)).toBe('Body text one.\n\nBody text two.');
  });
  it("removeNoise keeps a live ticker's entries (`live-match-comment`) and drops readers' comments", () => {
    const document = parse(
      '<div><div class="live-match-comment"><div class="live-match-comment-body">Lorient hold Lyon to a draw at the Moustoir.</div></div><div class="comment-body">First! Great match.</div><p>Body text.</p></div>',
    );
    const root = document.querySelector('div')!;
    removeNoise(root);
    expect(blockText(root)).toBe('Lorient hold Lyon to a draw at the Moustoir.\n\nBody text.');
  });
  it('removeNoise keeps a header wrapper that holds a paragraph of prose (the standfirst) and drops one without', () => {
    const lead =
      'Covestro wants to grow its industrial biotechnology work and has started a new research group to find out how enzymes and microbes can make its plastics cleaner.';
    const document = parse(
      `<div><div class="article-header"><p class="lead">${lead}</p></div><div class="page-header">Menu Home News</div><p>Body text.</p></div>`,
    );
    const root = document.querySelector('div')!;
    removeNoise(root);
    expect(blockText(root)).toBe(`${lead}\n\nBody text.`);
  });
  it('trimBlocks drops the repeated headline, the date line, credits, link lines and closing calls to action', () => {
    const prose =
      'Negotiators met for six hours in Istanbul on Thursday and agreed to meet again before the end of the month, officials said.';
    const document = parse(`<div><h1>Talks resume in Istanbul</h1><p>Updated 10:42 am, June 12, 2025</p><p>${prose}</p>
      <p>Delegates arrive at the palace. (Photo: Reuters)</p><p>Read also: <a href="/x">Grain corridor explained in five charts</a></p>
      <p>${prose}</p><p>Sign up for our morning newsletter.</p></div>`);
    const kept = trimBlocks(collectBlocks(document.querySelector('div')!), { titles: ['Talks resume in Istanbul'] });
    expect(kept.map((b) => b.text)).toEqual([prose, prose]);
  });

  it("trimBlocks reads an agency's credit in capitals only: 'ePA/ePF' in a sentence is not one", () => {
    const prose =
      'Without specifications and with slow work on the ePA/ePF records, clinics and their partners build their own tools.';
    const document = parse(`<div><p>${prose}</p><p>Delegates at the palace. REUTERS/Jane Doe</p><p>${prose}</p></div>`);
    const kept = trimBlocks(collectBlocks(document.querySelector('div')!), { titles: [] });
    expect(kept.map((b) => b.text)).toEqual([prose, prose]);
  });
});

describe('bounded work on giant pages', () => {
  it('spends the budget on visible text only: JSON in a script does not cut its article short', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `<p>Session ${i + 1}: ${'negotiators met again in Istanbul to discuss grain shipments. '.repeat(5)}</p>`,
    );
    // Sites ship their state as JSON in scripts, often several, each inside a small wrapper.
    const state = (part: number) =>
      `<div class="state"><script type="application/json">${JSON.stringify({ part, items: 'x'.repeat(26_000) })}</script></div>`;
    const doc = new DOMParser().parseFromString(
      `<html lang="en"><head><title>Talks</title></head><body>${state(1)}${state(2)}${state(3)}<div class="story"><h1>Talks resume in Istanbul</h1>${paragraphs.join('')}</div></body></html>`,
      'text/html',
    );
    const [article] = extractArticles(doc, 'https://n.example/talks');
    expect(article.text).toContain('Session 40: negotiators');
  });

  it('reads at most about 80,000 characters of one article, title and lead included', () => {
    // Distinct paragraphs: repeated ones would be dropped as duplicates.
    const paragraphs = Array.from(
      { length: 800 },
      (_, i) =>
        `<p>Session ${i + 1}: ${'negotiators met again in Istanbul to discuss grain shipments and prisoner exchanges. '.repeat(5)}</p>`,
    );
    const doc = new DOMParser().parseFromString(
      `<html lang="en"><head><title>Giant</title></head><body><article><h1>A very long report on the talks</h1>${paragraphs.join('')}</article></body></html>`,
      'text/html',
    );
    const [article] = extractArticles(doc, 'https://n.example/giant');
    expect(article.title).toBe('A very long report on the talks');
    expect(article.text.startsWith('Session 1: negotiators met again')).toBe(true);
    expect(article.text.length).toBeGreaterThan(70_000);
    expect(article.text.length).toBeLessThanOrEqual(82_000);
  });
});
