// The real article texts the multi-article pages are built from, read from ../shared at bench time (never
// committed): extraction-dev's human-annotated bodies (MIT), titled by their page's og:title or <title>, and the
// news-ar articles (CC BY-NC-SA) for the right-to-left style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTION_DEV, newsArTexts } from '../corpora';

export interface SourceText {
  /** Where it comes from: dev:<page id> or news-ar:<id>. */
  ref: string;
  title: string;
  paragraphs: string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const decodeEntities = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

/** The page's own title, without the " | Site" most titles carry. */
function titleOf(html: string): string {
  const og =
    /<meta[^>]+property=["']og:title["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:title["']/i.exec(html)?.[1];
  const raw = collapse(decodeEntities(og ?? /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? ''));
  const parts = raw.split(/\s+[|–—-]\s+/);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Article-length texts (1,000–7,000 characters, three paragraphs or more) with a usable title. */
export function devTexts(): SourceText[] {
  const index = JSON.parse(readFileSync(join(EXTRACTION_DEV, 'index.json'), 'utf8')) as {
    pages: { id: string; dir: string }[];
  };
  const out: SourceText[] = [];
  for (const page of index.pages) {
    const truth = (JSON.parse(readFileSync(join(EXTRACTION_DEV, page.dir, 'truth.json'), 'utf8')) as { text: string })
      .text;
    const paragraphs = truth.split(/\n+/).map(collapse).filter(Boolean);
    const chars = paragraphs.join(' ').length;
    if (chars < 1000 || chars > 7000 || paragraphs.length < 3) continue;
    const title = titleOf(readFileSync(join(EXTRACTION_DEV, page.dir, 'page.html'), 'utf8'));
    if (title.length < 15) continue;
    out.push({ ref: `dev:${page.id}`, title, paragraphs });
  }
  return dedupeTitles(out);
}

export function arabicTexts(): SourceText[] {
  return dedupeTitles(
    newsArTexts()
      .map((a) => ({
        ref: `news-ar:${a.id}`,
        title: collapse(a.title),
        paragraphs: a.text.split(/\n+/).map(collapse).filter(Boolean),
      }))
      .filter(
        (a) =>
          a.title.length >= 15 &&
          a.paragraphs.length >= 3 &&
          a.paragraphs.join(' ').length >= 800 &&
          a.paragraphs.join(' ').length <= 7000,
      ),
  );
}

/** Two texts under one title (a site's generic <title>) would make titles useless for telling articles apart. */
function dedupeTitles(texts: SourceText[]): SourceText[] {
  const count = new Map<string, number>();
  for (const t of texts) count.set(t.title.toLowerCase(), (count.get(t.title.toLowerCase()) ?? 0) + 1);
  return texts.filter((t) => count.get(t.title.toLowerCase()) === 1);
}
