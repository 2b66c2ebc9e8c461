import { isolate, t, tCount } from '@/lib/i18n/messages';

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
  return (
    <div class="dialog" role="alertdialog" aria-labelledby="delete-topic-title" aria-describedby="delete-topic-text">
      <p id="delete-topic-title">
        <strong>{t('deleteTopicQuestion', isolate(topicName))}</strong>
      </p>
      <p id="delete-topic-text" class="muted">
        {t('keptArticlesHelp')}
      </p>
      <div class="actions">
        <button onClick={onKeepArticles} data-choice="keep">
          {articles === null ? t('deleteKeepUncounted') : tCount('deleteKeepArticles', articles)}
        </button>
        <button onClick={onDeleteArticles} data-choice="delete" disabled={articles === null}>
          {articles === null ? t('deleteWithUncounted') : tCount('deleteWithArticles', articles)}
        </button>
        <button class="link" onClick={onCancel} data-choice="cancel">
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
