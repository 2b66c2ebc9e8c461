/** Props of ListLinks. */
export interface Props {
  highlights: number;
  noTopic: number;
  onOpenHighlights: () => void;
  onOpenNoTopic: () => void;
}

/** Below the topics: every highlight and note, and the articles filed under no topic (when there are any). */
export function ListLinks({ highlights, noTopic, onOpenHighlights, onOpenNoTopic }: Props) {
  return (
    <ul class="topic-list list-links" aria-label="More lists">
      <li>
        <button class="topic-row" data-view="highlights" onClick={onOpenHighlights}>
          <span>Highlights and notes</span>
          <span class="count" aria-label={`${highlights} highlights`}>
            {highlights}
          </span>
        </button>
      </li>
      {noTopic > 0 && (
        <li>
          <button class="topic-row" data-view="no-topic" onClick={onOpenNoTopic}>
            <span>No topic</span>
            <span class="count" aria-label={`${noTopic} articles`}>
              {noTopic}
            </span>
          </button>
        </li>
      )}
    </ul>
  );
}
