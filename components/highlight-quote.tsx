import { useState } from 'preact/hooks';
import type { HighlightSummary } from '@/lib/db/articles';
import { MAX_NOTE_CHARS } from '@/lib/limits';

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
export function HighlightQuote({ highlight, onSaveNote, onDelete, onConfirm }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(highlight.note);
  return (
    <li class={`highlight${highlight.placed ? '' : ' unplaced'}`} data-highlight-id={highlight.id}>
      <blockquote dir="auto">{highlight.text}</blockquote>
      {!highlight.placed && <p class="muted unplaced-note">Not found on the page at the last visit.</p>}
      {!highlight.placed && highlight.maybeHere && (
        <div class="maybe-here">
          <p class="muted">Maybe here:</p>
          <blockquote dir="auto">
            <span class="muted">…{highlight.maybeHere.prefix}</span>
            <mark>{highlight.maybeHere.text}</mark>
            <span class="muted">{highlight.maybeHere.suffix}…</span>
          </blockquote>
          <button class="link" onClick={() => onConfirm(highlight.id)}>
            Yes, attach it here
          </button>
        </div>
      )}
      {highlight.placed && highlight.changedTo !== undefined && (
        <div class="changed-note">
          <p class="muted">The text changed since you highlighted it. It now reads:</p>
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
            aria-label="Note"
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit">Save note</button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
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
            {highlight.note ? 'Edit note' : 'Add note'}
          </button>
          <button class="link" onClick={() => onDelete(highlight.id)} aria-label="Delete highlight">
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
