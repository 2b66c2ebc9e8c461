// The topics editor: the only component of the options page that reads or writes storage.
import { useEffect, useState } from 'preact/hooks';
import { EmptyState } from '@/components/empty-state';
import { TopicForm, type TopicDraft } from '@/components/topic-form';
import { TopicTable } from '@/components/topic-table';
import { UndoToast } from '@/components/undo-toast';
import type { Topic } from '@/lib/schema';
import { loadTopics, newTopicId, saveTopics, watchTopics } from '@/lib/settings';
import { parseQuery } from '@/lib/topics/query';

function validateQuery(query: string) {
  const result = parseQuery(query);
  return result.ok ? null : result.error;
}

export function App() {
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ topic: Topic; index: number } | null>(null);

  useEffect(() => {
    void loadTopics().then(setTopics);
    return watchTopics(setTopics);
  }, []);

  if (!topics) return <main class="bw-options">Loading…</main>;

  const add = async (draft: TopicDraft) => {
    const topic: Topic = { id: newTopicId(draft.name), ...draft, createdAt: Date.now() };
    await saveTopics([...topics, topic]);
    setTopics([...topics, topic]);
  };

  const update = async (id: string, draft: TopicDraft) => {
    const next = topics.map((t) => (t.id === id ? { ...t, ...draft } : t));
    await saveTopics(next);
    setTopics(next);
    setEditing(null);
  };

  const remove = async (id: string) => {
    const index = topics.findIndex((t) => t.id === id);
    if (index < 0) return;
    const next = topics.filter((t) => t.id !== id);
    await saveTopics(next);
    setTopics(next);
    setDeleted({ topic: topics[index]!, index });
  };

  const undo = async () => {
    if (!deleted) return;
    const next = [...topics];
    next.splice(deleted.index, 0, deleted.topic);
    await saveTopics(next);
    setTopics(next);
    setDeleted(null);
  };

  const current = topics.find((t) => t.id === editing);
  return (
    <main class="bw-options">
      <h1>Beatwatch topics</h1>
      <p class="muted">
        Beatwatch checks the articles you read against these topics, on your machine only. Nothing is sent anywhere.
      </p>
      {current ? (
        <section aria-label={`Edit ${current.name}`}>
          <h2>Edit topic</h2>
          <TopicForm
            key={current.id}
            initial={current}
            submitLabel="Save"
            validateQuery={validateQuery}
            onSubmit={(draft) => update(current.id, draft)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <section aria-label="Add a topic">
          <h2>Add a topic</h2>
          <TopicForm key={topics.length} initial={{ name: '', query: '' }} submitLabel="Add topic" validateQuery={validateQuery} onSubmit={add} />
        </section>
      )}
      {topics.length ? (
        <TopicTable topics={topics} onEdit={setEditing} onDelete={remove} />
      ) : (
        <EmptyState title="No topics yet">
          <p class="muted">For example: name “Ukraine talks”, query “Ukraine OR أوكرانيا”.</p>
        </EmptyState>
      )}
      {deleted && (
        <UndoToast text={`Deleted topic “${deleted.topic.name}”.`} onUndo={undo} onDismiss={() => setDeleted(null)} />
      )}
    </main>
  );
}
