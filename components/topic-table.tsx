import type { Topic } from '@/lib/schema';
import { t } from '@/lib/i18n/messages';

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
          <th scope="col">{t('topic')}</th>
          <th scope="col">{t('query')}</th>
          <th scope="col">
            <span class="muted">{t('actions')}</span>
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
              <button onClick={() => onEdit(topic.id)} aria-label={t('editTopicNamed', topic.name)}>
                {t('edit')}
              </button>{' '}
              <button onClick={() => onDelete(topic.id)} aria-label={t('deleteNamed', topic.name)}>
                {t('delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
