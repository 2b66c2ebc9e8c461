// Where a passage sits in the document's element tree, as an XPath of its block element. Text
// alone cannot tell a pull quote from the paragraph it copies; the element around each can.

const ELEMENT_NODE = 1;

// Elements that style words inside a block: a highlight's block is the nearest ancestor that is none of these.
const INLINE = new Set(
  (
    'a abbr b bdi bdo br cite code data del dfn em font i ins kbd label mark q rp rt ruby s samp ' +
    'small span strong sub sup time u var wbr'
  ).split(' '),
);

/** The nearest ancestor-or-self element of `node` that is not inline (or the document's root element). */
export function blockOf(node: Node): Element | null {
  let el: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  while (el && el.nodeType === ELEMENT_NODE) {
    const parent: Node | null = el.parentNode;
    if (!INLINE.has((el as Element).localName) || !parent || parent.nodeType !== ELEMENT_NODE) return el as Element;
    el = parent;
  }
  return null;
}

/** /html[1]/body[1]/…/p[5]: each step names the element and counts its same-named earlier siblings. */
export function xpathOf(element: Element): string {
  const steps: string[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) {
    let n = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) n++;
    steps.push(`${el.localName}[${n}]`);
  }
  return '/' + steps.reverse().join('/');
}

const withoutIndices = (path: string): string => path.replace(/\[\d+\]/g, '');

/** 2: the same path; 1: the same element names down the tree (siblings were added or removed); 0: neither. */
export function pathAgreement(stored: string, found: string): number {
  if (stored === found) return 2;
  return withoutIndices(stored) === withoutIndices(found) ? 1 : 0;
}
