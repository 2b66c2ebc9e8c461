/** Props of TopicList. */
export interface Props {
  topics: { id: string; name: string; count: number }[];
  onOpen: (topicId: string) => void;
}

/** The reader's topics with how many articles each has; each row opens that topic's digest. */
export function TopicList({ topics, onOpen }: Props) {
  return (
    <ul class="topic-list" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.id}>
          <button class="topic-row" data-topic-id={topic.id} onClick={() => onOpen(topic.id)}>
            <bdi>{topic.name}</bdi>
            <span class="count" aria-label={`${topic.count} articles`}>
              {topic.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
