// Seeded generation of the multi-article pages: per style, pages with 2–4 full articles made from real texts
// (the page's own first), related-teaser groups between them, appended articles addressed the way that style's
// system does, and the page's own article named by canonical, og:title or JSON-LD. Same seed, same pages.
import { between, pick, seededRandom, slugify, type Random } from './markup';
import { truthOf, type PageArticle, type PageSpec, type PageTruth, type Teaser } from './page-spec';
import { STYLES, type Style } from './styles';
import type { SourceText } from './texts';

export interface GeneratedPage {
  spec: PageSpec;
  html: string;
  truth: PageTruth;
}

const EN_AUTHORS = [
  'Maria Lopez',
  'James Carter',
  'Aisha Rahman',
  'Tom Becker',
  'Lena Novak',
  'Daniel Okafor',
  'Sofia Rossi',
];
const AR_AUTHORS = ['محمد العتيبي', 'سارة القحطاني', 'خالد الشمري', 'نورة الدوسري', 'عبدالله الحربي'];
const EN_SITES = ['The Harbour Herald', 'Valley Courier', 'Metro Ledger', 'Northern Dispatch', 'The Civic Post'];
const AR_SITES = ['صحيفة الوادي', 'أخبار اليوم الرقمية', 'جريدة المدينة الجديدة', 'الخبر المحلي'];

/** One sentence-ish summary for a teaser: what a related-story card shows. */
function summaryOf(text: SourceText): string {
  const first = text.paragraphs[0]!;
  const cut = first.slice(0, 180);
  return first.length > 180 ? `${cut.replace(/\s+\S*$/, '')}…` : cut;
}

function stringSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Draws `n` distinct texts. */
function draw(rng: Random, pool: readonly SourceText[], n: number, used: Set<string>): SourceText[] {
  const out: SourceText[] = [];
  for (let guard = 0; out.length < n && guard < n * 50; guard++) {
    const t = pick(rng, pool);
    if (used.has(t.ref)) continue;
    used.add(t.ref);
    out.push(t);
  }
  if (out.length < n) throw new Error(`multi-article corpus: only ${out.length} of ${n} texts could be drawn`);
  return out;
}

export function generatePage(style: Style, index: number, pool: readonly SourceText[]): GeneratedPage {
  const seed = stringSeed(`${style.name}#${index}`);
  const rng = seededRandom(seed);
  const ar = style.lang === 'ar';
  const siteName = pick(rng, ar ? AR_SITES : EN_SITES);
  const site = { name: siteName, host: `${slugify(style.name)}-${index % 3}.example` };
  const used = new Set<string>();
  const count = between(rng, 2, 4);
  const texts = draw(rng, pool, count, used);
  const baseId = between(rng, 100000, 900000);
  const articles: PageArticle[] = texts.map((t, i) => {
    const id = baseId + i * between(rng, 1, 40) + i;
    const day = between(rng, 1, 28);
    const published = `2024-${String(between(rng, 1, 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(between(rng, 5, 20)).padStart(2, '0')}:00:00Z`;
    const slug = slugify(t.title);
    return {
      ref: t.ref,
      title: t.title,
      paragraphs: t.paragraphs,
      id,
      slug,
      url: style.url(site, id, slug, published),
      address: i === 0 ? 'none' : pick(rng, style.addresses),
      own: i === 0,
      author: pick(rng, ar ? AR_AUTHORS : EN_AUTHORS),
      published,
    };
  });
  const teaserGroups: Teaser[][] = articles.map(() =>
    draw(rng, pool, between(rng, 3, 4), used).map((t) => {
      const id = between(rng, 100000, 900000);
      return {
        ref: t.ref,
        title: t.title,
        summary: summaryOf(t),
        url: style.url(site, id, slugify(t.title), '2024-01-01T00:00:00Z'),
      };
    }),
  );
  // Every page names its own article one way at least; most name it several ways, as real pages do.
  const naming = { canonical: rng() < 0.8, ogTitle: rng() < 0.8, jsonLd: rng() < 0.6 };
  if (!naming.canonical && !naming.ogTitle && !naming.jsonLd)
    naming[pick(rng, ['canonical', 'ogTitle', 'jsonLd'] as const)] = true;
  const own = articles[0]!;
  const pageUrl =
    rng() < 0.25 ? `${own.url}${own.url.includes('?') ? '&' : '?'}utm_source=newsletter&utm_medium=email` : own.url;
  const spec: PageSpec = {
    id: `${style.name}-${String(index).padStart(2, '0')}`,
    style: style.name,
    site,
    pageUrl,
    articles,
    teaserGroups,
    naming,
    seed,
  };
  return { spec, html: style.render(spec, rng), truth: truthOf(spec) };
}

export interface TextPools {
  en: readonly SourceText[];
  ar: readonly SourceText[];
}

/** `perStyle` pages of every style. */
export function generateCorpus(pools: TextPools, perStyle: number, styles: readonly Style[] = STYLES): GeneratedPage[] {
  const pages: GeneratedPage[] = [];
  for (const style of styles) {
    const pool = style.lang === 'ar' ? pools.ar : pools.en;
    for (let i = 0; i < perStyle; i++) pages.push(generatePage(style, i, pool));
  }
  return pages;
}
