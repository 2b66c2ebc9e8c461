// The Markdown export streamed into a zip a page of articles at a time gives the files the whole export gives.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PageReader, RecordSource } from '@/lib/backup/collect';
import { articleMarkdown, fileSlug, markdownFiles, topicDigestMarkdown } from '@/lib/backup/markdown';
import { writeMarkdownZip } from '@/lib/backup/markdown-zip';
import type { ArticleRecord, HighlightRecord } from '@/lib/schema';
import { arabicArticle, article, highlight, topics } from './records';

/** Pages over records in id order, as the background's backup handlers answer; counts the pages read. */
function pagesOf<T extends { id: string }>(records: T[], reads: { count: number }): PageReader<T> {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return async (after, limit) => {
    reads.count++;
    const from = after === undefined ? 0 : sorted.findIndex((r) => r.id > after);
    const page = from < 0 ? [] : sorted.slice(from, from + limit);
    return page.length === limit ? { records: page, next: page[page.length - 1].id } : { records: page };
  };
}

const modified = new Date('2026-12-01T00:00:00Z');

function profile() {
  const articles: ArticleRecord[] = Array.from({ length: 1_101 }, (_, i) =>
    (i % 4 ? article : arabicArticle)({
      id: i.toString(16).padStart(32, '0'),
      url: `https://news.example/${i}`,
      title: i % 4 ? `Talks, day ${i}` : `محادثات اليوم ${i}`,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }),
  );
  const highlights: HighlightRecord[] = Array.from({ length: 30 }, (_, i) =>
    highlight({
      id: `h-11111111-2222-3333-4444-${String(i).padStart(12, '0')}`,
      articleId: articles[i * 7].id,
      note: `note ${i}`,
    }),
  );
  return { articles, highlights };
}

describe('Markdown export streamed into a zip', () => {
  it('writes each page of articles as it is read, and the zip holds the whole export', async () => {
    const { articles, highlights } = profile();
    const reads = { count: 0 };
    const source: RecordSource = {
      topics: async () => topics,
      articles: pagesOf(articles, reads),
      highlights: pagesOf(highlights, { count: 0 }),
    };
    const writes: number[] = [];
    const chunks: Uint8Array[] = [];
    const files = await writeMarkdownZip(source, { withText: true }, modified, (part) => {
      writes.push(part.reduce((n, c) => n + c.length, 0));
      chunks.push(...part);
    });
    expect(files).toBe(1_101 + topics.length);
    // Three pages of articles (500, 500, 101), each written before the next is read, then the digests.
    expect(reads.count).toBe(3);
    expect(writes).toHaveLength(4);
    for (const size of writes) expect(size).toBeGreaterThan(0);

    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) zip.set(chunk, (at += chunk.length) - chunk.length);
    const unzipped = unzipSync(zip);
    const whole = markdownFiles(topics, articles, highlights, { withText: true });
    expect(Object.keys(unzipped)).toEqual(whole.map((f) => f.path));
    for (const file of whole) expect(strFromU8(unzipped[file.path])).toBe(file.text);
  });

  it('writes digests and article files as the whole-profile functions do', async () => {
    const { articles, highlights } = profile();
    const source: RecordSource = {
      topics: async () => topics,
      articles: pagesOf(articles, { count: 0 }),
      highlights: pagesOf(highlights, { count: 0 }),
    };
    const chunks: Uint8Array[] = [];
    await writeMarkdownZip(source, { withText: false }, modified, (part) => void chunks.push(...part));
    const unzipped = unzipSync(new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
    const pathOf = (a: ArticleRecord) => `articles/${fileSlug(a.title, 'article')}-${a.id.slice(0, 8)}.md`;
    const names = new Map(topics.map((t) => [t.id, t.name]));
    // Each topic's digest from its full records (text included), and each article with its own highlights.
    const gaza = topicDigestMarkdown(
      topics[1],
      articles.filter((a) => a.topicIds.includes('gaza')),
      (a) => `../${pathOf(a)}`,
    );
    expect(strFromU8(unzipped['topics/غزة.md'])).toBe(gaza);
    expect(gaza.split('\n## ').length - 1).toBe(276);
    const marked = articles[7 * 3];
    expect(strFromU8(unzipped[pathOf(marked)])).toBe(
      articleMarkdown(marked, [highlights[3]], names, { withText: false }),
    );
    expect(strFromU8(unzipped[pathOf(marked)])).toContain('Note: note 3');
  });

  it('pauses between slices of its work, so the page (and the popup beside it) keep answering; the same zip', async () => {
    const { articles, highlights } = profile();
    const source = (): RecordSource => ({
      topics: async () => topics,
      articles: pagesOf(articles, { count: 0 }),
      highlights: pagesOf(highlights, { count: 0 }),
    });
    // A clock that moves 3 ms per look: a slice of 8 ms holds a few files.
    let clock = 0;
    const pausedAt: number[] = [];
    const paced: Uint8Array[] = [];
    const files = await writeMarkdownZip(source(), { withText: true }, modified, (part) => void paced.push(...part), {
      now: () => (clock += 3),
      pause: async () => void pausedAt.push(paced.length),
      sliceMs: 8,
    });
    const whole: Uint8Array[] = [];
    await writeMarkdownZip(source(), { withText: true }, modified, (part) => void whole.push(...part));
    expect(files).toBe(1_101 + topics.length);
    // Every few files, within each page of articles, not only between pages.
    expect(pausedAt.length).toBeGreaterThan(1_101 / 4);
    const bytes = async (chunks: Uint8Array[]) => new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
    expect(await bytes(paced)).toEqual(await bytes(whole));
  });

  it('writes an empty profile as a zip of the topic digests', async () => {
    const empty: PageReader<never> = async () => ({ records: [] });
    const chunks: Uint8Array[] = [];
    const files = await writeMarkdownZip(
      { topics: async () => topics, articles: empty, highlights: empty },
      { withText: false },
      modified,
      (part) => void chunks.push(...part),
    );
    expect(files).toBe(2);
    const unzipped = unzipSync(new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
    expect(Object.keys(unzipped)).toEqual(['topics/Ukraine-talks.md', 'topics/غزة.md']);
  });
});
