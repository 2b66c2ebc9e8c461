import type { HighlightListItem } from '@/lib/db/highlights';
import { HighlightQuote } from './highlight-quote';
import { formatDate, t } from '@/lib/i18n/messages';

/** Props of HighlightList. */
export interface Props {
  items: HighlightListItem[];
  /** Names of the reader's topics by id. */
  topicNames: Map<string, string>;
  onOpen: (url: string) => void;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  onConfirm: (id: string) => void;
}

/** Every highlight and note, newest first, each with the article or page it is on and that article's topics. */
export function HighlightList({ items, topicNames, onOpen, onSaveNote, onDelete, onConfirm }: Props) {
  return (
    <ul class="highlight-list" aria-label={t('highlightsAndNotes')}>
      {items.map((item) => {
        const topics = (item.article?.topicIds ?? []).flatMap((id) => topicNames.get(id) ?? []);
        const url = item.article?.url ?? item.pageUrl;
        return (
          <li key={item.id} class="highlight-entry" data-highlight-entry={item.id}>
            <div class="meta muted">
              <a
                href={url}
                dir={item.article?.dir ?? 'auto'}
                lang={item.article?.lang}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(url);
                }}
              >
                {item.article?.title || url}
              </a>
              {' · '}
              <bdi>{topics.length ? topics.join(', ') : t('noTopic')}</bdi>
              {' · '}
              <time dateTime={new Date(item.createdAt).toISOString()}>{formatDate(item.createdAt)}</time>
            </div>
            <ul class="highlights">
              <HighlightQuote highlight={item} onSaveNote={onSaveNote} onDelete={onDelete} onConfirm={onConfirm} />
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
