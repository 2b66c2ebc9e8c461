import { formatNumber, t, tCount } from '@/lib/i18n/messages';

/** Props of ListLinks. */
export interface Props {
  highlights: number;
  noTopic: number;
  onOpenHighlights: () => void;
  onOpenNoTopic: () => void;
}

/** Below the topics: every highlight and note, and the articles filed under no topic (when there are any). */
export function ListLinks({ highlights, noTopic, onOpenHighlights, onOpenNoTopic }: Props) {
  return (
    <ul class="topic-list list-links" aria-label={t('moreLists')}>
      <li>
        <button class="topic-row" data-view="highlights" onClick={onOpenHighlights}>
          <span>{t('highlightsAndNotes')}</span>
          <span class="count" aria-label={tCount('highlightCount', highlights)}>
            {formatNumber(highlights)}
          </span>
        </button>
      </li>
      {noTopic > 0 && (
        <li>
          <button class="topic-row" data-view="no-topic" onClick={onOpenNoTopic}>
            <span>{t('noTopic')}</span>
            <span class="count" aria-label={tCount('articleCount', noTopic)}>
              {formatNumber(noTopic)}
            </span>
          </button>
        </li>
      )}
    </ul>
  );
}
