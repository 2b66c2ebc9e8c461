import { useState } from 'preact/hooks';
import { MAX_QUERY_CHARS, MAX_TOPIC_NAME_CHARS } from '@/lib/limits';
import { AliasSuggestions } from './alias-suggestions';
import { formatNumber, t } from '@/lib/i18n/messages';

export interface TopicDraft {
  name: string;
  query: string;
}

/** Props of TopicForm. */
export interface Props {
  initial: TopicDraft;
  submitLabel: string;
  /** A plain explanation of what is wrong with the query, or null when it parses. */
  validateQuery: (query: string) => { message: string; position: number } | null;
  /** Names in other languages for the query's place names, not yet in it. */
  aliasesFor: (query: string) => string[];
  onQueryChange?: (query: string) => void;
  onSubmit: (draft: TopicDraft) => Promise<void> | void;
  onCancel?: () => void;
}

/** Adds or edits a topic; the query is checked as the reader types and an invalid one cannot be saved. */
export function TopicForm({
  initial,
  submitLabel,
  validateQuery,
  aliasesFor,
  onQueryChange,
  onSubmit,
  onCancel,
}: Props) {
  const [name, setName] = useState(initial.name);
  const [query, setQueryState] = useState(initial.query);
  const setQuery = (next: string) => {
    setQueryState(next);
    onQueryChange?.(next);
  };
  const [saveError, setSaveError] = useState<string | null>(null);
  const queryError = query.trim() ? validateQuery(query) : null;
  const canSave = name.trim().length > 0 && query.trim().length > 0 && !queryError;

  return (
    <form
      class="topic-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!canSave) return;
        try {
          setSaveError(null);
          await onSubmit({ name: name.trim(), query: query.trim() });
        } catch (e) {
          setSaveError(e instanceof Error ? e.message : String(e));
        }
      }}
    >
      <label>
        {t('name')}
        <input
          name="name"
          value={name}
          maxLength={MAX_TOPIC_NAME_CHARS}
          required
          dir="auto"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('query')}
        <input
          name="query"
          value={query}
          maxLength={MAX_QUERY_CHARS}
          required
          dir="auto"
          aria-invalid={queryError ? 'true' : 'false'}
          aria-describedby="query-help"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {!queryError && (
        <AliasSuggestions aliases={aliasesFor(query)} onAdd={(alias) => setQuery(`${query.trim()} OR "${alias}"`)} />
      )}
      <p id="query-help" class={queryError ? 'error' : 'muted'} role={queryError ? 'alert' : undefined}>
        {queryError ? t('queryErrorAt', formatNumber(queryError.position + 1), queryError.message) : t('queryHelp')}
      </p>
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div>
        <button type="submit" class="primary" disabled={!canSave}>
          {submitLabel}
        </button>{' '}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
