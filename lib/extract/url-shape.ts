// What a page's address looks like — a site's home, a listing, an article, something else — as one of the gate's
// signals. Read by hand rather than with `URL` and regular expressions, which are slow on their first use in the
// fresh isolated world the gate runs in; tests check it against the regular expressions it replaces.

export type UrlShape = 'home' | 'listing' | 'article' | 'other' | 'unknown';

const LISTING_SEGMENTS = new Set([
  'search',
  'tag',
  'tags',
  'topic',
  'topics',
  'category',
  'categories',
  'section',
  'sections',
  'author',
  'authors',
  'archive',
  'archives',
]);

/**
 * What a URL looks like: a site's home, a listing (search, tag, section, author, archive, `page/N`), an article
 * (a dated path, a long number or a long slug), or something else.
 */
export function classifyUrl(href: string): UrlShape {
  const url = splitUrl(href.trim());
  if (url === undefined) return 'unknown';
  const { path, query } = url;
  const segments = path.split('/').slice(1);
  if (segments[segments.length - 1] === '') segments.pop();
  // `/?p=31228` (WordPress's default permalink), `/index.php?id=…`: a query that names one item by number.
  const item = namesItem(query);
  if (segments.length === 0 || (segments.length === 1 && isHomeSegment(segments[0].toLowerCase()))) {
    return item ? 'article' : 'home';
  }
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i].toLowerCase();
    if (LISTING_SEGMENTS.has(segment)) return 'listing';
    if (
      segment === 'page' &&
      i + 1 < segments.length &&
      digitRun(segments[i + 1], 0) === segments[i + 1].length &&
      segments[i + 1] !== ''
    ) {
      return 'listing';
    }
  }
  if (query.split('&').some((pair) => pair.split('=', 1)[0] === 'q')) return 'listing';
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  const last = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  let slug = last;
  try {
    slug = decodeURIComponent(last);
  } catch {
    // Malformed escapes: judge the raw segment.
  }
  if (hasDatedSegment(path) || longestDigitRun(slug) >= 5 || countWordBreaks(slug) >= 3 || item) return 'article';
  return 'other';
}

/** A query parameter `p` or `…id` (`id`, `nid`, `page_id`, `storyId`) whose value is a number. */
function namesItem(query: string): boolean {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1 || digitRun(pair, eq + 1) !== pair.length - eq - 1) continue;
    const name = pair.slice(0, eq).toLowerCase();
    if (name === 'p' || name.endsWith('id')) return true;
  }
  return false;
}

/** An absolute http(s) URL's path (at least `/`) and query, or undefined. */
function splitUrl(href: string): { path: string; query: string } | undefined {
  const scheme = href.slice(0, 8).toLowerCase();
  const start = scheme.startsWith('https://') ? 8 : scheme.startsWith('http://') ? 7 : -1;
  if (start < 0) return undefined;
  let end = href.indexOf('#', start);
  if (end < 0) end = href.length;
  let queryStart = href.indexOf('?', start);
  if (queryStart < 0 || queryStart > end) queryStart = end;
  let pathStart = href.indexOf('/', start);
  if (pathStart < 0 || pathStart > queryStart) pathStart = queryStart;
  if (pathStart === start) return undefined; // no host
  const path = href.slice(pathStart, queryStart).split('\\').join('/');
  return { path: path || '/', query: href.slice(Math.min(queryStart + 1, end), end) };
}

/** `home`, `index.html`, a language (`en`, `pt-br`). */
function isHomeSegment(segment: string): boolean {
  if (segment === 'home') return true;
  if (segment.startsWith('index.')) return segment.length > 6 && wordRun(segment, 6) === segment.length - 6;
  return (
    (segment.length === 2 && isLetters(segment)) ||
    (segment.length === 5 && segment[2] === '-' && isLetters(segment.slice(0, 2) + segment.slice(3)))
  );
}

function isLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Length of the run of ASCII digits at `from`. */
function digitRun(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i - from;
}

/** Length of the run of ASCII letters, digits and `_` at `from`. */
function wordRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!isDigit(text.charCodeAt(i)) && !(c >= 0x61 && c <= 0x7a) && text.charCodeAt(i) !== 0x5f) break;
  }
  return i - from;
}

function longestDigitRun(text: string): number {
  let longest = 0;
  for (let i = 0; i < text.length; i++) {
    const run = digitRun(text, i);
    if (run > longest) longest = run;
    i += run;
  }
  return longest;
}

function countWordBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '-' || text[i] === '_') count++;
  return count;
}

/** `/2024/05/`, `/2024-5-`, `/1999/12` (end): a year (19xx, 20xx) and a month, as dated article paths have. */
function hasDatedSegment(path: string): boolean {
  const boundary = (i: number) => i === path.length || path[i] === '/' || path[i] === '-';
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const century = path.slice(i + 1, i + 3);
    if (
      (century !== '19' && century !== '20') ||
      digitRun(path, i + 3) < 2 ||
      (path[i + 5] !== '/' && path[i + 5] !== '-')
    )
      continue;
    const m1 = path.charCodeAt(i + 6);
    const m2 = path.charCodeAt(i + 7);
    if (m1 === 0x30 && m2 >= 0x31 && m2 <= 0x39 && boundary(i + 8)) return true;
    if (m1 >= 0x31 && m1 <= 0x39 && boundary(i + 7)) return true;
    if (m1 === 0x31 && m2 >= 0x30 && m2 <= 0x32 && boundary(i + 8)) return true;
  }
  return false;
}
