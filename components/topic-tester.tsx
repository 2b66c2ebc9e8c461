import { useState } from 'preact/hooks';
import type { NotAboutArticle } from '@/lib/db/articles';
import type { QueryTest, TestArticle } from '@/lib/topics/query-tester';
import { QueryTester } from './query-tester';
import { isolate, t } from '@/lib/i18n/messages';

/** Props of TopicTester. */
export interface Props {
  query: string;
  /** Open web pages the reader can test against. */
  tabs: { id: number; title: string }[];
  loadTabArticle: (tabId: number) => Promise<TestArticle | null>;
  /** Every hit of the query on an article and whether (and why) the topic would capture it, or an error message. */
  test: (query: string, article: TestArticle) => QueryTest | string;
  /** Articles the reader said are not about the topic being edited, with the terms that had matched them. */
  notAbout?: NotAboutArticle[];
}

/** "Does my query match this?": pasted text or the article in an open tab, with the hits marked. */
export function TopicTester({ query, tabs, loadTabArticle, test, notAbout = [] }: Props) {
  const [pasted, setPasted] = useState('');
  const [article, setArticle] = useState<TestArticle | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const subject = article ?? (pasted.trim() ? { title: '', text: pasted, dir: 'auto' as const } : null);
  const outcome = subject && query.trim() ? test(query, subject) : null;

  const useTab = async () => {
    const chosen = tabId ?? tabs[0]?.id;
    if (chosen === undefined) return;
    setMessage(t('readingArticle'));
    try {
      const found = await loadTabArticle(chosen);
      setArticle(found);
      setMessage(found ? null : t('noArticleInTab'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="tester" aria-label={t('testTheQuery')}>
      <h3>{t('testTheQuery')}</h3>
      <textarea
        rows={4}
        dir="auto"
        placeholder={t('pasteText')}
        aria-label={t('textToTest')}
        value={pasted}
        onInput={(e) => {
          setPasted(e.currentTarget.value);
          setArticle(null);
        }}
      />
      {tabs.length > 0 && (
        <div class="toolbar">
          <label for="tester-tab">{t('orArticleIn')}</label>
          {/* Shrinks within the page however long a tab's title is. */}
          <select
            id="tester-tab"
            class="tab-picker"
            aria-label={t('tabToTest')}
            onChange={(e) => setTabId(Number(e.currentTarget.value))}
          >
            {tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.title}
              </option>
            ))}
          </select>
          <button type="button" onClick={useTab}>
            {t('testOnTab')}
          </button>
        </div>
      )}
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
      {typeof outcome === 'string' && (
        <p class="error" role="alert">
          {outcome}
        </p>
      )}
      {subject && outcome && typeof outcome !== 'string' && (
        <QueryTester
          title={subject.title}
          text={subject.text}
          hits={outcome.hits}
          captured={outcome.captured}
          reason={outcome.reason}
          dir={subject.dir}
        />
      )}
      {notAbout.length > 0 && (
        <div class="not-about">
          <h4>{t('notAboutHeading')}</h4>
          <p class="muted">{t('notAboutHelp')}</p>
          <ul aria-label={t('notAboutList')}>
            {notAbout.map((article) => (
              <li key={article.id} dir="auto">
                <a href={article.url} target="_blank" rel="noreferrer">
                  <bdi>{article.title || article.url}</bdi>
                </a>
                {article.hits.length > 0 && (
                  <span class="muted">
                    {' '}
                    {t(
                      'notAboutMatched',
                      [
                        ...new Set(article.hits.map((hit) => t('matchedTerm', isolate(hit.term), isolate(hit.text)))),
                      ].join(t('listSeparator')),
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
