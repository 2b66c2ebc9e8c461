import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';

/** Props of ClipBar. */
export interface Props {
  topics: { id: string; name: string }[];
  /** The topic open in the popup, if any: what the reader most likely clips to. */
  openTopicId?: string;
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  onClip: (topicId: string) => void;
}

/** "Clip this page": saves the current tab's article to a topic the reader picks, matched or not. */
export function ClipBar({ topics, openTopicId, busy, message, onClip }: Props) {
  // The reader's own pick wins; until they pick, the open topic, else the first.
  const [picked, setPicked] = useState<string | null>(null);
  const fallback = openTopicId && topics.some((t) => t.id === openTopicId) ? openTopicId : (topics[0]?.id ?? '');
  const selected = picked && topics.some((t) => t.id === picked) ? picked : fallback;
  return (
    <form
      class="clip-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected) onClip(selected);
      }}
    >
      <label for="clip-topic">{t('clipTo')}</label>
      <select id="clip-topic" value={selected} onChange={(event) => setPicked(event.currentTarget.value)}>
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.name}
          </option>
        ))}
      </select>
      <button type="submit" class="primary" disabled={busy || !selected}>
        {busy ? t('clipping') : t('clip')}
      </button>
      {message && (
        <span role="status" class={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
