// The topic query language, Google Alerts style, parsed once when a topic is saved: the AST is stored with the
// topic and compiled to literal tokens and bounded prefixes, never to a regular expression built from user text.
import { normalizeTerm } from '../text/normalize';
import { MAX_QUERY_CHARS, MAX_TOPICS } from '../limits';
import { isCharToken, tokenizeTerm } from '../text/tokenize';
import { QUERY_ERROR_TEXTS, queryErrorText, type QueryErrorCode } from './query-errors';

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
  /** What is wrong, for the UI's words (lib/topics/query-errors.ts). */
  code: QueryErrorCode;
  /** The error's details (a value, a limit), filled into its words in order. */
  details: string[];
  /** In English, for topic files, backups and logs. */
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
    readonly code: QueryErrorCode,
    readonly details: string[],
    readonly position: number,
    readonly length?: number,
  ) {
    super(queryErrorText(code, details));
  }
}

const fail = (code: QueryErrorCode, position: number, length?: number, ...details: string[]): never => {
  throw new QuerySyntaxError(code, details, position, length);
};

/** A parse error: the English words of `code` with its details, where it is. */
function queryError(code: QueryErrorCode, position: number, length?: number, details: string[] = []): QueryError {
  const error = { code, details, message: queryErrorText(code, details), position };
  return length === undefined ? error : { ...error, length };
}

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
  if (domain === '') fail('siteEmpty', pos, len);
  if (domain.includes('/')) fail('sitePath', pos, len);
  let host: string;
  try {
    host = new URL(`http://${domain}/`).hostname;
  } catch {
    return fail('siteInvalid', pos, len, value);
  }
  if (!DOMAIN.test(host)) fail('siteInvalid', pos, len, value);
  return host;
}

function readLang(value: string, pos: number, len: number): string {
  const code = value.toLowerCase();
  if (code === '') fail('langEmpty', pos, len);
  if (!LANG_CODE.test(code)) fail('langInvalid', pos, len, value);
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
      if (j >= n) fail('quoteUnclosed', i, 1, ch === '«' ? '»' : '"');
      out.push({ kind: 'phrase', text: source.slice(i + 1, j), pos: i, len: j + 1 - i });
      i = j + 1;
    } else if (ch === '-' && (i + 1 >= n || isSpace(source[i + 1]) || source[i + 1] === ')' || source[i + 1] === '|')) {
      fail('minusAlone', i, 1);
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
          fail('nearRange', i, len, String(MAX_NEAR_DISTANCE));
        }
        out.push({ kind: 'near', distance, pos: i, len });
      } else if (word.startsWith('NEAR/')) {
        fail('nearDistance', i, len);
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
    fail('starInside', pos + (phrase ? 1 : 0) + star, 1);
  }
  const tokens = tokenizeTerm(normalizeTerm(prefix ? trimmed.slice(0, -1) : raw));
  // Chinese, Japanese and Thai already match on characters, inside longer words: the * adds nothing there.
  const charPrefix = prefix && tokens.length > 0 && isCharToken(tokens[tokens.length - 1]);
  if (tokens.length === 0) {
    if (phrase) fail('phraseNoLetters', pos, len);
    fail('wordNoLetters', pos, len, raw);
  }
  if (prefix && !charPrefix) {
    const last = tokens[tokens.length - 1];
    const touching = !isSpace(trimmed[trimmed.length - 2] ?? ' ');
    if (!touching || last.length < MIN_PREFIX_LENGTH) {
      fail('prefixShort', pos, len, String(MIN_PREFIX_LENGTH));
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
    if (this.lexemes.length === 0) fail('empty', 0);
    const ast = this.parseAnd();
    const extra = this.peek();
    if (extra) fail('closeUnmatched', extra.pos, extra.len);
    if (!isAnchored(ast)) {
      fail('unanchored', 0, this.sourceLength);
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
          fail('andSides', next.pos, next.len);
        }
        this.index++;
        continue;
      }
      if (!this.startsOperand(next)) break;
      children.push(this.parseOr());
    }
    const next = this.peek();
    if (children.length === 0) {
      if (next?.kind === 'or') fail('orSides', next.pos, next.len);
      if (next?.kind === 'near') fail('nearSides', next.pos, next.len);
    }
    return combine('and', children);
  }

  private parseOr(): QueryNode {
    const children = [this.parseNear()];
    for (let next = this.peek(); next?.kind === 'or'; next = this.peek()) {
      this.index++;
      if (!this.startsOperand(this.peek())) fail('orSides', next.pos, next.len);
      children.push(this.parseNear());
    }
    return combine('or', children);
  }

  private parseNear(): QueryNode {
    let left = this.parseUnary();
    for (let next = this.peek(); next?.kind === 'near'; next = this.peek()) {
      this.index++;
      if (!this.startsOperand(this.peek())) fail('nearSides', next.pos, next.len);
      const right = this.parseUnary();
      if (!isPositional(left) || !isPositional(right)) {
        fail('nearOperands', next.pos, next.len);
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
        fail(next.kind === 'minus' ? 'minusWithoutOperand' : 'notWithoutOperand', next.pos, next.len);
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
        if (next.text.trim() === '') fail('phraseEmpty', next.pos, next.len);
        return makeTerm(next.text, true, next.pos, next.len);
      case 'site':
        return { type: 'site', domain: next.domain };
      case 'lang':
        return { type: 'lang', code: next.code };
      case 'lparen': {
        if (++this.depth > MAX_DEPTH) fail('tooDeep', next.pos, 1, String(MAX_DEPTH));
        if (this.peek()?.kind === 'rparen') fail('parenthesesEmpty', next.pos, 2);
        const inner = this.parseAnd();
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          if (close === undefined) fail('openUnclosed', next.pos, 1);
          fail('closeExpected', (close as Lexeme).pos, (close as Lexeme).len);
        }
        this.index++;
        this.depth--;
        return inner;
      }
      default:
        return fail('unexpected', next.pos, next.len);
    }
  }
}

/** Parses a topic query. Never throws: errors come back with their position in `source` and a plain explanation. */
export function parseQuery(source: string): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: queryError('notText', 0) };
  if (source.length > MAX_QUERY_CHARS) {
    return {
      ok: false,
      error: queryError('tooLong', MAX_QUERY_CHARS, source.length - MAX_QUERY_CHARS, [
        String(MAX_QUERY_CHARS),
        String(source.length),
      ]),
    };
  }
  try {
    return { ok: true, ast: new Parser(lex(source), source.length).parseQuery() };
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      return { ok: false, error: queryError(error.code, error.position, error.length, error.details) };
    }
    // Unreachable by design (property-tested); a safety net so a topic editor can never crash on input.
    return { ok: false, error: queryError('unreadable', 0) };
  }
}

/** The message of the safety net in parseQuery; tests assert it never shows up. */
export const UNEXPECTED_ERROR = QUERY_ERROR_TEXTS.unreadable;

/** Why a reader cannot add another topic, or null when they can. */
export function topicLimitError(topicCount: number): string | null {
  return topicCount >= MAX_TOPICS
    ? `You can follow at most ${MAX_TOPICS} topics; remove one before adding another.`
    : null;
}
