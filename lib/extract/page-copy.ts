// A bounded copy of the page for Readability, which mutates what it reads: the library's cost grows with the page,
// and a digest needs the title, the lead and a bounded body, not a megabyte.

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe']);
/**
 * Text read from one article (about 13,000 words, more than the longest article of the extraction corpus): bounds
 * the work on giant or hostile pages, where Readability's share grows faster than the text (npm run bench:page).
 */
export const TEXT_BUDGET = 80_000;

/**
 * A copy of the page with exactly one <body>: with `container`, the page's <head> and that article alone (no need to
 * copy a heavy page once per appended article); otherwise the whole page minus `exclude`, found in the copy by their
 * child-index paths. A parse can leave text outside <body> or in a second one (the library and the reader see it): it
 * is all moved into the copy's one body.
 */
export function copyFor(doc: Document, container: Element | null, exclude: Element[]): Document {
  if (container || exclude.length === 0) {
    const copy = doc.cloneNode(false) as Document;
    const root = copy.importNode(doc.documentElement, false);
    copy.appendChild(root);
    if (doc.head) root.appendChild(copy.importNode(doc.head, true));
    const body = doc.body && isBody(doc.body) ? copy.importNode(doc.body, false) : copy.createElement('body');
    root.appendChild(body);
    const budget = { left: TEXT_BUDGET };
    for (const node of container ? [container] : pageContent(doc)) {
      const imported = importWithinBudget(copy, node, budget);
      if (imported) body.appendChild(imported);
    }
    return copy;
  }
  const paths = exclude.map((el) => pathFrom(doc.documentElement, el));
  const copy = doc.cloneNode(true) as Document;
  for (const path of paths) if (path) follow(copy.documentElement, path)?.remove();
  oneBody(copy);
  return copy;
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

/** Gathers the page's content into its first <body>, created when the parse made none. */
function oneBody(copy: Document): void {
  const root = copy.documentElement;
  const content = pageContent(copy);
  let body = copy.body;
  if (body && isBody(body) && body.parentNode === root && content.every((node) => node.parentNode === body)) return;
  if (!body || !isBody(body) || body.parentNode !== root) {
    body = copy.createElement('body');
    root.appendChild(body);
  }
  for (const node of content) body.appendChild(node);
  for (const extra of [...root.children]) if (extra !== body && isBody(extra)) extra.remove();
}

const isBody = (node: Node): node is Element => node.nodeType === 1 && (node as Element).localName === 'body';

/** Copies a node, but only its first `budget.left` characters of text. */
function importWithinBudget(copy: Document, node: Node, budget: { left: number }): Node | null {
  if (budget.left <= 0) return null;
  // Code and styles are dropped before extraction anyway; their text must not spend the budget.
  if (node.nodeType === 1 && NOT_TEXT.has((node as Element).localName)) return null;
  const size = visibleLength(node);
  if (size <= budget.left || node.nodeType !== 1) {
    budget.left -= size;
    return copy.importNode(node, true);
  }
  const shallow = copy.importNode(node, false);
  for (let child = node.firstChild; child && budget.left > 0; child = child.nextSibling) {
    const imported = importWithinBudget(copy, child, budget);
    if (imported) shallow.appendChild(imported);
  }
  return shallow;
}

const NOT_TEXT_SELECTOR = [...NOT_TEXT].join(', ');

/** Characters of text a reader could see: code, styles and JSON in scripts (often the bulk of a page) do not count. */
function visibleLength(node: Node): number {
  const size = node.textContent?.length ?? 0;
  if (node.nodeType !== 1 || size === 0) return size;
  let hidden = 0;
  for (const el of (node as Element).querySelectorAll(NOT_TEXT_SELECTOR)) {
    if (!el.parentElement?.closest(NOT_TEXT_SELECTOR)) hidden += el.textContent?.length ?? 0;
  }
  return size - hidden;
}

/** Child indexes from root down to el. */
function pathFrom(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let node: Element | null = el; node !== root; node = node.parentElement) {
    const parent: Element | null = node?.parentElement ?? null;
    if (!node || !parent) return null;
    path.push(Array.prototype.indexOf.call(parent.children, node));
  }
  return path.reverse();
}

function follow(root: Element, path: number[]): Element | null {
  let node: Element | undefined = root;
  for (const i of path) node = node?.children[i];
  return node ?? null;
}
