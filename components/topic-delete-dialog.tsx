/** Props of TopicDeleteDialog. */
export interface Props {
  topicName: string;
  /** Articles filed under the topic; null while counting. */
  articles: number | null;
  onDeleteArticles: () => void;
  onKeepArticles: () => void;
  onCancel: () => void;
}

/** Asks what becomes of a topic's articles when it is deleted: gone with it, or kept under No topic. */
export function TopicDeleteDialog({ topicName, articles, onDeleteArticles, onKeepArticles, onCancel }: Props) {
  const count = articles === null ? 'its articles' : articles === 1 ? 'its 1 article' : `its ${articles} articles`;
  return (
    <div class="dialog" role="alertdialog" aria-labelledby="delete-topic-title" aria-describedby="delete-topic-text">
      <p id="delete-topic-title">
        <strong>
          Delete the topic “<bdi>{topicName}</bdi>”?
        </strong>
      </p>
      <p id="delete-topic-text" class="muted">
        Kept articles are listed under No topic in the popup; a topic with the same query takes them back.
      </p>
      <div class="actions">
        <button onClick={onKeepArticles} data-choice="keep">
          Delete topic, keep {count}
        </button>
        <button onClick={onDeleteArticles} data-choice="delete" disabled={articles === null}>
          Delete topic and {count}
        </button>
        <button class="link" onClick={onCancel} data-choice="cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}
