import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { ArticleSummary } from '@/lib/db/articles';
import type { FactNovelty } from '@/lib/digest/topic-facts';
import { siteOf, type TopicStory } from '@/lib/digest/topic-stories';
import { FactItem } from './fact-item';
import { HighlightQuote } from './highlight-quote';
import { t, tCount } from '@/lib/i18n/messages';

/** Props of StoryCard. */
export interface Props {
  story: TopicStory;
  /** Formats a time (ms) as a date in the UI's language. */
  formatDate: (time: number) => string;
  onOpen: (url: string) => void;
  /** Opens `url` at the sentence `text`. */
  onOpenFact: (url: string, text: string) => void;
  onDelete: (articleId: string) => void;
  /** "Not about this beat": takes the article out of the topic shown, for good (absent where there is no topic). */
  onNotAbout?: (articleId: string) => void;
  onSaveNote: (highlightId: string, note: string) => void;
  onDeleteHighlight: (highlightId: string) => void;
  /** Accepts the place a moved highlight was offered at. */
  onConfirmHighlight: (highlightId: string) => void;
  /** When the reader last saw the topic before this look: reports captured after it are marked new. */
  newSince?: number;
  /**
   * Per fact of the story (in its order), whether the reader saw it at that time (lib/digest/topic-facts'
   * StoryFactNovelty, which keeps the array while it reads the same): the others are marked new.
   */
  factNovelty?: readonly FactNovelty[];
}

const TOP_FACTS = 3;

/** The time of an article for the reader: its publication date, else when it was captured. */
export function articleDate(article: Pick<ArticleSummary, 'publishedAt' | 'firstSeenAt'>): number {
  const time = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return Number.isFinite(time) ? time : article.firstSeenAt;
}

/**
 * One story of a digest: the newest headline, the sites that reported it, its top facts (each once), the reader's
 * highlights, and its reports one per line. Laid out in the headline's direction; each fact and report in its own.
 * Drawn again only when one of its props changes: a note or a delete in another story leaves this one as it was.
 */
export const StoryCard = memo(function StoryCard({
  story,
  formatDate,
  onOpen,
  onOpenFact,
  onDelete,
  onNotAbout,
  onSaveNote,
  onDeleteHighlight,
  onConfirmHighlight,
  newSince,
  factNovelty,
}: Props) {
  const [allFacts, setAllFacts] = useState(false);
  const { headline } = story;
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  // What is new leads: a fact only the reports since the last look state comes before the ones shown then.
  const ranked = story.facts.map((fact, i) => ({ fact, novelty: factNovelty?.[i] }));
  if (factNovelty) ranked.sort((a, b) => Number(b.novelty?.state === 'new') - Number(a.novelty?.state === 'new'));
  const facts = allFacts ? ranked : ranked.slice(0, TOP_FACTS);
  const highlights = story.articles.flatMap((a) => a.highlights);
  const several = story.articles.length > 1;
  const isNew = (article: ArticleSummary) => newSince !== undefined && article.firstSeenAt > newSince;
  const anyNew = story.articles.some(isNew);
  return (
    <li
      class={anyNew ? 'story new' : 'story'}
      data-nav-row
      data-story-id={story.id}
      dir={headline.dir}
      lang={headline.lang}
    >
      <h3>
        <a
          class="story-headline"
          data-nav-item
          href={headline.url}
          onClick={(event) => {
            event.preventDefault();
            onOpen(headline.url);
          }}
        >
          {headline.title || siteOf(headline)}
        </a>
      </h3>
      <div class="meta">
        {anyNew && <span class="new-mark">{t('newMark')}</span>}{' '}
        <span class="sites">
          {story.sources.map((source, i) => (
            <>
              {i > 0 && ', '}
              <bdi>{source.site}</bdi>
            </>
          ))}
        </span>
        {' · '}
        <time dateTime={new Date(story.latestAt).toISOString()}>{formatDate(story.latestAt)}</time>
        {several && ` · ${tCount('reportCount', story.articles.length)}`}
      </div>
      {facts.length > 0 ? (
        <ul class="facts" aria-label={t('keyFacts')}>
          {facts.map(({ fact, novelty }) => {
            const first = byId.get(fact.sources[0].articleId);
            return (
              <FactItem
                key={`${fact.sources[0].articleId}:${fact.text}`}
                fact={fact}
                dir={fact.dir === headline.dir ? undefined : fact.dir}
                lang={fact.lang === headline.lang ? undefined : fact.lang}
                sites={
                  story.sources.length > 1
                    ? [...new Set(fact.sources.map((s) => siteOf(byId.get(s.articleId) ?? { url: s.url })))]
                    : undefined
                }
                seenIn={
                  novelty?.state === 'seen' ? novelty.seenIn.title || siteOf({ url: novelty.seenIn.url }) : undefined
                }
                isNew={novelty?.state === 'new'}
                onOpen={() => onOpenFact(first?.url ?? fact.sources[0].url, fact.text)}
              />
            );
          })}
        </ul>
      ) : (
        headline.excerpt && <p class="excerpt">{headline.excerpt}</p>
      )}
      {story.facts.length > TOP_FACTS && (
        <button type="button" class="link more-facts" aria-expanded={allFacts} onClick={() => setAllFacts(!allFacts)}>
          {allFacts ? t('fewerFacts') : tCount('allFacts', story.facts.length)}
        </button>
      )}
      {highlights.length > 0 && (
        <ul class="highlights" aria-label={t('highlights')}>
          {highlights.map((highlight) => (
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
      <ul class="reports" aria-label={t('reports')}>
        {story.articles.map((article) => (
          <li
            class={isNew(article) ? 'article-card new' : 'article-card'}
            key={article.id}
            data-article-id={article.id}
            dir={article.dir}
            lang={article.lang}
          >
            {several ? (
              <a
                href={article.url}
                class="report-title"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(article.url);
                }}
              >
                {article.title || siteOf(article)}
              </a>
            ) : null}
            <span class="report-meta">
              {several && (
                <>
                  <bdi>{siteOf(article)}</bdi>
                  {' · '}
                  <time>{formatDate(articleDate(article))}</time>
                </>
              )}
              {article.clippedTo.length > 0 && (several ? ` · ${t('clippedMark')}` : t('clippedMark'))}
            </span>{' '}
            {onNotAbout && (
              <>
                <button
                  class="link"
                  onClick={() => onNotAbout(article.id)}
                  aria-label={t('notAboutBeatTitled', article.title || siteOf(article))}
                >
                  {t('notAboutBeat')}
                </button>{' '}
              </>
            )}
            <button
              class="link delete-article"
              onClick={() => onDelete(article.id)}
              aria-label={t('deleteTitled', article.title)}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
});
