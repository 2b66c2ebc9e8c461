// What the reader typed in the search field, read with the topic query language (lib/topics/query.ts): words
// (all of them), "phrases", prefix*, OR and -exclusions, normalized as topics are. While typing, the last word is
// also a prefix, and a phrase whose closing quote is not typed yet is read as if it were.
import { parseQuery, type QueryNode } from '../topics/query';

export interface SearchTerm {
  type: 'term';
  /** Normalized tokens, consecutive in the text when there are several. */
  tokens: string[];
  /** The last token matches any word it begins. */
  prefix: boolean;
}

export type SearchNode =
  | SearchTerm
  | { type: 'and'; children: SearchNode[] }
  | { type: 'or'; children: SearchNode[] }
  | { type: 'not'; child: SearchNode };

const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/** The search tree for an input, or null when it holds no word to look for. */
export function parseSearch(input: string): SearchNode | null {
  const text = input.trim();
  if (!text) return null;
  const parsed = readQuery(text);
  if (!parsed) return null;
  const node = toSearchNode(parsed);
  if (!node) return null;
  // Still typing the last word: it is a prefix, unless the input ends in a space, a quote or a parenthesis.
  if (ENDS_IN_WORD.test(input)) markLastTermPrefix(node);
  return node;
}

function readQuery(text: string): QueryNode | null {
  const attempts = [text];
  // An unclosed quote: the phrase being typed.
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) attempts.push(`${text}"`);
  // Anything else the parser refuses (a trailing OR, an unclosed parenthesis…): its words, all required.
  attempts.push(
    text
      .replace(/["()|]/g, ' ')
      .replace(/(^|\s)(OR|AND|NOT|NEAR(\/\d+)?)(?=\s|$)/g, ' ')
      .replace(/(^|\s)-+/g, ' '),
  );
  for (const attempt of attempts) {
    if (!attempt.trim()) continue;
    const result = parseQuery(attempt);
    if (result.ok) return result.ast;
  }
  return null;
}

/** Search has no places or languages to filter on (site:, lang: are dropped) and treats NEAR as both sides. */
function toSearchNode(node: QueryNode): SearchNode | null {
  switch (node.type) {
    case 'term':
      return node.tokens.length ? { type: 'term', tokens: node.tokens, prefix: node.prefix } : null;
    case 'and':
    case 'or': {
      const children = node.children.map(toSearchNode).filter((c): c is SearchNode => c !== null);
      if (!children.length) return null;
      return children.length === 1 ? children[0] : { type: node.type, children };
    }
    case 'near': {
      const children = [toSearchNode(node.left), toSearchNode(node.right)].filter((c): c is SearchNode => c !== null);
      if (!children.length) return null;
      return children.length === 1 ? children[0] : { type: 'and', children };
    }
    case 'not': {
      const child = toSearchNode(node.child);
      return child ? { type: 'not', child } : null;
    }
    case 'site':
    case 'lang':
      return null;
  }
}

function markLastTermPrefix(node: SearchNode): void {
  let last: SearchNode = node;
  for (;;) {
    if (last.type === 'term') break;
    if (last.type === 'not') last = last.child;
    else last = last.children[last.children.length - 1]!;
  }
  last.prefix = true;
}

/** The terms a document must contain (not those under a NOT): what a snippet shows. */
export function positiveTerms(node: SearchNode, out: SearchTerm[] = []): SearchTerm[] {
  if (node.type === 'term') out.push(node);
  else if (node.type === 'and' || node.type === 'or') node.children.forEach((c) => positiveTerms(c, out));
  return out;
}
