import type { SearchHit, SearchResult } from '@/lib/background/search';
import { t, tCount, type MessageKey } from '@/lib/i18n/messages';

/** Props of SearchResults. */
export interface Props {
  result: SearchResult;
  onOpen: (hit: SearchHit) => void;
  onMore: () => void;
}

const FIELD_LABEL: Record<SearchHit['field'], MessageKey> = {
  title: 'fieldTitle',
  text: 'fieldText',
  quote: 'fieldQuote',
  note: 'fieldNote',
};

/** Search results grouped by topic, each with the match in its context. */
export function SearchResults({ result, onOpen, onMore }: Props) {
  const shown = result.groups.reduce((sum, g) => sum + g.hits.length, 0);
  return (
    <section class="search-results" data-query={result.query} aria-label={t('searchResults')}>
      <p class="muted" role="status">
        {shown === 0 ? t('nothingFound') : tCount('matches', result.total)}
      </p>
      {result.groups.map((group) => (
        <section key={group.topicId ?? '~'} class="search-group">
          <h2>
            <bdi>{group.name}</bdi>
          </h2>
          <ul>
            {group.hits.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`} class="search-hit" data-kind={hit.kind} data-id={hit.id}>
                <a
                  href={hit.url}
                  dir={hit.dir}
                  lang={hit.lang}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(hit);
                  }}
                >
                  {hit.title}
                </a>
                <span class="muted field"> · {t(FIELD_LABEL[hit.field])}</span>
                <p class="snippet" dir="auto">
                  {hit.snippet.before}
                  {hit.snippet.match && <mark>{hit.snippet.match}</mark>}
                  {hit.snippet.after}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {result.more && (
        <button class="link" onClick={onMore}>
          {t('moreResults')}
        </button>
      )}
    </section>
  );
}
