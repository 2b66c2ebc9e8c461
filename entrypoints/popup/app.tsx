// The popup: the only component that talks to the background. Everything it shows is
// rendered by the pure views in components/.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArticleCard } from '@/components/article-card';
import { ClipBar } from '@/components/clip-bar';
import { EmptyState } from '@/components/empty-state';
import { TopicFacts } from '@/components/topic-facts';
import { TopicList } from '@/components/topic-list';
import { UndoToast } from '@/components/undo-toast';
import type { DigestTopic } from '@/lib/db/articles';
import { factsSeenBefore, topicFactGroups } from '@/lib/digest/topic-facts';
import type { ArticleRecord, HighlightRecord } from '@/lib/schema';
import { sendToBackground } from '@/lib/messaging/extension-senders';
import { textFragmentUrl } from '@/lib/text/fragment';

type Deleted = { kind: 'article'; record: ArticleRecord } | { kind: 'highlight'; record: HighlightRecord };

const UNDO_MS = 8000;

/** The tab the popup acts on: `?tab=N` (tests, or a popup opened as a page), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [digest, setDigest] = useState<DigestTopic[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openTopicId, setOpenTopicId] = useState<string | null>(null);
  const [clipping, setClipping] = useState(false);
  const [clipMessage, setClipMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [factsMarked, setFactsMarked] = useState<number | null>(null);

  const load = useCallback(() => {
    sendToBackground('digest:get', {}).then(setDigest, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const clip = async (topicId: string) => {
    setClipping(true);
    setClipMessage(null);
    try {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new Error('No tab to clip.');
      const { title } = await sendToBackground('tab:clip', { tabId, topicId });
      setClipMessage({ kind: 'ok', text: `Clipped “${title}”.` });
      load();
    } catch (e) {
      setClipMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setClipping(false);
    }
  };

  const attempt = (action: () => Promise<unknown>) =>
    action().then(load, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  const remove = (id: string) =>
    attempt(async () => {
      const record = await sendToBackground('article:delete', { id });
      setDeleted(record && { kind: 'article', record });
    });

  const removeHighlight = (id: string) =>
    attempt(async () => {
      const record = await sendToBackground('highlight:delete', { id });
      setDeleted(record && { kind: 'highlight', record });
    });

  const saveNote = (id: string, note: string) => attempt(() => sendToBackground('highlight:note', { id, note }));
  const confirmHighlight = (id: string) => attempt(() => sendToBackground('highlight:confirm', { id }));

  const undo = () =>
    attempt(async () => {
      if (deleted?.kind === 'article') await sendToBackground('article:restore', { record: deleted.record });
      if (deleted?.kind === 'highlight') await sendToBackground('highlight:restore', { record: deleted.record });
      setDeleted(null);
    });

  const toggleFacts = async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    const on = factsMarked === null;
    try {
      const { marked } = await sendToBackground('tab:mark-facts', { tabId, on });
      setFactsMarked(on ? marked : null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const openOptions = () => void browser.runtime.openOptionsPage();
  const openTopic = digest?.find((d) => d.topic.id === openTopicId);
  const seenBefore = openTopic ? factsSeenBefore(openTopic.articles) : undefined;

  return (
    <main class="bw-popup">
      <header class="bw-header">
        <h1>{openTopic ? <bdi>{openTopic.topic.name}</bdi> : 'Beatwatch'}</h1>
        {openTopic ? (
          <button onClick={() => setOpenTopicId(null)}>← All topics</button>
        ) : (
          <button class="link" onClick={openOptions}>
            Edit topics
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {digest === null && !error && <p class="muted">Loading…</p>}
      {digest && digest.length === 0 && (
        <EmptyState title="No topics yet">
          <p class="muted">Add the beats you follow; Beatwatch then collects the articles you read on them.</p>
          <button class="primary" onClick={openOptions}>
            Add a topic
          </button>
        </EmptyState>
      )}
      {digest && digest.length > 0 && (
        <>
          <ClipBar topics={digest.map((d) => d.topic)} busy={clipping} message={clipMessage} onClip={clip} />
          <div class="page-tools">
            <button aria-pressed={factsMarked !== null} onClick={toggleFacts}>
              {factsMarked === null ? 'Mark key facts on this page' : 'Unmark key facts'}
            </button>
            {factsMarked !== null && <span class="muted" role="status">{`${factsMarked} marked`}</span>}
          </div>
          {openTopic ? (
            openTopic.articles.length ? (
              <>
                <TopicFacts
                  groups={topicFactGroups(openTopic.articles)}
                  onOpenSource={(url, text) => void browser.tabs.create({ url: textFragmentUrl(url, text) })}
                />
                <ul class="articles" aria-label={`Articles on ${openTopic.topic.name}`}>
                  {openTopic.articles.map((article) => (
                    <ArticleCard
                      key={article.id}
                      article={article}
                      seenIn={seenBefore?.get(article.id)?.map((source) => source?.title)}
                      onOpen={(url) => void browser.tabs.create({ url })}
                      onOpenFact={(a, fact) => void browser.tabs.create({ url: textFragmentUrl(a.url, fact.text) })}
                      onDelete={remove}
                      onSaveNote={saveNote}
                      onDeleteHighlight={removeHighlight}
                      onConfirmHighlight={confirmHighlight}
                    />
                  ))}
                </ul>
              </>
            ) : (
              <EmptyState title="Nothing read on this beat yet" />
            )
          ) : (
            <TopicList
              topics={digest.map((d) => ({ id: d.topic.id, name: d.topic.name, count: d.count }))}
              onOpen={setOpenTopicId}
            />
          )}
        </>
      )}
      {deleted && (
        <UndoToast
          text={deleted.kind === 'article' ? `Deleted “${deleted.record.title}”.` : 'Deleted the highlight.'}
          onUndo={undo}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </main>
  );
}
