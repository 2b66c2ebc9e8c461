// Small DOM builders for the anchoring tests: markup is built node by node (never parsed from
// strings into innerHTML), in the global happy-dom document whose Ranges behave.

export type Child = string | Node;

export function el(tag: string, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

/** A fresh root attached to the document, so compareDocumentPosition sees one tree. */
export function mount(...children: Child[]): HTMLElement {
  document.body.replaceChildren();
  const root = el('article', ...children);
  document.body.append(root);
  return root;
}

/** All text nodes under a node in document order, script text included. */
export function textNodes(node: Node): Text[] {
  const out: Text[] = [];
  const visit = (n: Node) => {
    if (n.nodeType === 3) out.push(n as Text);
    n.childNodes.forEach(visit);
  };
  visit(node);
  return out;
}

/** Range from `from` in the text node containing `startText` to the end of `endText`'s match. */
export function selectBetween(root: Node, startText: string, endText: string): Range {
  const nodes = textNodes(root);
  const s = nodes.find((t) => t.data.includes(startText));
  const e = nodes.find((t) => t.data.includes(endText));
  if (!s || !e) throw new Error(`text not found: ${startText} / ${endText}`);
  const range = document.createRange();
  range.setStart(s, s.data.indexOf(startText));
  range.setEnd(e, e.data.indexOf(endText) + endText.length);
  return range;
}
