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

/**
 * How far a stored path agrees with an element's own (xpathOf): 2 the same path; 1 the same element names down the
 * tree (siblings were added or removed); 0 neither. Reads only what it needs: element names from the element up
 * first (most candidates elsewhere differ there), then same-named earlier siblings only until a count passes the
 * stored one, so a candidate deep in a long page does not count every paragraph before it.
 */
export function pathAgreement(stored: string, element: Element): number {
  const steps = stored.split('/');
  let i = steps.length - 1;
  const chain: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement, i--) {
    if (i < 1 || stepName(steps[i]) !== el.localName) return 0;
    chain.push(el);
  }
  if (i !== 0) return 0;
  for (let k = 0; k < chain.length; k++) {
    const el = chain[k];
    const want = stepIndex(steps[steps.length - 1 - k]);
    let n = 1;
    for (let s = el.previousElementSibling; s && n <= want; s = s.previousElementSibling)
      if (s.localName === el.localName) n++;
    if (n !== want) return 1;
  }
  return 2;
}

const stepName = (step: string): string => {
  const at = step.indexOf('[');
  return at === -1 ? step : step.slice(0, at);
};
const stepIndex = (step: string): number => {
  const at = step.indexOf('[');
  return at === -1 ? 1 : Number(step.slice(at + 1, -1));
};
