import { unzipSync, strFromU8 } from 'fflate';
import fc from 'fast-check';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { articleMarkdown, fileSlug, markdownFiles, topicDigestMarkdown } from '@/lib/backup/markdown';
import { ZipWriter } from '@/lib/backup/zip';
import { arabicArticle, article, highlight, topics } from './records';

// HTML on, as Obsidian and most notes apps render it: escaped page text must still never become markup.
const markdown = new MarkdownIt({ html: true, linkify: false });
const names = new Map(topics.map((t) => [t.id, t.name]));

function split(text: string) {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no front matter');
  return { front: yaml.load(match[1], { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>, body: match[2] };
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('article Markdown', () => {
  it('has front matter, facts, highlights with notes, in Arabic and mixed text', () => {
    const text = articleMarkdown(arabicArticle({ byline: 'مراسل' }), [highlight()], names, { withText: false });
    const { front, body } = split(text);
    expect(front).toEqual({
      title: 'محادثات «ستورم شادو» في إسطنبول 2026',
      url: 'https://ar.example/news/1',
      site: 'الشرق',
      author: 'مراسل',
      published: '2026-11-30T08:00:00Z',
      captured: new Date(arabicArticle().firstSeenAt).toISOString(),
      topics: ['Ukraine talks', 'غزة'],
      lang: 'ar',
      dir: 'rtl',
    });
    const html = markdown.render(body);
    expect(html).toContain('<h1>محادثات «ستورم شادو» في إسطنبول 2026</h1>');
    expect(html).toContain('<li>قال الوزير إن NATO تدعم أوكرانيا. (الوزير)</li>');
    expect(html).toContain('<blockquote>\n<p>NATO تدعم أوكرانيا</p>\n</blockquote>');
    expect(html).toContain('<p>Note: ملاحظة: check the NATO line</p>');
    expect(html).not.toContain('استمرت المحادثات');
  });

  it('includes the text only on request, paragraph by paragraph', () => {
    const html = markdown.render(split(articleMarkdown(arabicArticle(), [], names, { withText: true })).body);
    expect(html).toContain('<h2>Text</h2>\n<p>قال الوزير إن NATO تدعم أوكرانيا.</p>\n<p>استمرت المحادثات 3 ساعات.</p>');
  });

  it('shows hostile page text as text: no HTML, links, headings or lists, no bidi overrides', () => {
    const hostile = article({
      title: '<script>alert(1)</script> [click](javascript:alert(1)) \u202Eevil',
      siteName: '<img src=x onerror=alert(1)>',
      facts: [{ text: '# not a heading\n- not a list', start: 0, end: 5, score: 1, kind: 'statement' }],
      text: '1. first\n> not a quote\n<iframe src="https://x.example"></iframe>\n\n---\n\n```',
      url: 'https://news.example/a b<c>',
    });
    const note = highlight({ note: '</blockquote><b>bold</b>\n\n# heading' });
    const text = articleMarkdown(hostile, [note], names, { withText: true });
    const { front, body } = split(text);
    expect(front.title).toBe('<script>alert(1)</script> [click](javascript:alert(1)) evil');
    const html = markdown.render(body);
    expect(html).not.toMatch(/<(script|img|iframe|b|ol|hr|pre|code)\b/);
    // The one link is the article's own address, made safe to link to.
    expect(html.match(/<a [^>]*>/g)).toEqual(['<a href="https://news.example/a%20b%3Cc%3E">']);
    expect(html.match(/<h[1-6]>/g)).toEqual(['<h1>', '<h2>', '<h2>', '<h2>']);
    expect(textOf(html)).toContain('<script>alert(1)</script> [click](javascript:alert(1)) evil');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('writes front matter YAML reads back exactly, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (title, site) => {
        const strip = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
        const { front } = split(articleMarkdown(article({ title, siteName: site }), [], names, { withText: false }));
        expect(front.title).toBe(strip(title));
        expect(front.site).toBe(strip(site));
      }),
      { numRuns: 100 },
    );
  });
});

describe('topic digest Markdown', () => {
  it('lists stories newest first with facts and links to the article notes', () => {
    const older = article({ publishedAt: '2026-01-01T00:00:00Z' });
    const text = topicDigestMarkdown(topics[0], [older, arabicArticle()], (a) => `../articles/${a.id}.md`);
    const { front, body } = split(text);
    expect(front).toEqual({ topic: 'Ukraine talks', query: 'Ukraine OR أوكرانيا', articles: '2' });
    const html = markdown.render(body);
    expect(html.indexOf('ستورم شادو')).toBeLessThan(html.indexOf('Talks resume'));
    expect(html).toContain('<a href="https://ar.example/news/1">محادثات «ستورم شادو» في إسطنبول 2026</a>');
    expect(html).toContain(`<a href="../articles/${older.id}.md">notes</a>`);
    expect(html).toContain('<li>The talks lasted 3 hours.</li>');
  });
});

describe('export files and zip', () => {
  it('names files readably in any script, and zips them all', () => {
    expect(fileSlug('محادثات «ستورم شادو»: في/إسطنبول?', 'article')).toBe('محادثات-«ستورم-شادو»-في-إسطنبول');
    expect(fileSlug('../../etc/passwd', 'article')).toBe('etc-passwd');
    expect(fileSlug('\u202E<>', 'article')).toBe('article');
    const files = markdownFiles(topics, [article(), arabicArticle()], [highlight()], { withText: false });
    expect(files.map((f) => f.path)).toEqual([
      'articles/Talks-resume-in-Istanbul-01234567.md',
      'articles/محادثات-«ستورم-شادو»-في-إسطنبول-2026-fedcba98.md',
      'topics/Ukraine-talks.md',
      'topics/غزة.md',
    ]);
    const writer = new ZipWriter(new Date('2026-12-01T00:00:00Z'));
    for (const file of files) writer.add(file);
    writer.end();
    const chunks = writer.take();
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.path));
    for (const file of files) expect(strFromU8(unzipped[file.path])).toBe(file.text);
    expect(strFromU8(unzipped['topics/غزة.md'])).toContain(
      '../articles/محادثات-«ستورم-شادو»-في-إسطنبول-2026-fedcba98.md',
    );
  });
});
