import type { ArticleSummary } from '@/lib/db/articles';
import type { Fact } from '@/lib/schema';
import { FactItem } from './fact-item';
import { HighlightQuote } from './highlight-quote';

/** Props of ArticleCard. */
export interface Props {
  article: ArticleSummary;
  /** Per fact, the title of an earlier article of the beat that already reported it. */
  seenIn?: (string | undefined)[];
  onOpen: (url: string) => void;
  onOpenFact: (article: ArticleSummary, fact: Fact) => void;
  onDelete: (id: string) => void;
  onSaveNote: (highlightId: string, note: string) => void;
  onDeleteHighlight: (highlightId: string) => void;
  onConfirmHighlight: (highlightId: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(article: ArticleSummary): string {
  const time = article.publishedAt ? Date.parse(article.publishedAt) : article.firstSeenAt;
  return Number.isNaN(time) ? '' : dateFormat.format(time);
}

/** One article of a digest, laid out in the article's own direction and language. */
export function ArticleCard({
  article,
  seenIn,
  onOpen,
  onOpenFact,
  onDelete,
  onSaveNote,
  onDeleteHighlight,
  onConfirmHighlight,
}: Props) {
  const host = safeHost(article.url);
  return (
    <li class="article-card" dir={article.dir} lang={article.lang} data-article-id={article.id}>
      <h3>
        <a
          href={article.url}
          onClick={(event) => {
            event.preventDefault();
            onOpen(article.url);
          }}
        >
          {article.title || host}
        </a>
      </h3>
      <div class="meta">
        <bdi>{article.siteName ?? host}</bdi>
        {' · '}
        <time dateTime={article.publishedAt}>{formatDate(article)}</time>
        {article.clippedTo.length > 0 ? ' · clipped' : ''}
      </div>
      <p class="excerpt">{article.excerpt}</p>
      {article.facts.length > 0 && (
        <ul class="facts" aria-label="Key facts">
          {article.facts.map((fact, i) => (
            <FactItem key={fact.start} fact={fact} seenIn={seenIn?.[i]} onOpen={(f) => onOpenFact(article, f)} />
          ))}
        </ul>
      )}
      {article.highlights.length > 0 && (
        <ul class="highlights" aria-label="Highlights">
          {article.highlights.map((highlight) => (
            <HighlightQuote
              key={highlight.id}
              highlight={highlight}
              onSaveNote={onSaveNote}
              onDelete={onDeleteHighlight}
              onConfirm={onConfirmHighlight}
            />
          ))}
        </ul>
      )}
      <div class="actions" dir="auto">
        <button class="link" onClick={() => onDelete(article.id)} aria-label={`Delete “${article.title}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
