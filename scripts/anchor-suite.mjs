// The edit-simulation suite for highlight re-attachment (`npm run bench:anchor`): real articles from
// ../shared/corpus/ made into pages, highlights chosen by a seeded generator (never by looking at
// what the anchoring does), and the page changes a returning reader meets, each with where every
// highlight's text went (or that it is gone). Pages are generated at bench time: the news-ar texts
// (CC BY-NC-SA) never enter the repository.
import { join } from 'node:path';
import { build } from 'vite';
import { corpusTexts } from './corpus-texts.mjs';
import { ROOT } from './harness.mjs';

export const SEED = 18;
export const HIGHLIGHTS_PER_ARTICLE = 22;
export const PULL_QUOTES_PER_ARTICLE = 8;
export const CASES = [
  'unchanged',
  'insertions',
  'markup',
  'appended copy',
  'deleted',
  'one letter',
  'one word',
  'pull quote',
];

/** mulberry32: small, seedable, the same sequence on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (xs) => xs[next.int(xs.length)];
  next.shuffle = (xs) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return next;
}

const paragraphsOf = (text) =>
  text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

// Reading the corpus parses every extraction-dev page: once per process, for the suite and the big page.
let texts;
const articleTexts = () => (texts ??= [...corpusTexts(['news-ar', 'dev'])]);

/** 12 Arabic articles, every eligible one in another language than English, English to make 40; seeded. */
export function chooseArticles(random) {
  const all = articleTexts().map((t) => ({ ...t, paragraphs: paragraphsOf(t.text) }));
  const eligible = (t, chars) => t.text.length >= chars && t.paragraphs.length >= 6;
  const arabic = random.shuffle(all.filter((t) => t.lang === 'ar' && eligible(t, 2500))).slice(0, 12);
  const other = all.filter((t) => t.ref.startsWith('dev:') && t.lang !== 'en' && eligible(t, 2000));
  const english = random.shuffle(all.filter((t) => t.lang === 'en' && eligible(t, 2500)));
  const chosen = [...arabic, ...other, ...english.slice(0, 40 - arabic.length - other.length)];
  // Split once into halves: thresholds are tuned on the first, the second checks they hold.
  return random.shuffle(chosen).map((t, i) => ({ ...t, half: i % 2 === 0 ? 'tuning' : 'validation' }));
}

const wordSpans = (text, lang) =>
  [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => [s.index, s.index + s.segment.length]);

const sentenceSpans = (text, lang) =>
  [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => [
    s.index,
    s.index + s.segment.trimEnd().length,
  ]);

/** Words a reader selects: a few, a phrase, a sentence or two. */
function highlightWords(random) {
  const r = random();
  if (r < 0.2) return 1 + random.int(2);
  if (r < 0.65) return 3 + random.int(8);
  return 11 + random.int(30);
}

function makeHighlight(random, blocks, lang, id, { atStart = false, block } = {}) {
  const weights = blocks.map((b) => b.text.length);
  const total = weights.reduce((a, b) => a + b, 0);
  let b = block;
  if (b === undefined) {
    let x = random() * total;
    for (b = 0; b < blocks.length - 1 && x >= weights[b]; b++) x -= weights[b];
  }
  const words = wordSpans(blocks[b].text, lang);
  if (!words.length) return null;
  const first = atStart ? 0 : random.int(words.length);
  const last = Math.min(words.length - 1, first + highlightWords(random) - 1);
  return { id, block: blocks[b].id, start: words[first][0], end: words[last][1] };
}

/** Which of `items` can share one page: their paragraphs at least two apart, so one's edit cannot touch another's context. */
function groups(items, blockIndex) {
  const out = [];
  for (const item of items) {
    const at = blockIndex(item.block);
    const group = out.find((g) => g.every((other) => Math.abs(blockIndex(other.block) - at) >= 2));
    if (group) group.push(item);
    else out.push([item]);
  }
  return out;
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Block text with some words wrapped in inline elements (no text added). */
function inlineHtml(text, wraps) {
  let out = '';
  let at = 0;
  for (const [s, e, tag] of [...wraps].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += escape(text.slice(at, s));
    out +=
      tag === 'a' ? `<a href="#r${s}">${escape(text.slice(s, e))}</a>` : `<${tag}>${escape(text.slice(s, e))}</${tag}>`;
    at = e;
  }
  return out + escape(text.slice(at));
}

function randomWraps(random, text, lang) {
  const words = wordSpans(text, lang);
  const wraps = [];
  for (let i = 0; i < Math.min(3, Math.floor(words.length / 15)); i++) {
    const [s, e] = random.pick(words);
    wraps.push([s, e, random.pick(['a', 'b', 'em', 'span'])]);
  }
  return wraps;
}

function blockHtml(b, wraps) {
  const attrs = `data-sim="${b.id}"${b.cls ? ` class="${b.cls}"` : ''}`;
  const inner = inlineHtml(b.text, wraps.get(b.id) ?? []);
  if (b.tag === 'figure') return `<figure ${attrs}><blockquote><p>${inner}</p></blockquote></figure>`;
  if (b.tag === 'aside') return `<aside ${attrs}><p>${inner}</p></aside>`;
  return `<${b.tag} ${attrs}>${inner}</${b.tag}>`;
}

/**
 * Markup changes: other words wrapped, and in about half the blocks a space turned into a run with a line break.
 * Returns the blocks, their wraps and where a highlight's text went.
 */
function remarkup(random, blocks, langOf) {
  const wraps = new Map(blocks.map((b) => [b.id, randomWraps(random, b.text, langOf(b))]));
  const shifted = new Map();
  const reflowed = blocks.map((b) => {
    const spaces = [...b.text.matchAll(/ /g)].map((m) => m.index);
    if (!spaces.length || random() < 0.5) return b;
    const at = random.pick(spaces);
    shifted.set(b.id, { at, by: 3 });
    wraps.set(
      b.id,
      wraps.get(b.id).map(([s, e, t]) => [s > at ? s + 3 : s, e > at ? e + 3 : e, t]),
    );
    return { ...b, text: `${b.text.slice(0, at)}  \n ${b.text.slice(at + 1)}` };
  });
  const moved = (h) => {
    const s = shifted.get(h.block);
    const move = (x) => (s && x > s.at ? x + s.by : x);
    return { id: h.id, expect: { block: h.block, start: move(h.start), end: move(h.end) } };
  };
  return { reflowed, wraps, moved };
}

/** A page from blocks: the site's frame around the article, the article's paragraphs, inline markup. */
function render(article, blocks, { wraps, indent = '', ad = '', appended = null, extra = '' }) {
  const dir = article.lang === 'ar' ? ' dir="rtl"' : '';
  const nl = `\n${indent}`;
  const block = (b) => blockHtml(b, wraps);
  const body = (bs, url) =>
    `<article${url ? ` data-article-url="${url}"` : ''}>${nl}<h1>${escape(article.title)}</h1>${nl}<p class="byline">Staff reporter</p>${nl}<div class="article-body">${nl}${bs.map(block).join(nl)}${nl}</div>${nl}</article>`;
  return (
    `<!doctype html><html lang="${article.lang}"${dir}><head><meta charset="utf-8"><title>${escape(article.title)}</title>` +
    `<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}</style></head><body>${nl}` +
    `<header><nav><a href="#">Home</a> <a href="#">World</a> <a href="#">Business</a> <a href="#">Opinion</a></nav></header>${nl}` +
    `<script>window.dataLayer = [{"section":"news","words":${article.text.length}}];</script>${nl}` +
    ad +
    `<main>${nl}${body(blocks)}${appended ? nl + body(appended, 'https://news.example/again') : ''}${nl}</main>${nl}${extra}` +
    `<footer><p>Share this article. © News Example. All rights reserved. Terms of use and privacy.</p></footer>${nl}</body></html>`
  );
}

const LETTERS = /\p{L}/u;
const scriptOf = (c) =>
  /\p{Script=Arabic}/u.test(c)
    ? 'ar'
    : /\p{Script=Latin}/u.test(c)
      ? 'la'
      : /\p{Script=Cyrillic}/u.test(c)
        ? 'cy'
        : /\p{Script=Hangul}/u.test(c)
          ? 'ko'
          : 'x';

/** Everything the bench needs: per article, its base page, highlights and the edited pages with expectations. */
export function buildSuite(seed = SEED) {
  const random = rng(seed);
  const articles = chooseArticles(random);
  return articles.map((article, n) => {
    const lang = article.lang;
    const blocks = article.paragraphs.map((text, i) => ({ id: `p${i}`, tag: 'p', text }));
    const indexOf = (id) => blocks.findIndex((b) => b.id === id);
    const highlights = [];
    while (highlights.length < HIGHLIGHTS_PER_ARTICLE) {
      const h = makeHighlight(random, blocks, lang, `h-a${n}-${String(highlights.length).padStart(4, '0')}`);
      if (h) highlights.push(h);
    }
    // Pull quotes copy a paragraph's first sentence: their highlights start a paragraph of two sentences or more.
    const pullable = blocks
      .map((b, i) => ({ b, i, sentences: sentenceSpans(b.text, lang) }))
      .filter(({ sentences }) => sentences.length >= 2);
    const pullQuoted = random.shuffle(pullable).slice(0, PULL_QUOTES_PER_ARTICLE);
    const pullHighlights = pullQuoted
      .map(({ i }, k) =>
        makeHighlight(random, blocks, lang, `h-a${n}-pq${String(k).padStart(2, '0')}`, { atStart: true, block: i }),
      )
      .filter(Boolean);

    const baseWraps = new Map(blocks.map((b) => [b.id, randomWraps(random, b.text, lang)]));
    const base = render(article, blocks, { wraps: baseWraps });
    const keep = (h) => ({ id: h.id, expect: { block: h.block, start: h.start, end: h.end } });
    const pages = [];
    pages.push({ case: 'unchanged', html: base, items: highlights.map(keep) });

    // Paragraphs from another article in the same language, inserted at random boundaries.
    const donors = articles.filter((a, i) => i !== n && a.lang === lang);
    const donor = donors.length ? random.pick(donors) : articles[(n + 1) % articles.length];
    const inserted = [...blocks];
    for (let k = 0; k < 3; k++) {
      const text = random.pick(donor.paragraphs).slice(0, 600);
      inserted.splice(random.int(inserted.length + 1), 0, { id: `ins${k}`, tag: 'p', text });
    }
    pages.push({
      case: 'insertions',
      html: render(article, inserted, { wraps: baseWraps }),
      items: highlights.map(keep),
    });

    // Markup: other words wrapped, indentation, script and style in the body, spaces turned into runs.
    const { reflowed, wraps: markupWraps, moved } = remarkup(random, blocks, () => lang);
    const extra = `<script>document.documentElement.dataset.ready = "1";</script><style>.ad{display:none}</style>`;
    const markupHtml = render(article, reflowed, { wraps: markupWraps, indent: '      ', extra }).replace(
      '<div class="article-body">',
      `<div class="article-body"><script>var related = ${JSON.stringify(article.title)};</script>`,
    );
    pages.push({ case: 'markup', html: markupHtml, items: highlights.map(moved) });

    // The story appended again below (infinite scroll) under an ad that shifts the page.
    const ad = `<div class="ad"><p>Advertisement</p><p>${escape(random.pick(donor.paragraphs).slice(0, 300))}</p></div>\n`;
    const copy = blocks.map((b) => ({ ...b, id: `c-${b.id}` }));
    pages.push({
      case: 'appended copy',
      html: render(article, blocks, { wraps: baseWraps, ad, appended: copy }),
      items: highlights.map(keep),
    });

    const edited = (kind, items, edit) => {
      for (const group of groups(items, indexOf)) {
        const changed = blocks.map((b) => ({ ...b }));
        const wraps = new Map(baseWraps);
        const expectations = [];
        for (const h of group) {
          const b = changed.find((x) => x.id === h.block);
          expectations.push({ id: h.id, expect: edit(h, b, changed, wraps) });
        }
        pages.push({ case: kind, html: render(article, changed.filter(Boolean), { wraps }), items: expectations });
      }
    };

    edited('deleted', highlights, (h, b, changed, wraps) => {
      const mode = random();
      wraps.set(b.id, []);
      if (mode < 0.3) {
        changed.splice(changed.indexOf(b), 1);
      } else if (mode < 0.6) {
        const sentences = sentenceSpans(b.text, lang);
        const from = sentences.find(([s, e]) => s <= h.start && h.start < Math.max(e, s + 1))?.[0] ?? h.start;
        const to = [...sentences].reverse().find(([s]) => s < h.end)?.[1] ?? h.end;
        b.text = (b.text.slice(0, from) + b.text.slice(Math.max(to, h.end))).replace(/\s+/g, ' ').trim();
      } else {
        b.text = (b.text.slice(0, h.start) + b.text.slice(h.end)).replace(/ {2,}/g, ' ');
      }
      if (!b.text) changed.splice(changed.indexOf(b), 1);
      return null;
    });

    const blockText = (h) => blocks[indexOf(h.block)].text.slice(h.start, h.end);
    edited(
      'one letter',
      highlights.filter((h) => LETTERS.test(blockText(h))),
      (h, b, _changed, wraps) => {
        const letters = [...new Set(article.text)].filter((c) => LETTERS.test(c));
        const othersOf = (c) => letters.filter((x) => x !== c && scriptOf(x) === scriptOf(c));
        // Only letters another letter of their script can replace: a tatweel (script Common) has none, and
        // picking from nothing wrote "undefined" into the page (one letter turned into nine).
        const positions = [];
        for (let i = h.start; i < h.end; i++)
          if (LETTERS.test(b.text[i]) && othersOf(b.text[i]).length) positions.push(i);
        const at = random.pick(positions);
        b.text = b.text.slice(0, at) + random.pick(othersOf(b.text[at])) + b.text.slice(at + 1);
        wraps.set(b.id, []);
        return { block: h.block, start: h.start, end: h.end };
      },
    );

    // Changing the only word of a one-word highlight replaces it: that is not rewording, so those are left out.
    const wordy = highlights.filter((h) => wordSpans(blockText(h), lang).length >= 2);
    const vocabulary = [...new Set(wordSpans(article.text, lang).map(([s, e]) => article.text.slice(s, e)))].filter(
      (w) => w.length >= 2,
    );
    edited('one word', wordy, (h, b, _changed, wraps) => {
      const [s, e] = random.pick(wordSpans(b.text.slice(h.start, h.end), lang)).map((x) => x + h.start);
      const old = b.text.slice(s, e);
      let word = random.pick(vocabulary);
      while (word === old) word = random.pick(vocabulary);
      b.text = b.text.slice(0, s) + word + b.text.slice(e);
      wraps.set(b.id, []);
      return { block: h.block, start: h.start, end: h.end + word.length - old.length };
    });

    const variants = [
      { tag: 'blockquote', cls: 'pull-quote' },
      { tag: 'aside', cls: 'pullquote' },
      { tag: 'figure', cls: 'wp-block-pullquote' },
      { tag: 'div', cls: 'pull-quote' },
    ];
    edited('pull quote', pullHighlights, (h, b, changed) => {
      const [, end] = sentenceSpans(b.text, lang)[0];
      let text = b.text.slice(0, end);
      if (text.length > 300) text = text.slice(0, text.lastIndexOf(' ', 300));
      changed.splice(changed.indexOf(b), 0, { id: `pq-${b.id}`, ...random.pick(variants), text });
      return { block: h.block, start: h.start, end: h.end };
    });

    return {
      ref: article.ref,
      lang,
      half: article.half,
      chars: article.text.length,
      base,
      highlights,
      pullHighlights,
      pages,
    };
  });
}

// The issue's speed target: 100 highlights re-attached on a page of about 1 MB.
export const BIG_PAGE_CHARS = 1_000_000;
export const BIG_PAGE_HIGHLIGHTS = 100;

/** A news site's endless page: whole articles one after another, each in its own language and direction. */
function renderFeed(articles, blocks, { wraps, indent = '', extra = '' }) {
  const nl = `\n${indent}`;
  const inner = articles.map(() => []);
  for (const b of blocks) inner[b.article].push(blockHtml(b, wraps));
  const body = articles.map((a, n) => {
    const dir = a.lang === 'ar' ? ' dir="rtl"' : '';
    return `<article lang="${a.lang}"${dir}>${nl}<h2>${escape(a.title)}</h2>${nl}<div class="article-body">${nl}${inner[n].join(nl)}${nl}</div>${nl}</article>`;
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Latest news</title>` +
    `<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}</style></head><body>${nl}` +
    `<header><nav><a href="#">Home</a> <a href="#">World</a> <a href="#">Business</a></nav></header>${nl}` +
    `<script>window.dataLayer = [{"section":"latest","articles":${articles.length}}];</script>${nl}` +
    `<main>${nl}${body.join(nl)}${nl}</main>${nl}${extra}` +
    `<footer><p>© News Example. All rights reserved.</p></footer>${nl}</body></html>`
  );
}

/**
 * The speed case: corpus articles (news-ar and extraction-dev, seeded order) concatenated until their text passes
 * 1,000,000 characters, 100 seeded highlights, and the page as a returning reader meets it: a paragraph inserted
 * near the top (every stored position is off), other words wrapped, re-flowed whitespace, script and style added.
 */
export function buildBigPage(seed = SEED) {
  const random = rng(seed ^ 0x1b16);
  const pool = random.shuffle(
    articleTexts()
      .map((t) => ({ ...t, paragraphs: paragraphsOf(t.text) }))
      .filter((t) => t.paragraphs.length >= 6),
  );
  const articles = [];
  for (let chars = 0, i = 0; chars < BIG_PAGE_CHARS; i++) {
    articles.push(pool[i]);
    chars += pool[i].title.length + pool[i].paragraphs.reduce((n, p) => n + p.length, 0);
  }
  const donor = pool[articles.length];
  const blocks = articles.flatMap((a, n) =>
    a.paragraphs.map((text, i) => ({ id: `a${n}-p${i}`, tag: 'p', text, article: n, lang: a.lang })),
  );
  const langOf = (b) => b.lang;
  const wraps = new Map(blocks.map((b) => [b.id, randomWraps(random, b.text, langOf(b))]));
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  const highlights = [];
  while (highlights.length < BIG_PAGE_HIGHLIGHTS) {
    let x = random() * total;
    let b = 0;
    for (; b < blocks.length - 1 && x >= blocks[b].text.length; b++) x -= blocks[b].text.length;
    const id = `h-big-${String(highlights.length).padStart(3, '0')}`;
    const h = makeHighlight(random, blocks, blocks[b].lang, id, { block: b });
    if (h) highlights.push(h);
  }
  const { reflowed, wraps: editedWraps, moved } = remarkup(random, blocks, langOf);
  const insert = { id: 'ins', tag: 'p', text: random.pick(donor.paragraphs).slice(0, 600), article: 0 };
  reflowed.splice(2, 0, insert);
  const extra = `<script>document.documentElement.dataset.ready = "1";</script><style>.ad{display:none}</style>`;
  return {
    articles: articles.length,
    languages: [...new Set(articles.map((a) => a.lang))],
    base: renderFeed(articles, blocks, { wraps }),
    highlights,
    edited: {
      html: renderFeed(articles, reflowed, { wraps: editedWraps, indent: '  ', extra }),
      items: highlights.map(moved),
    },
  };
}

/** lib/anchor bundled for a page (tests/bench/anchor-page.ts as `AnchorBench`): no extension build is needed. */
export async function bundleAnchorPage() {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, 'tests', 'bench', 'anchor-page.ts'), formats: ['iife'], name: 'AnchorBench' },
    },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}
