// A bounded copy of the page for Readability, which mutates what it reads: the library's cost grows with the page,
// and a digest needs the title, the lead and a bounded body, not a megabyte.

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe']);
/**
 * Text read from one article (about 13,000 words, more than the longest article of the extraction corpus): bounds
 * the work on giant or hostile pages, where Readability's share grows faster than the text (npm run bench:page).
 */
export const TEXT_BUDGET = 80_000;
/**
 * Elements copied for one article: 50,000 one-line paragraphs would stay under the text budget for long, and the
 * library's cost grows with the elements too. Far above a real article (hundreds of elements).
 */
export const ELEMENT_BUDGET = 6_000;
/**
 * Nesting kept in the copy: deeper elements are set beside their ancestor at this depth, as HTML parsers do (Chromium's
 * stops at 512). The library measures each candidate's text, so a 10,000-level chain costs it depth × text.
 */
export const MAX_DEPTH = 64;
/** A JSON-LD block in <head> larger than this is left out of the copy: the library parses every one it finds. */
export const MAX_HEAD_SCRIPT_CHARS = 100_000;

/** What a copy may still take. */
interface Budget {
  chars: number;
  elements: number;
}

/**
 * A copy of the page with exactly one <body>: with `container`, the page's <head> and that article alone (no need to
 * copy a heavy page once per appended article); otherwise the whole page minus `exclude`. Either way within the
 * budgets above: text past the character budget is cut (a single 5 MB text node too), elements past the element
 * budget are left out, nesting past MAX_DEPTH is flattened, and the walk is iterative so no depth can overflow the
 * stack. A parse can leave text outside <body> or in a second one (the library and the reader see it): it is all moved
 * into the copy's one body.
 */
export function copyFor(doc: Document, container: Element | null, exclude: Element[]): Document {
  const copy = doc.cloneNode(false) as Document;
  const root = copy.importNode(doc.documentElement, false);
  copy.appendChild(root);
  if (doc.head) root.appendChild(copyHead(copy, doc.head));
  const body = doc.body && isBody(doc.body) ? copy.importNode(doc.body, false) : copy.createElement('body');
  root.appendChild(body);
  const budget: Budget = { chars: TEXT_BUDGET, elements: ELEMENT_BUDGET };
  copyWithin(copy, container ? [container] : pageContent(doc), body, budget, new Set(exclude));
  return copy;
}

/** The <head> the library reads metadata from (title, meta, JSON-LD), without styles and oversized scripts. */
function copyHead(copy: Document, head: Element): Node {
  const out = copy.importNode(head, false);
  let elements = 0;
  for (let child = head.firstElementChild; child && elements < 1_000; child = child.nextElementSibling, elements++) {
    const name = child.localName;
    if (name === 'style' || name === 'link' || name === 'noscript' || name === 'template') continue;
    if (name === 'script') {
      if ((child.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
      // textContent of one script is its one text node: no walk.
      if ((child.textContent?.length ?? 0) > MAX_HEAD_SCRIPT_CHARS) continue;
    }
    out.appendChild(copy.importNode(child, true));
  }
  return out;
}

/** What the reader sees of the page, in order: every child of every <body>, and what a parse left beside them. */
function pageContent(doc: Document): Node[] {
  const nodes: Node[] = [];
  for (let child = doc.documentElement.firstChild; child; child = child.nextSibling) {
    if (child === doc.head) continue;
    if (isBody(child)) nodes.push(...child.childNodes);
    else nodes.push(child);
  }
  return nodes;
}

const isBody = (node: Node): node is Element => node.nodeType === 1 && (node as Element).localName === 'body';

/**
 * Copies `sources` (and their subtrees, in document order) under `target`, one node at a time, spending the budget:
 * code and styles are skipped (the library drops them anyway and they must not spend it), text is cut to what
 * is left, and the walk stops when either budget is spent.
 */
function copyWithin(copy: Document, sources: Node[], target: Node, budget: Budget, exclude: Set<Element>): void {
  // Work still to do, the next first: a node to copy into a copy at some depth, and whether its next sibling follows
  // (a source list's members are pushed one by one; inside them the walk goes on by siblings, never holding a list).
  const work: { node: Node; into: Node; depth: number; siblings: boolean }[] = [];
  for (let i = sources.length - 1; i >= 0; i--)
    work.push({ node: sources[i], into: target, depth: 0, siblings: false });
  while (work.length > 0 && budget.chars > 0 && budget.elements > 0) {
    const { node, into, depth, siblings } = work.pop()!;
    if (siblings && node.nextSibling) work.push({ node: node.nextSibling, into, depth, siblings });
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = (node as CharacterData).data;
      const kept = text.length <= budget.chars ? text : text.slice(0, budget.chars);
      budget.chars -= kept.length;
      into.appendChild(copy.createTextNode(kept));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (NOT_TEXT.has(el.localName) || exclude.has(el)) continue;
    budget.elements--;
    const shallow = into.appendChild(copy.importNode(el, false));
    // Past MAX_DEPTH the children go beside the element, into its parent, and the depth stays put.
    const flat = depth + 1 >= MAX_DEPTH;
    if (el.firstChild)
      work.push({ node: el.firstChild, into: flat ? into : shallow, depth: flat ? depth : depth + 1, siblings: true });
  }
}
