// Full articles found by structure, not by tag name: a headline with running text of its own under one block,
// whatever the element (div, section, class soup with generated names). Sites that append the next story as the
// reader scrolls repeat the page's own template, so blocks count only when they repeat and one of them is the
// page's own article; a single article stays the whole page's (Readability reads it best there).

const HEADLINES = 'h1, h2, h3, [itemprop="headline"]';
/**
 * Boxes laid over the page (login, consent, subscription dialogs): whatever they hold, even an <article> with a
 * heading and paragraphs, is not the page's article nor one appended to it. Read from what the markup declares.
 */
export const OVERLAY = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** What marks the page's own headline or main part: a box holding one is the page, not something laid over it. */
export const PAGE_PARTS = 'h1, main, [role="main"], [itemprop="articleBody"]';
// Headlines in these are the site's furniture (menus, sidebars, footers), never an article's.
const NOT_ARTICLE = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/**
 * The box laid over the page (OVERLAY) that `el` sits in, unless that box holds the page's headline or main part:
 * a site that opens its story in a modal shows the page's article there.
 */
export function overlayAround(el: Element): Element | null {
  const box = el.closest(OVERLAY);
  return box && !box.querySelector(PAGE_PARTS) ? box : null;
}
// Running text is read outside these: headlines, links, captions, furniture, forms (a login box's labels and error
// messages; a form around the block, as ASP.NET pages wrap the whole page, is not inside it) and code.
const NOT_RUNNING_TEXT = new Set([
  'form',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'button',
  'figure',
  'figcaption',
  'nav',
  'aside',
  'footer',
  'script',
  'style',
  'noscript',
  'template',
  'select',
  'label',
  'svg',
]);
// A line shorter than this (a date, "By", a label) is not running text.
const MIN_LINE_CHARS = 30;

/** A headline and the smallest block around it that holds running text. */
interface HeadlineBlock {
  headline: Element;
  rank: number;
  block: Element;
}

const rankOf = (el: Element) => (/^h[1-6]$/.test(el.localName) ? Number(el.localName[1]) : 1);

/** Nodes one count of running text visits at most: a block of empty wrappers cannot make it walk the whole page. */
const RUNNING_TEXT_NODES = 5_000;
const MAX_HEADLINES = 400;

/**
 * Characters of running text in a block: text outside headlines, links, figures and furniture, in lines of a
 * sentence or more (paragraphs, or text between <br>s). Stops counting at `min`, or after RUNNING_TEXT_NODES nodes;
 * iterative, so no nesting depth can overflow the stack.
 */
export function runningText(block: Element, min: number): number {
  let total = 0;
  let visited = 0;
  // The walk in document order: `node`, then its children, then its next sibling (held on `resume`).
  const resume: Node[] = [];
  let node: Node | null = block.firstChild;
  while (total < min && visited++ < RUNNING_TEXT_NODES) {
    if (!node) {
      node = resume.pop() ?? null;
      if (!node) break;
      continue;
    }
    if (node.nodeType === 3) {
      const length = (node.nodeValue ?? '').trim().length;
      if (length >= MIN_LINE_CHARS) total += length;
    } else if (node.nodeType === 1 && !NOT_RUNNING_TEXT.has((node as Element).localName) && node.firstChild) {
      if (node.nextSibling) resume.push(node.nextSibling);
      node = node.firstChild;
      continue;
    }
    node = node.nextSibling;
  }
  return total;
}

/**
 * Every headline's block: the nearest ancestor with `min` characters of running text that holds no other headline
 * of the same or a higher rank (a list of teasers holds several, so no teaser is a block).
 */
function headlineBlocks(doc: Document, min: number): HeadlineBlock[] {
  // The first MAX_HEADLINES only: each is compared with every other, and a page of thousands is a list, not articles.
  const headlines = [...doc.querySelectorAll(HEADLINES)].slice(0, MAX_HEADLINES).filter((h) => {
    const length = (h.textContent ?? '').trim().length;
    return length >= 8 && length <= 400 && !h.closest(NOT_ARTICLE) && !overlayAround(h);
  });
  const text = new Map<Element, number>();
  const enough = (el: Element) => {
    let chars = text.get(el);
    if (chars === undefined) text.set(el, (chars = runningText(el, min)));
    return chars >= min;
  };
  const found: HeadlineBlock[] = [];
  for (const headline of headlines) {
    const rank = rankOf(headline);
    let block = headline.parentElement;
    while (block && block.localName !== 'body' && block !== doc.documentElement && !enough(block)) {
      block = block.parentElement;
    }
    if (!block || block.localName === 'body' || block === doc.documentElement) continue;
    const rival = headlines.some((h) => h !== headline && rankOf(h) <= rank && block.contains(h));
    if (!rival) found.push({ headline, rank, block });
  }
  return found;
}

/** Class names and test hooks that name a block's template, without the hashes build tools add. */
function templateTokens(el: Element): Set<string> {
  const tokens = new Set<string>();
  for (const raw of (el.getAttribute('class') ?? '').split(/\s+/)) {
    // CSS modules (`article_container__rqrTr`): the part before the hash names the component.
    const name = raw.replace(/__[A-Za-z0-9_-]{4,}$/, '');
    // Atomic and generated classes (`ab`, `wpds-c-TNVIJK`, `css-1x2y3z`, `sc-aXZVg`) name no template.
    if (name.length <= 3 || /^([a-z]+-c-|css-|sc-|jsx-|ssrcss-)/.test(name) || /\d{3,}/.test(name)) continue;
    tokens.add(name);
  }
  for (const attr of ['data-testid', 'data-qa', 'data-component', 'itemtype']) {
    const value = el.getAttribute(attr);
    if (value) tokens.add(`${attr}=${value}`);
  }
  return tokens;
}

/** Two blocks from one template: the same element with a class or hook in common, or headlines that are. */
function sameTemplate(a: HeadlineBlock, b: HeadlineBlock): boolean {
  const shares = (x: Element, y: Element) => {
    if (x.localName !== y.localName) return false;
    const ys = templateTokens(y);
    for (const token of templateTokens(x)) if (ys.has(token)) return true;
    return false;
  };
  return shares(a.block, b.block) || (a.block.localName === b.block.localName && shares(a.headline, b.headline));
}

/**
 * The page's own article block and the blocks that repeat its template, in page order; none when no block is the
 * page's own (`isOwn` tells it by its headline or address) or nothing repeats it.
 */
export function repeatedArticleBlocks(
  doc: Document,
  min: number,
  isOwn: (block: Element, headline: Element) => boolean,
): Element[] {
  const found = headlineBlocks(doc, min);
  const blocks = found.filter((b, i) => found.findIndex((o) => o.block === b.block) === i);
  const owns = blocks.filter((b) => isOwn(b.block, b.headline));
  // The innermost: a wrapper around the page's own article (and more) can carry its address too.
  const own = owns.find((b) => !owns.some((o) => o !== b && b.block.contains(o.block)));
  if (!own) return [];
  // Sections inside the own article, and wrappers around it, are not other articles.
  const repeats = blocks.filter(
    (b) => b !== own && !b.block.contains(own.block) && !own.block.contains(b.block) && sameTemplate(own, b),
  );
  const innermost = repeats.filter((b) => !repeats.some((o) => o !== b && b.block.contains(o.block)));
  if (innermost.length === 0) return [];
  return [own, ...innermost].map((b) => b.block).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
