// @vitest-environment happy-dom
// Golden tests: every fixture page's extracted articles (text and metadata) are checked in as
// tests/fixtures/extract/<fixture>.expected.json and reviewed in diffs. UPDATE_GOLDEN=1 rewrites them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractArticles } from '@/lib/extract/article';
import { extractedArticleSchema, type ExtractedArticle } from '@/lib/schema';

const FIXTURES = join(__dirname, '../../fixtures');
const EXPECTED = join(FIXTURES, 'extract');
const SOURCES = [join(FIXTURES, 'pages'), EXPECTED];
const update = process.env.UPDATE_GOLDEN === '1';

/** The article as stored in the golden file: text split into paragraphs so diffs show what changed. */
function golden(article: ExtractedArticle) {
  const { text, ...rest } = article;
  return { ...rest, paragraphs: text.split('\n\n') };
}

/** The origin of the page's canonical link (or og:url), or the local server's when it declares neither. */
function siteOf(html: string): string {
  const declared =
    /<link[^>]*rel="canonical"[^>]*href="(https?:\/\/[^"/]+)/i.exec(html) ??
    /<meta[^>]*property="og:url"[^>]*content="(https?:\/\/[^"/]+)/i.exec(html);
  return declared?.[1] ?? 'http://127.0.0.1:8080';
}

const pages = SOURCES.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ name: basename(file, '.html'), path: join(dir, file) })),
);

describe('extraction golden files', () => {
  it('has fixture pages', () => expect(pages.length).toBeGreaterThanOrEqual(5));

  for (const page of pages) {
    it(page.name, async () => {
      // Loaded as a browser would: at the page's address (relative URLs resolve against it), with its
      // inline scripts run (the single-page app renders its story client-side). The address is on the site its
      // canonical link names, as where it was saved from: elsewhere, its canonical would not be trusted.
      const html = readFileSync(page.path, 'utf8');
      const pageUrl = `${siteOf(html)}/${page.name}.html`;
      const window = new Window({ url: pageUrl, settings: { enableJavaScriptEvaluation: true } });
      window.document.write(html);
      await window.happyDOM.waitUntilComplete();
      const articles = extractArticles(window.document as unknown as Document, pageUrl);
      await window.happyDOM.close();
      for (const article of articles) expect(() => extractedArticleSchema.parse(article)).not.toThrow();
      const actual = { fixture: page.name, pageUrl, articles: articles.map(golden) };
      const file = join(EXPECTED, `${page.name}.expected.json`);
      if (update || !existsSync(file)) {
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) throw new Error(`wrote ${file}: review it, then run again`);
        return;
      }
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
