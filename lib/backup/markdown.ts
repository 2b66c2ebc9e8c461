// Markdown for reading elsewhere (Obsidian, notes apps): one file per article with YAML front matter, its key facts
// and the reader's highlights with their notes, and one digest per topic. Page text is untrusted: it is escaped so a
// Markdown reader shows it as text (never as HTML, links or headings), and bidi overrides are dropped so a hostile
// title cannot reorder what is around it. Arabic and mixed text is otherwise kept exactly.
import type { ArticleRecord, HighlightRecord, Topic } from '../schema';

export interface MarkdownOptions {
  /** Include each article's full text. */
  withText: boolean;
}

export interface MarkdownFile {
  /** A relative path: `articles/…md` or `topics/…md`. */
  path: string;
  text: string;
}

/** Embeddings, overrides and isolates; the marks (LRM, RLM, ALM) that legitimate text uses are kept. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Every file of an export: articles, then topic digests, with unique, readable names. */
export function markdownFiles(
  topics: Topic[],
  articles: ArticleRecord[],
  highlights: HighlightRecord[],
  options: MarkdownOptions,
): MarkdownFile[] {
  const exporter = new MarkdownExport(topics, highlights, options);
  return [...articles.map((article) => exporter.article(article)), ...exporter.topicFiles()];
}

/** What a topic digest says about an article: no text, so an export keeps little of each article it has written. */
export type DigestArticle = Pick<
  ArticleRecord,
  'id' | 'title' | 'url' | 'siteName' | 'publishedAt' | 'firstSeenAt' | 'facts'
>;

/**
 * An export made an article at a time (articles arrive a page at a time from the background): each article's file is
 * made as it comes, and the digests, which need every article of their topic, at the end from what was kept of them.
 */
export class MarkdownExport {
  private readonly byArticle = new Map<string, HighlightRecord[]>();
  private readonly names: Map<string, string>;
  private readonly digests = new Map<string, { article: DigestArticle; path: string }[]>();

  constructor(
    private readonly topics: Topic[],
    highlights: HighlightRecord[],
    private readonly options: MarkdownOptions,
  ) {
    for (const h of highlights)
      if (h.articleId) {
        const own = this.byArticle.get(h.articleId);
        if (own) own.push(h);
        else this.byArticle.set(h.articleId, [h]);
      }
    this.names = new Map(topics.map((t) => [t.id, t.name]));
    for (const topic of topics) this.digests.set(topic.id, []);
  }

  /** The article's file; what its topics' digests need of it is kept. */
  article(article: ArticleRecord): MarkdownFile {
    const path = `articles/${fileSlug(article.title, 'article')}-${article.id.slice(0, 8)}.md`;
    const { id, title, url, siteName, publishedAt, firstSeenAt, facts } = article;
    for (const topicId of new Set(article.topicIds))
      this.digests.get(topicId)?.push({ article: { id, title, url, siteName, publishedAt, firstSeenAt, facts }, path });
    return { path, text: articleMarkdown(article, this.byArticle.get(article.id) ?? [], this.names, this.options) };
  }

  /** One digest per topic, of the articles given so far. */
  topicFiles(): MarkdownFile[] {
    const used = new Set<string>();
    return this.topics.map((topic) => {
      let path = `topics/${fileSlug(topic.name, 'topic')}.md`;
      if (used.has(path)) path = `topics/${fileSlug(topic.name, 'topic')}-${topic.id.slice(-6)}.md`;
      used.add(path);
      const own = this.digests.get(topic.id) ?? [];
      const paths = new Map(own.map((entry) => [entry.article, entry.path]));
      return {
        path,
        text: topicDigestMarkdown(
          topic,
          own.map((entry) => entry.article),
          (a) => `../${paths.get(a)!}`,
        ),
      };
    });
  }
}

export function articleMarkdown(
  article: ArticleRecord,
  highlights: HighlightRecord[],
  topicNames: ReadonlyMap<string, string>,
  { withText }: MarkdownOptions,
): string {
  const front: [string, string | string[] | undefined][] = [
    ['title', article.title],
    ['url', article.url],
    ['site', article.siteName ?? hostOf(article.url)],
    ['author', article.byline],
    ['published', article.publishedAt],
    ['captured', new Date(article.firstSeenAt).toISOString()],
    ['topics', article.topicIds.map((id) => topicNames.get(id) ?? id)],
    ['lang', article.lang],
    ['dir', article.dir],
  ];
  const lines = ['---', ...front.flatMap(([key, value]) => yamlField(key, value)), '---', ''];
  lines.push(`# ${inline(article.title)}`, '', `<${linkTarget(article.url)}>`, '');
  if (article.facts.length) {
    lines.push('## Key facts', '');
    for (const fact of article.facts)
      lines.push(`- ${inline(fact.text)}${fact.speaker ? ` (${inline(fact.speaker)})` : ''}`);
    lines.push('');
  }
  const ordered = [...highlights].sort((a, b) => a.createdAt - b.createdAt);
  if (ordered.length) {
    lines.push('## Highlights', '');
    for (const highlight of ordered) {
      lines.push(...blockLines(highlight.selectors[0].exact).map((line) => (line ? `> ${line}` : '>')), '');
      if (highlight.note.trim())
        lines.push(...blockLines(highlight.note).map((line, i) => (i ? line : `Note: ${line}`)), '');
    }
  }
  if (withText && article.text.trim()) {
    lines.push('## Text', '');
    for (const paragraph of article.text.split(/\n\s*\n/))
      if (paragraph.trim()) lines.push(...blockLines(paragraph), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A topic's stories newest first (by publication, else first visit), each with its facts and links. */
export function topicDigestMarkdown<A extends DigestArticle>(
  topic: Topic,
  articles: A[],
  fileOf: (article: A) => string,
): string {
  const newest = [...articles].sort((a, b) => timeOf(b) - timeOf(a));
  const lines = [
    '---',
    ...yamlField('topic', topic.name),
    ...yamlField('query', topic.query),
    ...yamlField('articles', String(articles.length)),
    '---',
    '',
    `# ${inline(topic.name)}`,
    '',
  ];
  for (const article of newest) {
    const when = article.publishedAt ?? new Date(article.firstSeenAt).toISOString();
    lines.push(`## [${inline(article.title)}](<${linkTarget(article.url)}>)`, '');
    lines.push(
      `${inline(article.siteName ?? hostOf(article.url))} · ${when.slice(0, 10)} · [notes](<${linkTarget(fileOf(article))}>)`,
      '',
    );
    for (const fact of article.facts) lines.push(`- ${inline(fact.text)}`);
    if (article.facts.length) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A file name from a title: letters of any script kept, path and reserved characters dropped. */
export function fileSlug(title: string, fallback: string): string {
  const slug = [
    ...title
      .normalize('NFC')
      .replace(BIDI_CONTROLS, '')
      .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|#^[\]]+/gu, ' ')
      .trim()
      .replace(/\s+/g, '-'),
  ]
    .slice(0, 60)
    .join('')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || fallback;
}

/** A YAML line in double quotes: JSON's escapes are YAML's, plus the characters YAML does not allow raw. */
function yamlField(key: string, value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return [`${key}:`, ...value.map((v) => `  - ${yamlString(v)}`)];
  return [`${key}: ${yamlString(value)}`];
}

function yamlString(value: string): string {
  return JSON.stringify(value.replace(BIDI_CONTROLS, '')).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text on one line, shown literally: Markdown and HTML punctuation backslash-escaped, line breaks as spaces. */
function inline(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]{}<>#|~&!]/g, '\\$&');
}

/** A paragraph's lines, each escaped, with a leading list or quote marker neutralised. */
function blockLines(text: string): string[] {
  return text
    .replace(BIDI_CONTROLS, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .map((line) =>
      inline(line)
        .replace(/^[-+=]/, '\\$&')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    );
}

/** A URL as a Markdown link destination in angle brackets, which may hold anything but `<`, `>` and line breaks. */
function linkTarget(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function timeOf(article: DigestArticle): number {
  const published = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return Number.isNaN(published) ? article.firstSeenAt : published;
}
