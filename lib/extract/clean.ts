// Furniture that Readability keeps inside article bodies (captions, share bars, tags, related and newsletter
// blocks, repeated titles, byline and date lines); each rule stays only if it pays on both corpora (rules.ts).
import { CLEAN_RULES as on } from './rules';

// Words in class names and ids that mark furniture. Class names are split into words, so
// `c-share-bar` and `relatedLinks` match while `shared-content` or `url-breadcrumb` wrappers
// are still guarded by the size check in `isFurniture`.
const FURNITURE_WORDS = new Set([
  'share',
  'sharing',
  'sharebar',
  'sharetools',
  'social',
  'socials',
  'sociallinks',
  'tags',
  'taglist',
  'keywords',
  'topics',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'optin',
  'paywall',
  'cta',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'recirculation',
  'outbrain',
  'taboola',
  'trending',
  'popular',
  'mostread',
  'promo',
  'promotion',
  'sponsor',
  'sponsored',
  'advert',
  'advertisement',
  'advertising',
  'ad',
  'ads',
  'adslot',
  'dfp',
  'gpt',
  'watermark',
  'breadcrumb',
  'breadcrumbs',
  'comments',
  'comment',
  'disqus',
  'toolbar',
  'modal',
  'popup',
  'caption',
  'captions',
  'credit',
  'credits',
  'figcaption',
  'gallery',
  'slideshow',
  'carousel',
  'lightbox',
  'byline',
  'bylines',
  'author',
  'authors',
  'dateline',
  'timestamp',
  'published',
  'updated',
  'meta',
  'metadata',
  'bio',
  'footer',
  'header',
  'visually',
  'sr',
  'screenreader',
  'offscreen',
]);

// Two-word class names ("read-more", "also-read", "more-stories") that mark furniture.
const FURNITURE_PAIRS =
  /\b(read (more|also|next)|also (read|see|on)|see also|more (stories|news|from|on|like|articles)|next (article|story|post)|you (may|might)|don ?t miss|further reading|in (this|other) (story|news)|most (read|viewed|popular)|author (box|info|card)|about (the )?author|sign up|follow us|skip (to|link))\b/;

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** The words of an element's class names and id: `relatedLinks c-share_bar` gives related, links, c, share, bar. */
function attributeWords(el: Element): string {
  const raw = `${atomicFree(el.getAttribute('class') ?? '')} ${el.getAttribute('id') ?? ''}`;
  if (!raw.trim()) return '';
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A class list without its atomic classes: generated two- and three-letter names (`go qg ad ot sr`) name no part of
 * a page, and would read as "ad" or "sr" on every paragraph of a site that uses them.
 */
function atomicFree(classes: string): string {
  const tokens = classes.split(/\s+/).filter(Boolean);
  const short = tokens.filter((t) => t.length <= 3);
  return short.length >= 4 ? tokens.filter((t) => t.length > 3).join(' ') : classes;
}

/** Which furniture an element's name says it is: 'pair' for a two-word name, else its furniture words; none: not. */
function furnitureWords(el: Element): string[] {
  const words = attributeWords(el);
  if (!words) return [];
  if (FURNITURE_PAIRS.test(words)) return ['pair'];
  const list = words.split(' ');
  // A live ticker's entries are its reporters' comments (`live-match-comment`), not readers'.
  const live = list.includes('live');
  return list.filter((word) => FURNITURE_WORDS.has(word) && !(live && word.startsWith('comment')));
}

/** Characters of text, folding whitespace runs to one. */
export function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let total = 0;
  for (const a of el.querySelectorAll('a')) total += textLength(a);
  return total;
}

/**
 * Furniture by name, unless it holds a real share of the article's own prose: wrappers with
 * names like `article-body related-content` or `js-share-root` are common and hold the body.
 */
function isFurniture(el: Element, rootProse: number): boolean {
  const names = furnitureWords(el);
  if (names.length === 0) return false;
  const length = textLength(el);
  if (length === 0) return true;
  // An article header's paragraph of prose is its standfirst, not furniture.
  if (on.headerLeads && names.every((n) => n === 'header') && proseParagraphs(el) > 0) return false;
  const prose = length - linkTextLength(el);
  return prose < Math.max(200, rootProse * 0.2) && proseParagraphs(el) < 3;
}

/** Paragraphs of running text (at least 25 words, few of them links): what furniture does not hold. */
function proseParagraphs(el: Element): number {
  let count = 0;
  for (const p of el.querySelectorAll('p')) {
    const length = textLength(p);
    if ((p.textContent ?? '').split(/\s+/).length >= 25 && linkTextLength(p) < length * 0.3) count++;
  }
  return count;
}

/**
 * Removes furniture (share bars, tag lists, related blocks…) in place, from the library's output: on the whole page
 * the size guard is too weak, and removing it before the library scores the page changed which block it picked on
 * some corpus pages for the worse.
 */
export function removeNoise(root: Element): void {
  if (on.furniture) dropFurniture(root);
}

/**
 * Cleans the library's output, where the root is the article alone: furniture, figures and their
 * captions (credits and alt-text echoes, not the article's prose).
 */
export function cleanArticleContent(root: Element): void {
  removeNoise(root);
  if (on.figures)
    for (const el of [...root.querySelectorAll('figcaption, figure')]) {
      // A <figure> that holds a long quote or a table is content; one around a picture is not.
      if (root.contains(el) && (el.tagName.toUpperCase() === 'FIGCAPTION' || textLength(el) < 400)) el.remove();
    }
}

function dropFurniture(root: Element): void {
  const rootProse = textLength(root) - linkTextLength(root);
  for (const el of [...root.querySelectorAll('[class], [id]')]) {
    if (el !== root && root.contains(el) && isFurniture(el, rootProse)) el.remove();
  }
}

/** A paragraph, heading or list item of the output, with how much of it is link text. */
export interface TextBlock {
  text: string;
  linkChars: number;
}

/**
 * Never part of the text read: code, and ruby annotations (`<rt>`, `<rp>`): the reading printed over a word, as
 * Japanese furigana, would split every annotated word in two (子こども for 子ども) and no topic or search would find it.
 */
const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP']);

/**
 * Soft hyphens (U+00AD) are hyphenation hints, shown only where a line breaks: in the text read they split words
 * (`réac\u00adtion`), and a quote copied from the article, an exported note or a search finds them in none.
 */
const SOFT_HYPHENS = /\u00ad/g;

/** Plain text blocks (paragraphs, headings, list items…), whitespace folded, soft hyphens left out. */
export function collectBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let line = '';
  let links = 0;
  const flush = () => {
    const text = (on.softHyphens ? line.replace(SOFT_HYPHENS, '') : line).replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').trim();
    if (text) blocks.push({ text, linkChars: Math.min(links, text.length) });
    line = '';
    links = 0;
  };
  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      line += value;
      if (inLink) links += value.replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).tagName.toUpperCase();
    if (NOT_READ.has(name)) return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    const link = inLink || name === 'A';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, link);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}

/** Plain text with one blank line between blocks, so sentences and paragraphs survive. */
export function blockText(root: Element): string {
  return joinBlocks(collectBlocks(root));
}

export function joinBlocks(blocks: TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const normalized = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

// A line of metadata: a date or time, "By …", "Updated …", a photo credit.
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(
  `(\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTH} \\d{1,2}\\b|\\b\\d{1,2} ${MONTH}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b(updated|published|posted)\\b)`,
  'i',
);
const BYLINE = /^(by|por|von|par|di|от|بقلم|كتب)\s/i;
const CREDIT =
  /(\b(photo|image|picture|credit|foto)s?\s*(by|credit)?\s*:|(تصوير|الصورة)\s*:|\((photo|image|credit|ap|reuters|afp|getty)[^)]*\)\s*$|\bgetty images\s*$|credit\s*\.\.\.|\bcredit:)/i;
// An agency's credit before the photographer's name ("REUTERS/Jane Doe", "AP Photo/…"), written in capitals as
// agencies sign: in lower case "ePA/ePF" is an abbreviation in a sentence, not a credit.
const AGENCY_CREDIT = /\b(REUTERS|Reuters|AP|AFP|EPA)\s*(Photo|PHOTO)?\//;
// Calls to action and credits that close an article: newsletter and follow prompts, reporting credits, copyright.
const CLOSING_LINE =
  /(\bsign(ing)? up\b|\bsubscribe\b|\bnewsletters?\b|\bfollow (us|him|her|me|them|[@\w'’]+ on)\b|\bclick here\b|\bcontributed (to )?(this )?(report|story)|\breporting by\b|\bediting by\b|\bwrite to\b|\bemail \S+ at\b|\breach (the )?\S+ at\b|\bcopyright\b|©|\ball rights reserved\b|\bjoin our\b|\bhave a (news )?tip\b|\bdownload (the|our)\b)/i;

export interface TrimContext {
  /** The article's headline in its various forms (og:title, JSON-LD, <h1>): repeated headlines are dropped. */
  titles: string[];
}

/** Drops the headline, byline and date lines, captions and link lines the library kept in the text. */
export function trimBlocks(blocks: TextBlock[], context: TrimContext): TextBlock[] {
  const titles = new Set(context.titles.map(normalized).filter((t) => t.length > 0));
  // "Read also: <link>", a related headline, a bare link: mostly link text and short.
  const isLinkLine = (b: TextBlock) => b.linkChars / b.text.length >= 0.6 && b.text.length < 300;
  let kept = blocks.filter(
    (b) =>
      !(on.titleLines && titles.has(normalized(b.text))) &&
      !(on.linkLines && isLinkLine(b)) &&
      !(on.creditLines && words(b.text) <= 60 && (CREDIT.test(b.text) || AGENCY_CREDIT.test(b.text))),
  );
  // Before the first paragraph of prose: short lines with a date or a "By". Not every short line:
  // some articles open with a one-line paragraph (measured: dropping all cost 0.009 recall).
  const first = kept.findIndex((b) => words(b.text) >= 20);
  if (on.leadingMeta && first > 0) {
    kept = kept.filter(
      (b, i) => i >= first || !(words(b.text) < 25 && (DATE_LINE.test(b.text) || BYLINE.test(b.text))),
    );
  }
  // After the last paragraph of prose: calls to action and credits.
  let end = kept.length;
  while (on.closingLines && end > 0 && words(kept[end - 1].text) <= 40 && CLOSING_LINE.test(kept[end - 1].text)) end--;
  return kept.slice(0, end);
}
