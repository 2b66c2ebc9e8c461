// Maps between DOM Ranges and offsets into a root's text. Offsets count every text node, as the
// W3C TextPositionSelector and other annotation tools do (the root's textContent); the contents of
// script/style/noscript/template are listed as hidden so matching can skip what no reader sees.

const HIDDEN_SELECTOR = 'script, style, noscript, template';

// Numeric DOM constants: the NodeFilter/Node globals are absent in some non-browser DOMs.
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const SHOW_TEXT = 0x4;
const POSITION_DISCONNECTED = 0x01;
const POSITION_PRECEDING = 0x02;

/** The root's text nodes in document order with cumulative end offsets, built in one walk. */
export interface TextIndex {
  readonly root: Element;
  readonly nodes: readonly Text[];
  /** ends[i] = offset just past nodes[i] in `text`. */
  readonly ends: readonly number[];
  /** The root's textContent. */
  readonly text: string;
  /** [start, end) pairs of `text`, ascending and merged, inside script/style/noscript/template. */
  readonly hidden: readonly number[];
}

export function buildTextIndex(root: Element): TextIndex {
  // No filter callback: calling into JS for every element made this walk the main cost of
  // re-attaching highlights on long pages. Hidden text is known from the few hidden elements,
  // found natively up front, so the walk asks one set lookup per text node.
  const hiddenNodes = hiddenTextNodes(root);
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const ends: number[] = [];
  const hidden: number[] = [];
  let total = 0;
  // Only each node's length is read here: reading its data made a string per node, and joining them copied the
  // page's text again (a third of re-attaching on a 1 MB page); the root's textContent is the same text, read natively.
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    if (length > 0 && hiddenNodes.size > 0 && hiddenNodes.has(node)) {
      if (hidden.length && hidden[hidden.length - 1] === total) hidden[hidden.length - 1] = total + length;
      else hidden.push(total, total + length);
    }
    nodes.push(node as Text);
    total += length;
    ends.push(total);
  }
  let text = root.textContent ?? '';
  // textContent is every Text node's data in document order; a DOM that counts other nodes too gets the walk's own.
  if (text.length !== total) text = nodes.map((n) => n.data).join('');
  return { root, nodes, ends, text, hidden };
}

/** Text nodes inside script/style/noscript/template elements below the root (the root itself not counted). */
function hiddenTextNodes(root: Element): Set<Node> {
  const out = new Set<Node>();
  for (const el of root.querySelectorAll(HIDDEN_SELECTOR)) {
    const walker = root.ownerDocument.createTreeWalker(el, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) out.add(node);
  }
  return out;
}

/** The visible characters of text[start, end): hidden runs left out. */
export function visibleSlice(index: TextIndex, start: number, end: number): string {
  const { text, hidden } = index;
  let out = '';
  let from = start;
  for (let i = 0; i < hidden.length && hidden[i] < end; i += 2) {
    const hs = hidden[i];
    const he = hidden[i + 1];
    if (he <= from) continue;
    if (hs > from) out += text.slice(from, hs);
    from = Math.max(from, he);
  }
  return from < end ? out + text.slice(from, end) : out;
}

/** Offset in `text` of offset `visible` in the text without hidden runs (positions stored before v3). */
export function fromVisibleOffset(index: TextIndex, visible: number): number {
  let offset = visible;
  for (let i = 0; i < index.hidden.length && index.hidden[i] <= offset; i += 2)
    offset += index.hidden[i + 1] - index.hidden[i];
  return offset;
}

export function textOf(root: Element): string {
  return buildTextIndex(root).text;
}

const startOfNode = (index: TextIndex, i: number): number => (i === 0 ? 0 : index.ends[i - 1]);

/** How many indexed text nodes come wholly before a point; they form a prefix of the list. */
function countBefore(index: TextIndex, before: (t: Text) => boolean): number {
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(index.nodes[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const precedes = (t: Node, ref: Node): boolean => (ref.compareDocumentPosition(t) & POSITION_PRECEDING) !== 0;

/** Text offset of a DOM boundary point; points outside the root clamp to its start or end. */
function pointOffset(index: TextIndex, container: Node, offset: number): number | null {
  if ((index.root.compareDocumentPosition(container) & POSITION_DISCONNECTED) !== 0) return null;
  const type = container.nodeType;
  if (type !== ELEMENT_NODE && type !== DOCUMENT_NODE && type !== DOCUMENT_FRAGMENT_NODE) {
    // Character data: an indexed text node maps inside itself; anything else (comments) maps
    // to the position just before it.
    const i = countBefore(index, (t) => precedes(t, container));
    if (index.nodes[i] === container)
      return startOfNode(index, i) + Math.max(0, Math.min(offset, (container as Text).length));
    return startOfNode(index, i);
  }
  const child = container.childNodes[offset];
  const i = child
    ? countBefore(index, (t) => precedes(t, child))
    : countBefore(index, (t) => container.contains(t) || precedes(t, container));
  return startOfNode(index, i);
}

export function offsetsInIndex(index: TextIndex, range: Range): { start: number; end: number } | null {
  const start = pointOffset(index, range.startContainer, range.startOffset);
  const end = pointOffset(index, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  const inRoot = (n: Node) => index.root.contains(n);
  // Clamping would turn a range lying wholly before or after the root into an empty one inside it.
  if (start === end && !inRoot(range.startContainer) && !inRoot(range.endContainer)) return null;
  return { start, end: Math.max(start, end) };
}

export function textOffsetsOfRange(root: Element, range: Range): { start: number; end: number } | null {
  return offsetsInIndex(buildTextIndex(root), range);
}

/** First node index whose end satisfies `ok` (ends are non-decreasing). */
function firstNode(index: TextIndex, ok: (end: number) => boolean): number {
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(index.ends[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function rangeInIndex(index: TextIndex, start: number, end: number): Range | null {
  const { nodes, ends } = index;
  const total = nodes.length ? ends[ends.length - 1] : 0;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > total) return null;
  if (nodes.length === 0) return null;
  // Start in the node holding character `start`, end in the node holding `end - 1`: the range
  // then hugs the text instead of spilling into neighbouring empty or hidden nodes.
  const at = (i: number, offset: number): [Text, number] =>
    i < nodes.length
      ? [nodes[i], offset - startOfNode(index, i)]
      : [nodes[nodes.length - 1], nodes[nodes.length - 1].length];
  const [sNode, sOff] = at(
    firstNode(index, (e) => e > start),
    start,
  );
  const [eNode, eOff] =
    end === start
      ? [sNode, sOff]
      : at(
          firstNode(index, (e) => e >= end),
          end,
        );
  const range = index.root.ownerDocument.createRange();
  range.setStart(sNode, sOff);
  range.setEnd(eNode, eOff);
  return range;
}

export function rangeFromTextOffsets(root: Element, start: number, end: number): Range | null {
  return rangeInIndex(buildTextIndex(root), start, end);
}

/** The indexed text node holding character `offset` (the last node for the end of the text). */
export function nodeAt(index: TextIndex, offset: number): Text | undefined {
  const i = firstNode(index, (e) => e > offset);
  return index.nodes[Math.min(i, index.nodes.length - 1)];
}
