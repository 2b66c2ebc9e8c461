// Page furniture that sits inside article bodies and that extraction libraries keep:
// share bars, tag lists, newsletter boxes, "read also"/related blocks, logo watermarks,
// and the caption or title that news sites print twice. Removed before extraction.

const NOISE_SELECTORS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'form', 'input', 'select', 'textarea',
  'nav', '[role="navigation"]', '[aria-hidden="true"]', '[hidden]',
  '.share', '.sharing', '.share-bar', '.social-share', '[class*="share-"]', '[class*="-share"]',
  '.tags', '.tag-list', '[class*="tags-"]', '[rel="tag"]',
  '.newsletter', '[class*="newsletter"]', '.subscribe', '[class*="subscription"]',
  '.related', '[class*="related"]', '.read-also', '[class*="read-more"]', '[class*="recommend"]',
  '.watermark', '[class*="watermark"]', '.ad', '.ads', '[class*="advert"]', '[id*="advert"]',
  '.cookie', '[class*="cookie"]', '.breadcrumb', '[class*="breadcrumb"]', '.comments', '#comments',
].join(', ');

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** Removes furniture and repeated blocks in place. */
export function removeNoise(root: Element): void {
  for (const el of [...root.querySelectorAll(NOISE_SELECTORS)]) el.remove();
  removeRepeatedBlocks(root);
}

/** A caption, title or paragraph that repeats the text of an earlier one is dropped. */
function removeRepeatedBlocks(root: Element): void {
  const seen = new Set<string>();
  for (const el of [...root.querySelectorAll('figcaption, p, h1, h2, h3, h4, [class*="caption"]')]) {
    if (!el.isConnected) continue;
    const key = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (key.length < 12) continue;
    if (seen.has(key)) el.remove();
    else seen.add(key);
  }
}

/** Plain text with one blank line between blocks, so sentences and paragraphs survive. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const cleaned = line.replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').trim();
    if (cleaned) parts.push(cleaned);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}
