// The topics editor: the only component of the options page that reads or writes storage.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/empty-state';
import { TopicForm, type TopicDraft } from '@/components/topic-form';
import { TopicDeleteDialog } from '@/components/topic-delete-dialog';
import { TopicTable } from '@/components/topic-table';
import { TopicTester } from '@/components/topic-tester';
import { UndoToast } from '@/components/undo-toast';
import { BadgeSection } from './badge-section';
import { DataSection } from './data-section';
import type { NotAboutArticle } from '@/lib/db/articles';
import type { Topic } from '@/lib/schema';
import { sendToBackground } from '@/lib/messaging/extension-senders';
import { loadTopics, newTopicId, saveTopics, watchTopics } from '@/lib/topics/settings';
import { appendImported, exportTopics, parseTopicsFile } from '@/lib/topics/backup';
import { topicLimitError } from '@/lib/topics/query';
import { aliasSuggestionsForQuery } from '@/lib/topics/query-aliases';
import { testableTabs, testArticleOf, testQuery, validateQuery, type TestArticle } from '@/lib/topics/query-tester';
import { formatNumber, isolate, queryErrorWords, t, tCount } from '@/lib/i18n/messages';

/** The query's error in the UI language (the parser's own words are English). */
const localizedQueryError = (query: string) => {
  const error = validateQuery(query);
  return error && { ...error, message: queryErrorWords(error) };
};

/** The tester's outcome, with a query error in the UI language. */
const localizedTest = (query: string, article: TestArticle) => {
  const outcome = testQuery(query, article);
  return 'code' in outcome ? queryErrorWords(outcome) : outcome;
};

const aliasesFor = (query: string) => aliasSuggestionsForQuery(query, [navigator.language]);

async function openWebTabs() {
  return testableTabs(await browser.tabs.query({}));
}

async function loadTabArticle(tabId: number): Promise<TestArticle | null> {
  const article = await sendToBackground('tab:article', { tabId });
  return article && testArticleOf(article);
}

export function App() {
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ topic: Topic; index: number; articlesDeleted: number } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; articles: number | null } | null>(null);
  const [draftQuery, setDraftQuery] = useState('');
  const [tabs, setTabs] = useState<{ id: number; title: string }[]>([]);
  const [fileMessage, setFileMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notAbout, setNotAbout] = useState<NotAboutArticle[]>([]);

  useEffect(() => {
    void loadTopics().then(setTopics);
    void openWebTabs().then(setTabs);
    return watchTopics(setTopics);
  }, []);

  // The articles the reader took out of the topic being edited, so the tester can show what the query caught.
  useEffect(() => {
    setNotAbout([]);
    if (editing)
      void sendToBackground('topic:not-about', { topicId: editing }).then(setNotAbout, () => setNotAbout([]));
  }, [editing]);

  if (!topics) return <main class="bw-options">{t('loading')}</main>;

  const add = async (draft: TopicDraft) => {
    const limit = topicLimitError(topics.length);
    if (limit) throw new Error(limit);
    const topic: Topic = { id: newTopicId(draft.name), ...draft, createdAt: Date.now() };
    await saveTopics([...topics, topic]);
    setTopics([...topics, topic]);
  };

  const update = async (id: string, draft: TopicDraft) => {
    const next = topics.map((t) => (t.id === id ? { ...t, ...draft } : t));
    await saveTopics(next);
    setTopics(next);
    setEditing(null);
    setDraftQuery('');
  };

  /** Deleting asks first what becomes of the topic's articles. */
  const askRemove = (id: string) => {
    setDeleting({ id, articles: null });
    sendToBackground('topic:count', { topicId: id }).then(
      ({ articles }) => setDeleting((current) => (current?.id === id ? { id, articles } : current)),
      () => setDeleting((current) => (current?.id === id ? { id, articles: 0 } : current)),
    );
  };

  const remove = async (id: string, deleteArticles: boolean) => {
    setDeleting(null);
    const index = topics.findIndex((t) => t.id === id);
    if (index < 0) return;
    // The articles first: once the topic is gone from storage the background would keep them under No topic.
    const { articles } = await sendToBackground('topic:forget', { topicId: id, deleteArticles });
    const next = topics.filter((t) => t.id !== id);
    await saveTopics(next);
    setTopics(next);
    setDeleted({ topic: topics[index], index, articlesDeleted: deleteArticles ? articles : 0 });
  };

  const undo = async () => {
    if (!deleted) return;
    const next = [...topics];
    next.splice(deleted.index, 0, deleted.topic);
    await saveTopics(next);
    setTopics(next);
    setDeleted(null);
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportTopics(topics)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'beatwatch-topics.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File) => {
    const result = parseTopicsFile(await file.text(), topics);
    if (!result.ok) {
      setFileMessage({ kind: 'error', text: t('nothingChanged', result.error) });
      return;
    }
    const next = appendImported(topics, result.topics, newTopicId, Date.now());
    try {
      await saveTopics(next);
      setTopics(next);
      setFileMessage({
        kind: 'ok',
        text: result.skipped
          ? t('importedSkipped', formatNumber(result.topics.length), formatNumber(result.skipped))
          : tCount('imported', result.topics.length),
      });
    } catch (e) {
      setFileMessage({ kind: 'error', text: t('nothingChanged', e instanceof Error ? e.message : String(e)) });
    }
  };

  const current = topics.find((t) => t.id === editing);
  return (
    <main class="bw-options">
      <h1>{t('optionsTitle')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      {current ? (
        <section aria-label={t('editTopicNamed', current.name)}>
          <h2>{t('editTopic')}</h2>
          <TopicForm
            key={current.id}
            initial={current}
            submitLabel={t('save')}
            validateQuery={localizedQueryError}
            aliasesFor={aliasesFor}
            onQueryChange={setDraftQuery}
            onSubmit={(draft) => update(current.id, draft)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <section aria-label={t('addTopic')}>
          <h2>{t('addTopic')}</h2>
          <TopicForm
            key={topics.length}
            initial={{ name: '', query: '' }}
            submitLabel={t('addTopicButton')}
            validateQuery={localizedQueryError}
            aliasesFor={aliasesFor}
            onQueryChange={setDraftQuery}
            onSubmit={add}
          />
        </section>
      )}
      <TopicTester
        query={current && !draftQuery ? current.query : draftQuery}
        tabs={tabs}
        loadTabArticle={loadTabArticle}
        test={localizedTest}
        notAbout={current ? notAbout : []}
      />
      <div class="toolbar">
        <button type="button" onClick={exportFile} disabled={!topics.length}>
          {t('exportTopics')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('importTopics')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('topicsFile')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        {fileMessage && (
          <span
            role={fileMessage.kind === 'error' ? 'alert' : 'status'}
            class={fileMessage.kind === 'error' ? 'error' : 'muted'}
          >
            {fileMessage.text}
          </span>
        )}
      </div>
      {deleting && (
        <TopicDeleteDialog
          topicName={topics.find((t) => t.id === deleting.id)?.name ?? ''}
          articles={deleting.articles}
          onDeleteArticles={() => void remove(deleting.id, true)}
          onKeepArticles={() => void remove(deleting.id, false)}
          onCancel={() => setDeleting(null)}
        />
      )}
      {topics.length ? (
        <TopicTable topics={topics} onEdit={setEditing} onDelete={askRemove} />
      ) : (
        <EmptyState title={t('noTopicsYet')}>
          <p class="muted">{t('topicExample')}</p>
        </EmptyState>
      )}
      <BadgeSection />
      <DataSection onRestored={() => void loadTopics().then(setTopics)} />
      {deleted && (
        <UndoToast
          text={
            deleted.articlesDeleted
              ? t('deletedTopicAndArticles', isolate(deleted.topic.name), formatNumber(deleted.articlesDeleted))
              : t('deletedTopic', isolate(deleted.topic.name))
          }
          onUndo={undo}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </main>
  );
}
