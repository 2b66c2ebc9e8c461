import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { HighlightSummary } from '@/lib/db/articles';
import { MAX_NOTE_CHARS } from '@/lib/limits';
import { t } from '@/lib/i18n/messages';

/** Props of HighlightQuote. */
export interface Props {
  highlight: HighlightSummary;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  /** The reader confirms that the passage is now where "maybe here" points. */
  onConfirm: (id: string) => void;
}

/**
 * A passage the reader highlighted, with its note; says so when the last visit could not place it
 * (offering where it may be now) or found its text changed since.
 */
export const HighlightQuote = memo(function HighlightQuote({ highlight, onSaveNote, onDelete, onConfirm }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(highlight.note);
  return (
    <li class={`highlight${highlight.placed ? '' : ' unplaced'}`} data-highlight-id={highlight.id}>
      <blockquote dir="auto">{highlight.text}</blockquote>
      {!highlight.placed && <p class="muted unplaced-note">{t('notFoundLastVisit')}</p>}
      {!highlight.placed && highlight.maybeHere && (
        <div class="maybe-here">
          <p class="muted">{t('maybeHere')}</p>
          <blockquote dir="auto">
            <span class="muted">…{highlight.maybeHere.prefix}</span>
            <mark>{highlight.maybeHere.text}</mark>
            <span class="muted">{highlight.maybeHere.suffix}…</span>
          </blockquote>
          <button class="link" onClick={() => onConfirm(highlight.id)}>
            {t('attachHere')}
          </button>
        </div>
      )}
      {highlight.placed && highlight.changedTo !== undefined && (
        <div class="changed-note">
          <p class="muted">{t('textChanged')}</p>
          <blockquote dir="auto">{highlight.changedTo}</blockquote>
        </div>
      )}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSaveNote(highlight.id, note.trim());
            setEditing(false);
          }}
        >
          <textarea
            dir="auto"
            value={note}
            maxLength={MAX_NOTE_CHARS}
            rows={2}
            aria-label={t('note')}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit">{t('saveNote')}</button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        highlight.note && (
          <p class="note" dir="auto">
            {highlight.note}
          </p>
        )
      )}
      {!editing && (
        <div class="actions">
          <button class="link" onClick={() => setEditing(true)}>
            {highlight.note ? t('editNote') : t('addNote')}
          </button>
          <button class="link" onClick={() => onDelete(highlight.id)} aria-label={t('deleteHighlight')}>
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
});
