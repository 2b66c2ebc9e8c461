import { ArrowList } from './arrow-list';
import { formatNumber, t, tCount } from '@/lib/i18n/messages';

/** Props of TopicList. */
export interface Props {
  topics: { id: string; name: string; count: number; newArticles?: number; newFacts?: number }[];
  onOpen: (topicId: string) => void;
}

/**
 * The reader's topics with how many articles each has and how many are new since it was last opened; each row opens
 * that topic's digest; ↑/↓ move between rows.
 */
export function TopicList({ topics, onOpen }: Props) {
  return (
    <ArrowList class="topic-list" label={t('topics')}>
      {topics.map((topic) => (
        <li key={topic.id} data-nav-row>
          <button class="topic-row" data-nav-item data-topic-id={topic.id} onClick={() => onOpen(topic.id)}>
            <bdi>{topic.name}</bdi>
            {!!topic.newArticles && (
              <span
                class="new-count"
                aria-label={t('newSinceLabel', formatNumber(topic.newArticles), formatNumber(topic.newFacts ?? 0))}
              >
                {t('newArticles', formatNumber(topic.newArticles))}
              </span>
            )}
            <span class="count" aria-label={tCount('articleCount', topic.count)}>
              {formatNumber(topic.count)}
            </span>
          </button>
        </li>
      ))}
    </ArrowList>
  );
}
