// The topic query language, Google Alerts style, parsed once when a topic is saved: the AST is stored with the
// topic and compiled to literal tokens and bounded prefixes, never to a regular expression built from user text.
import { normalizeTerm } from '../text/normalize';
import { MAX_QUERY_CHARS, MAX_TOPICS } from '../limits';
import { isCharToken, tokenizeTerm } from '../text/tokenize';

export const MAX_NEAR_DISTANCE = 50;
export const DEFAULT_NEAR_DISTANCE = 5;
const MAX_DEPTH = 10;
const MIN_PREFIX_LENGTH = 2;

/** A word, a "quoted phrase" or a prefix*; `tokens` are normalized and must appear consecutively. */
export interface TermNode {
  type: 'term';
  /** As typed, quotes and * included (shown as a hit's term). */
  source: string;
  tokens: string[];
  phrase: boolean;
  /** The last token matches any word it begins. */
  prefix: boolean;
}

export type QueryNode =
  | TermNode
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode }
  | { type: 'near'; distance: number; left: QueryNode; right: QueryNode }
  | { type: 'site'; domain: string }
  | { type: 'lang'; code: string };

export interface QueryError {
  message: string;
  position: number;
  length?: number;
}

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError };

type Lexeme =
  | { kind: 'word' | 'phrase'; text: string; pos: number; len: number }
  | { kind: 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'minus'; pos: number; len: number }
  | { kind: 'near'; distance: number; pos: number; len: number }
  | { kind: 'site'; domain: string; pos: number; len: number }
  | { kind: 'lang'; code: string; pos: number; len: number };

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length?: number,
  ) {
    super(message);
  }
}

const fail = (message: string, position: number, length?: number): never => {
  throw new QuerySyntaxError(message, position, length);
};

const WHITESPACE = /\s/u;
const isSpace = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13) || (c > 0x7f && WHITESPACE.test(ch));
};
const OPENING_QUOTES = '"“”„«＂';
const CLOSING_QUOTES = '"“”»＂';
const NEAR = /^NEAR(?:\/(\d{1,3}))?$/;
const LANG_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

function isSeparator(ch: string): boolean {
  return isSpace(ch) || ch === '(' || ch === ')' || ch === '|' || OPENING_QUOTES.includes(ch);
}

function readSite(value: string, pos: number, len: number): string {
  const domain = value
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
  if (domain === '') fail('site: needs a domain right after it, like site:example.com', pos, len);
  if (domain.includes('/')) fail('site: takes a domain only, like site:example.com (no page path)', pos, len);
  let host: string;
  try {
    host = new URL(`http://${domain}/`).hostname;
  } catch {
    return fail(`"${value}" is not a domain; write it like site:example.com`, pos, len);
  }
  if (!DOMAIN.test(host)) fail(`"${value}" is not a domain; write it like site:example.com`, pos, len);
  return host;
}

function readLang(value: string, pos: number, len: number): string {
  const code = value.toLowerCase();
  if (code === '') fail('lang: needs a language code right after it, like lang:ar or lang:en', pos, len);
  if (!LANG_CODE.test(code))
    fail(`"${value}" is not a language code; use one like lang:ar, lang:en or lang:zh`, pos, len);
  return code;
}

function lex(source: string): Lexeme[] {
  const out: Lexeme[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const ch = source[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(') {
      out.push({ kind: 'lparen', pos: i, len: 1 });
      i++;
    } else if (ch === ')') {
      out.push({ kind: 'rparen', pos: i, len: 1 });
      i++;
    } else if (ch === '|') {
      out.push({ kind: 'or', pos: i, len: 1 });
      i++;
    } else if (OPENING_QUOTES.includes(ch)) {
      const closers = ch === '«' ? '»' : CLOSING_QUOTES;
      let j = i + 1;
      while (j < n && !closers.includes(source[j])) j++;
      if (j >= n) fail(`This quote is never closed: add a closing ${ch === '«' ? '»' : '"'} after the phrase.`, i, 1);
      out.push({ kind: 'phrase', text: source.slice(i + 1, j), pos: i, len: j + 1 - i });
      i = j + 1;
    } else if (ch === '-' && (i + 1 >= n || isSpace(source[i + 1]) || source[i + 1] === ')' || source[i + 1] === '|')) {
      fail('A minus sign must be followed directly by what to exclude, like -football or -"world cup".', i, 1);
    } else if (ch === '-') {
      out.push({ kind: 'minus', pos: i, len: 1 });
      i++;
    } else {
      let j = i;
      while (j < n && !isSeparator(source[j])) j++;
      const word = source.slice(i, j);
      const len = j - i;
      const near = NEAR.exec(word);
      const colon = word.indexOf(':');
      const field = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
      if (word === 'OR') out.push({ kind: 'or', pos: i, len });
      else if (word === 'AND') out.push({ kind: 'and', pos: i, len });
      else if (word === 'NOT') out.push({ kind: 'not', pos: i, len });
      else if (near) {
        const distance = near[1] === undefined ? DEFAULT_NEAR_DISTANCE : Number(near[1]);
        if (distance < 1 || distance > MAX_NEAR_DISTANCE) {
          fail(`NEAR takes a distance from 1 to ${MAX_NEAR_DISTANCE} words, like NEAR/5.`, i, len);
        }
        out.push({ kind: 'near', distance, pos: i, len });
      } else if (word.startsWith('NEAR/')) {
        fail(`NEAR takes a distance in words, like NEAR/5.`, i, len);
      } else if (field === 'site') {
        out.push({ kind: 'site', domain: readSite(word.slice(colon + 1), i, len), pos: i, len });
      } else if (field === 'lang') {
        out.push({ kind: 'lang', code: readLang(word.slice(colon + 1), i, len), pos: i, len });
      } else out.push({ kind: 'word', text: word, pos: i, len });
      i = j;
    }
  }
  return out;
}

function makeTerm(raw: string, phrase: boolean, pos: number, len: number): TermNode {
  const source = phrase ? `"${raw}"` : raw;
  const trimmed = raw.trimEnd();
  const star = trimmed.indexOf('*');
  const prefix = star >= 0 && star === trimmed.length - 1;
  if (star >= 0 && !prefix) {
    fail(
      '* can only end a word, to match every word that begins that way, like ukrain*.',
      pos + (phrase ? 1 : 0) + star,
      1,
    );
  }
  const tokens = tokenizeTerm(normalizeTerm(prefix ? trimmed.slice(0, -1) : raw));
  // Chinese, Japanese and Thai already match on characters, inside longer words: the * adds nothing there.
  const charPrefix = prefix && tokens.length > 0 && isCharToken(tokens[tokens.length - 1]);
  if (tokens.length === 0) {
    fail(
      phrase ? 'This phrase has no letters or digits to look for.' : `"${raw}" has no letters or digits to look for.`,
      pos,
      len,
    );
  }
  if (prefix && !charPrefix) {
    const last = tokens[tokens.length - 1];
    const touching = !isSpace(trimmed[trimmed.length - 2] ?? ' ');
    if (!touching || last.length < MIN_PREFIX_LENGTH) {
      fail(`Put at least ${MIN_PREFIX_LENGTH} letters right before *, like ukrain*.`, pos, len);
    }
  }
  return { type: 'term', source, tokens, phrase, prefix: prefix && !charPrefix };
}

/** Can this node be located in the text (so NEAR can measure a distance to it)? */
function isPositional(node: QueryNode): boolean {
  if (node.type === 'term' || node.type === 'near') return true;
  if (node.type === 'or') return node.children.every(isPositional);
  return false;
}

/** Does every way of satisfying this node require some word of the text? Otherwise it would match any article. */
function isAnchored(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'near':
      return true;
    case 'and':
      return node.children.some(isAnchored);
    case 'or':
      return node.children.every(isAnchored);
    default:
      return false;
  }
}

function combine(type: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0];
  const flat: QueryNode[] = [];
  for (const child of children) {
    if (child.type === type) flat.push(...child.children);
    else flat.push(child);
  }
  return { type, children: flat };
}

/*
 * Grammar (Google's precedence: OR binds tighter than the implicit AND, so `ukraine grain OR wheat`
 * means ukraine AND (grain OR wheat)); NEAR binds tightest:
 *   query := and EOF        and := or ([AND] or)*        or := near ((OR | '|') near)*
 *   near  := unary (NEAR/n unary)*                         unary := ('-' | NOT) primary | primary
 *   primary := word | "phrase" | site:domain | lang:code | '(' and ')'
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly sourceLength: number,
  ) {}

  parseQuery(): QueryNode {
    if (this.lexemes.length === 0) fail('Type at least one word or "phrase" to look for.', 0);
    const ast = this.parseAnd();
    const extra = this.peek();
    if (extra) fail('This ) has no matching (.', extra.pos, extra.len);
    if (!isAnchored(ast)) {
      fail(
        'Add at least one word or "phrase" to look for: exclusions and site:/lang: filters only narrow a topic down.',
        0,
        this.sourceLength,
      );
    }
    return ast;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.index];
  }

  private startsOperand(lexeme: Lexeme | undefined): boolean {
    if (lexeme === undefined) return false;
    return lexeme.kind !== 'rparen' && lexeme.kind !== 'or' && lexeme.kind !== 'and' && lexeme.kind !== 'near';
  }

  private parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const next = this.peek();
      if (next?.kind === 'and') {
        if (children.length === 0 || !this.startsOperand(this.lexemes[this.index + 1])) {
          fail('AND needs a word or "phrase" on both sides.', next.pos, next.len);
        }
        this.index++;
        continue;
      }
      if (!this.startsOperand(next)) break;
      children.push(this.parseOr());
    }
    const next = this.peek();
    if (children.length === 0) {
      if (next?.kind === 'or') fail('OR needs a word or "phrase" on both sides.', next.pos, next.len);
      if (next?.kind === 'near') fail('NEAR needs a word or "phrase" on both sides.', next.pos, next.len);
    }
    return combine('and', children);
  }

  private parseOr(): QueryNode {
    const children = [this.parseNear()];
    for (let next = this.peek(); next?.kind === 'or'; next = this.peek()) {
      this.index++;
      if (!this.startsOperand(this.peek())) fail('OR needs a word or "phrase" on both sides.', next.pos, next.len);
      children.push(this.parseNear());
    }
    return combine('or', children);
  }

  private parseNear(): QueryNode {
    let left = this.parseUnary();
    for (let next = this.peek(); next?.kind === 'near'; next = this.peek()) {
      this.index++;
      if (!this.startsOperand(this.peek())) fail('NEAR needs a word or "phrase" on both sides.', next.pos, next.len);
      const right = this.parseUnary();
      if (!isPositional(left) || !isPositional(right)) {
        fail(
          'NEAR joins words or "phrases" (or alternatives in parentheses); keep exclusions and filters outside it.',
          next.pos,
          next.len,
        );
      }
      left = { type: 'near', distance: next.distance, left, right };
    }
    return left;
  }

  private parseUnary(): QueryNode {
    const next = this.peek() as Lexeme;
    if (next.kind === 'minus' || next.kind === 'not') {
      this.index++;
      const operand = this.peek();
      if (!this.startsOperand(operand) || operand?.kind === 'minus' || operand?.kind === 'not') {
        const message =
          next.kind === 'minus'
            ? 'A minus sign must be followed directly by what to exclude, like -football.'
            : 'NOT needs a word or "phrase" after it.';
        fail(message, next.pos, next.len);
      }
      return { type: 'not', child: this.parsePrimary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const next = this.lexemes[this.index++];
    switch (next.kind) {
      case 'word':
        return makeTerm(next.text, false, next.pos, next.len);
      case 'phrase':
        if (next.text.trim() === '') fail('This phrase is empty: put words between the quotes.', next.pos, next.len);
        return makeTerm(next.text, true, next.pos, next.len);
      case 'site':
        return { type: 'site', domain: next.domain };
      case 'lang':
        return { type: 'lang', code: next.code };
      case 'lparen': {
        if (++this.depth > MAX_DEPTH) fail(`Parentheses can nest at most ${MAX_DEPTH} deep.`, next.pos, 1);
        if (this.peek()?.kind === 'rparen') fail('Nothing inside these parentheses.', next.pos, 2);
        const inner = this.parseAnd();
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          if (close === undefined) fail('This ( is never closed: add a ) after it.', next.pos, 1);
          fail('Expected a ) here to close the ( before it.', (close as Lexeme).pos, (close as Lexeme).len);
        }
        this.index++;
        this.depth--;
        return inner;
      }
      default:
        return fail('Unexpected here.', next.pos, next.len);
    }
  }
}

/** Parses a topic query. Never throws: errors come back with their position in `source` and a plain explanation. */
export function parseQuery(source: string): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: { message: 'A query must be text.', position: 0 } };
  if (source.length > MAX_QUERY_CHARS) {
    return {
      ok: false,
      error: {
        message: `A query can be at most ${MAX_QUERY_CHARS} characters long; this one has ${source.length}. Split it into several topics.`,
        position: MAX_QUERY_CHARS,
        length: source.length - MAX_QUERY_CHARS,
      },
    };
  }
  try {
    return { ok: true, ast: new Parser(lex(source), source.length).parseQuery() };
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      const { message, position, length } = error;
      return { ok: false, error: length === undefined ? { message, position } : { message, position, length } };
    }
    // Unreachable by design (property-tested); a safety net so a topic editor can never crash on input.
    return { ok: false, error: { message: UNEXPECTED_ERROR, position: 0 } };
  }
}

/** The message of the safety net in parseQuery; tests assert it never shows up. */
export const UNEXPECTED_ERROR = 'This query could not be read.';

/** Why a reader cannot add another topic, or null when they can. */
export function topicLimitError(topicCount: number): string | null {
  return topicCount >= MAX_TOPICS
    ? `You can follow at most ${MAX_TOPICS} topics; remove one before adding another.`
    : null;
}
