import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_TOPICS } from '@/lib/limits';
import { parseQuery, topicLimitError, type QueryNode } from '@/lib/topics/query';

function ast(source: string): QueryNode {
  const result = parseQuery(source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.ast;
}

function error(source: string) {
  const result = parseQuery(source);
  if (result.ok) throw new Error(`${source} parsed`);
  return result.error;
}

const term = (source: string, tokens: string[], extra: Partial<{ phrase: boolean; prefix: boolean }> = {}) => ({
  type: 'term',
  source,
  tokens,
  phrase: extra.phrase ?? false,
  prefix: extra.prefix ?? false,
});

describe('parseQuery', () => {
  it('parses terms, phrases and OR', () => {
    expect(ast('Ukraine')).toEqual(term('Ukraine', ['ukraine']));
    expect(ast('"New York"')).toEqual(term('"New York"', ['new', 'york'], { phrase: true }));
    expect(ast('kyiv OR kiev | київ')).toEqual({
      type: 'or',
      children: [term('kyiv', ['kyiv']), term('kiev', ['kiev']), term('київ', ['київ'])],
    });
  });

  it('binds OR tighter than the implicit AND, as Google does', () => {
    expect(ast('ukraine grain OR wheat')).toEqual({
      type: 'and',
      children: [
        term('ukraine', ['ukraine']),
        { type: 'or', children: [term('grain', ['grain']), term('wheat', ['wheat'])] },
      ],
    });
    expect(ast('(a OR b) AND c')).toEqual(ast('(a OR b) c'));
  });

  it('parses exclusions, prefixes, NEAR and filters', () => {
    expect(ast('ukraine -"world cup" NOT football')).toEqual({
      type: 'and',
      children: [
        term('ukraine', ['ukraine']),
        { type: 'not', child: term('"world cup"', ['world', 'cup'], { phrase: true }) },
        { type: 'not', child: term('football', ['football']) },
      ],
    });
    expect(ast('ukrain*')).toEqual(term('ukrain*', ['ukrain'], { prefix: true }));
    expect(ast('grain NEAR/3 (ukraine OR kyiv)')).toEqual({
      type: 'near',
      distance: 3,
      left: term('grain', ['grain']),
      right: { type: 'or', children: [term('ukraine', ['ukraine']), term('kyiv', ['kyiv'])] },
    });
    expect(ast('ukraine site:WWW.BBC.co.uk lang:EN')).toEqual({
      type: 'and',
      children: [term('ukraine', ['ukraine']), { type: 'site', domain: 'bbc.co.uk' }, { type: 'lang', code: 'en' }],
    });
    expect(ast('a NEAR b')).toMatchObject({ type: 'near', distance: 5 });
  });

  it('accepts typographic quotes and guillemets', () => {
    expect(ast('“Нью-Йорк”')).toMatchObject({ tokens: ['нью', 'йорк'], phrase: true });
    expect(ast('«la guerre»')).toMatchObject({ tokens: ['la', 'guerre'], phrase: true });
  });

  it('keeps the AST JSON-serialisable', () => {
    const tree = ast('(a OR "b c") -d ee* NEAR/2 f site:x.org');
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it.each([
    ['', 0, 'at least one word'],
    ['   ', 0, 'at least one word'],
    ['"new york', 0, 'never closed'],
    ['ukraine ""', 8, 'empty'],
    ['(a OR b', 0, 'never closed'],
    ['a OR b)', 6, 'no matching'],
    ['a OR', 2, 'OR needs'],
    ['OR a', 0, 'OR needs'],
    ['a OR OR b', 2, 'OR needs'],
    ['a - b', 2, 'minus sign'],
    ['a --b', 2, 'minus sign'],
    ['ukr*ine', 3, '* can only end'],
    ['u*', 0, 'at least 2 letters'],
    ['a NEAR/0 b', 2, 'from 1 to 50'],
    ['a NEAR/x b', 2, 'distance'],
    ['a NEAR -b', 2, 'NEAR joins'],
    ['a NEAR site:x.com', 2, 'NEAR joins'],
    ['-football', 0, 'at least one word'],
    ['site:bbc.com', 0, 'at least one word'],
    ['a site:', 2, 'site: needs a domain'],
    ['a site:bbc.com/news', 2, 'domain only'],
    ['a lang:arabic1', 2, 'language code'],
    ['a ()', 2, 'Nothing inside'],
    ['!!!', 0, 'no letters or digits'],
  ])('rejects %j at %i (%s)', (source, position, message) => {
    const e = error(source);
    expect(e.position).toBe(position);
    expect(e.message).toContain(message);
  });

  it('limits nesting and length with clear messages', () => {
    expect(error('('.repeat(11) + 'a' + ')'.repeat(11)).message).toContain('nest at most 10');
    const long = 'a '.repeat(MAX_QUERY_CHARS);
    expect(error(long)).toMatchObject({ position: MAX_QUERY_CHARS });
    expect(error(long).message).toContain(`at most ${MAX_QUERY_CHARS} characters`);
  });

  it('limits the number of topics', () => {
    expect(topicLimitError(MAX_TOPICS - 1)).toBeNull();
    expect(topicLimitError(MAX_TOPICS)).toContain(String(MAX_TOPICS));
  });
});
