// Pieces every style's markup shares: escaping, the <head> that names the page's own article, a seeded random
// source, and the chrome around articles (navigation, footers) that real pages carry.
import type { PageArticle, PageSpec } from './page-spec';

/** Text and attribute values are escaped: the texts are real articles, with quotes, ampersands and brackets. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** mulberry32: small, seeded, the same pages on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const between = (rng: Random, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** A hash-like token, as CSS-in-JS and CSS modules generate (`css-1x2y3z`, `Body_text__a1B2c`). */
export function token(rng: Random, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'story';
}

export const humanDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang === 'ar' ? 'ar-EG' : 'en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** The <head>: the page's own article named by canonical, og:title and JSON-LD as the spec says, plus page furniture. */
export function head(spec: PageSpec, extra = '', jsonLdShape: 'plain' | 'graph' = 'plain'): string {
  const own = spec.articles[0]!;
  const lines = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(own.title)} | ${esc(spec.site.name)}</title>`,
    `<meta name="description" content="${esc(own.paragraphs[0]!.slice(0, 150))}">`,
    `<link rel="stylesheet" href="https://${spec.site.host}/assets/site.css">`,
  ];
  if (spec.naming.canonical) lines.push(`<link rel="canonical" href="${esc(own.url)}">`);
  lines.push(
    `<meta property="og:site_name" content="${esc(spec.site.name)}">`,
    '<meta property="og:type" content="article">',
  );
  if (spec.naming.ogTitle)
    lines.push(
      `<meta property="og:title" content="${esc(own.title)}">`,
      `<meta property="og:url" content="${esc(own.url)}">`,
    );
  lines.push(`<meta property="article:published_time" content="${own.published}">`);
  if (spec.naming.jsonLd) {
    const article = {
      '@type': 'NewsArticle',
      headline: own.title,
      url: own.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': own.url },
      datePublished: own.published,
      author: { '@type': 'Person', name: own.author },
      publisher: { '@type': 'Organization', name: spec.site.name },
    };
    const ld =
      jsonLdShape === 'graph'
        ? {
            '@context': 'https://schema.org',
            '@graph': [
              { ...article, '@id': `${own.url}#article` },
              { '@type': 'WebPage', '@id': own.url, url: own.url, name: `${own.title} - ${spec.site.name}` },
            ],
          }
        : { '@context': 'https://schema.org', ...article };
    // `<` in a title must not close the script element early.
    lines.push(`<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`);
  }
  return `<head>\n${lines.join('\n')}\n${extra}</head>`;
}

/** A site's navigation: a list of section links, as every page has above its article. */
export function navLinks(spec: PageSpec, sections: readonly string[]): string {
  return sections.map((s) => `<li><a href="https://${spec.site.host}/${slugify(s)}/">${esc(s)}</a></li>`).join('');
}

export const EN_SECTIONS = [
  'World',
  'Politics',
  'Business',
  'Technology',
  'Science',
  'Health',
  'Sport',
  'Culture',
  'Opinion',
];
export const AR_SECTIONS = ['أخبار محلية', 'عربي ودولي', 'اقتصاد', 'رياضة', 'ثقافة وفنون', 'مقالات', 'منوعات'];

export const imageUrl = (spec: PageSpec, a: PageArticle, size = '1200x675') =>
  `https://${spec.site.host}/images/${a.id}-${size}.jpg`;
