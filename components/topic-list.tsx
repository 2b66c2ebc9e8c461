import { ArrowList } from './arrow-list';
import { formatNumber, t, tCount } from '@/lib/i18n/messages';

/** Props of TopicList. */
export interface Props {
  topics: { id: string; name: string; count: number }[];
  onOpen: (topicId: string) => void;
}

/** The reader's topics with how many articles each has; each row opens that topic's digest; ↑/↓ move between rows. */
export function TopicList({ topics, onOpen }: Props) {
  return (
    <ArrowList class="topic-list" label={t('topics')}>
      {topics.map((topic) => (
        <li key={topic.id} data-nav-row>
          <button class="topic-row" data-nav-item data-topic-id={topic.id} onClick={() => onOpen(topic.id)}>
            <bdi>{topic.name}</bdi>
            <span class="count" aria-label={tCount('articleCount', topic.count)}>
              {formatNumber(topic.count)}
            </span>
          </button>
        </li>
      ))}
    </ArrowList>
  );
}
