import { useState } from 'preact/hooks';

/** Props of ClipBar. */
export interface Props {
  topics: { id: string; name: string }[];
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  onClip: (topicId: string) => void;
}

/** "Clip this page": saves the current tab's article to a topic the reader picks, matched or not. */
export function ClipBar({ topics, busy, message, onClip }: Props) {
  const [topicId, setTopicId] = useState(topics[0]?.id ?? '');
  const selected = topics.some((t) => t.id === topicId) ? topicId : (topics[0]?.id ?? '');
  return (
    <form
      class="clip-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected) onClip(selected);
      }}
    >
      <label>
        Clip this page to{' '}
        <select
          value={selected}
          onChange={(event) => setTopicId(event.currentTarget.value)}
          aria-label="Topic to clip to"
        >
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" disabled={busy || !selected}>
        {busy ? 'Clipping…' : 'Clip'}
      </button>
      {message && (
        <span role="status" class={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
