import type { Topic } from '@/lib/schema';

/** Props of TopicTable. */
export interface Props {
  topics: Topic[];
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
}

/** The reader's topics with their queries, each editable and deletable. */
export function TopicTable({ topics, onEdit, onDelete }: Props) {
  return (
    <table class="topic-table">
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Query</th>
          <th scope="col">
            <span class="muted">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {topics.map((topic) => (
          <tr key={topic.id} data-topic-id={topic.id}>
            <td dir="auto">{topic.name}</td>
            <td dir="auto">
              <code>{topic.query}</code>
            </td>
            <td>
              <button onClick={() => onEdit(topic.id)} aria-label={`Edit ${topic.name}`}>
                Edit
              </button>{' '}
              <button onClick={() => onDelete(topic.id)} aria-label={`Delete ${topic.name}`}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
