import { useState } from 'preact/hooks';
import type { Hit } from '@/lib/schema';
import type { TestArticle } from '@/lib/topics/query-tester';
import { QueryTester } from './query-tester';

/** Props of TopicTester. */
export interface Props {
  query: string;
  /** Open web pages the reader can test against. */
  tabs: { id: number; title: string }[];
  loadTabArticle: (tabId: number) => Promise<TestArticle | null>;
  /** Every hit of the query on an article and whether the topic would capture it, or an error message. */
  test: (query: string, article: TestArticle) => { hits: Hit[]; captured: boolean } | string;
}

/** "Does my query match this?": pasted text or the article in an open tab, with the hits marked. */
export function TopicTester({ query, tabs, loadTabArticle, test }: Props) {
  const [pasted, setPasted] = useState('');
  const [article, setArticle] = useState<TestArticle | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const subject = article ?? (pasted.trim() ? { title: '', text: pasted, dir: 'auto' as const } : null);
  const outcome = subject && query.trim() ? test(query, subject) : null;

  const useTab = async () => {
    const chosen = tabId ?? tabs[0]?.id;
    if (chosen === undefined) return;
    setMessage('Reading the article…');
    try {
      const found = await loadTabArticle(chosen);
      setArticle(found);
      setMessage(found ? null : 'No article text was found in that tab.');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="tester" aria-label="Test the query">
      <h3>Test the query</h3>
      <textarea
        rows={4}
        dir="auto"
        placeholder="Paste an article's text here…"
        aria-label="Text to test the query on"
        value={pasted}
        onInput={(e) => {
          setPasted(e.currentTarget.value);
          setArticle(null);
        }}
      />
      {tabs.length > 0 && (
        <div class="toolbar">
          <label for="tester-tab">or the article in</label>
          {/* Shrinks within the page however long a tab's title is. */}
          <select
            id="tester-tab"
            class="tab-picker"
            aria-label="Tab to test against"
            onChange={(e) => setTabId(Number(e.currentTarget.value))}
          >
            {tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.title}
              </option>
            ))}
          </select>
          <button type="button" onClick={useTab}>
            Test on this tab
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
          dir={subject.dir}
        />
      )}
    </section>
  );
}
