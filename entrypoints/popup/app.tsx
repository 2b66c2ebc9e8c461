// The popup: the only component that talks to the background. It reads counts first, then pages of small
// summaries as the reader scrolls, and after an action changes only what the background says changed.
// Everything it shows is rendered by the pure views in components/.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ActivityChart } from '@/components/activity-chart';
import { ArrowList } from '@/components/arrow-list';
import { ClipBar } from '@/components/clip-bar';
import { EmptyState } from '@/components/empty-state';
import { HighlightList } from '@/components/highlight-list';
import { ListLinks } from '@/components/list-links';
import { LoadMore } from '@/components/load-more';
import { RestoringState } from '@/components/restoring-state';
import { SearchField } from '@/components/search-field';
import { SearchResults } from '@/components/search-results';
import { StoryCard } from '@/components/story-card';
import { TopicList } from '@/components/topic-list';
import { UndoToast } from '@/components/undo-toast';
import { UnsavedCaptures } from '@/components/unsaved-captures';
import type { SearchResult } from '@/lib/background/search';
import { NO_TOPIC } from '@/lib/db/article-lists';
import { summarizeHighlight, type ArticleSummary, type HighlightSummary } from '@/lib/db/articles';
import type { HighlightListItem } from '@/lib/db/highlights';
import {
  addArticleHighlight,
  addHighlightEntry,
  changeArticleHighlight,
  changeHighlightEntry,
  dropHighlight,
  emptyList,
  highlightNote,
  noteHighlight,
  putBackArticle,
  removeArticle,
  replaceHighlight,
  type LoadedList,
  type Removed,
} from '@/lib/digest/loaded-lists';
import { waitForCommit } from '@/lib/digest/restore-wait';
import { StoryList } from '@/lib/digest/story-list';
import { SeenFactsMemo, StoryFactNovelty } from '@/lib/digest/topic-facts';
import { formatDate, formatNumber, isolate, t } from '@/lib/i18n/messages';
import { sendToBackground } from '@/lib/messaging/extension-senders';
import type { DigestOverview, FailedCaptureSummary } from '@/lib/messaging/protocol';
import { isRestoring, type RestoreProgress } from '@/lib/messaging/restoring';
import type { ArticleRecord, HighlightRecord } from '@/lib/schema';
import { textFragmentUrl } from '@/lib/text/fragment';

type View = { kind: 'topics' } | { kind: 'list'; list: string } | { kind: 'highlights' };
type Deleted =
  | { kind: 'article'; record: ArticleRecord; removed: Removed }
  | { kind: 'highlight'; record: HighlightRecord; entry: HighlightListItem | undefined }
  | { kind: 'not-about'; id: string; topicId: string; order: string[]; removed: Removed; alone: boolean };

const UNDO_MS = 8000;
const PAGE = 30;
// A list's first page: enough stories to fill the popup, so its first cards come without grouping and drawing 30;
// the pages after it, read as the reader scrolls, are of PAGE.
const FIRST_PAGE = 10;
const SEARCH_PAGE = 20;
const ACTIVITY_DAYS = 30;
// How long a topic's first page waits for the answer saying what is new in it (see awaitingSeen).
const SEEN_WAIT_MS = 100;

/** The tab the popup acts on: `?tab=N` (tests, or a popup opened as a page), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const openTab = (url: string) => void browser.tabs.create({ url });
const openFact = (url: string, text: string) => openTab(textFragmentUrl(url, text));

/**
 * A function that keeps its identity across renders and calls the latest `fn`: the story cards are memoized, and a
 * new closure on every render would draw every card again after a note or a delete in one of them.
 */
function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}

export function App() {
  const [overview, setOverview] = useState<DigestOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'topics' });
  const [lists, setLists] = useState<Map<string, LoadedList<ArticleSummary>>>(new Map());
  const [highlights, setHighlights] = useState<LoadedList<HighlightListItem> | null>(null);
  const [query, setQuery] = useState('');
  const [searchLimit, setSearchLimit] = useState(SEARCH_PAGE);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [clipping, setClipping] = useState(false);
  const [clipMessage, setClipMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  // An undo the browser could not write: said on the toast, which then stays until the reader tries again or leaves.
  const [undoError, setUndoError] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<FailedCaptureSummary[]>([]);
  const [retrying, setRetrying] = useState(false);
  const [retryResult, setRetryResult] = useState<{ saved: number; failed: number } | null>(null);
  const [factsMarked, setFactsMarked] = useState<number | null>(null);
  // Per list opened: when the reader had seen it before (what came after is marked new; undefined when that could not
  // be read), and its captures per day.
  const [seenBefore, setSeenBefore] = useState<Map<string, number | undefined>>(new Map());
  const [activity, setActivity] = useState<Map<string, { lastDay: number; captures: number[] }>>(new Map());
  // A restore committing in the background: what the popup shows until it ends, then it reads everything again
  // (`reads` counts those readings).
  const [restoring, setRestoring] = useState<RestoreProgress | null>(null);
  const [reads, setReads] = useState(0);
  const main = useRef<HTMLElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);
  // What to focus once it is on screen: the first story of a topic just opened, the topic row just left.
  const focusNext = useRef<string[] | null>(null);
  const storyLists = useRef(new Map<string, StoryList>());
  const storyNovelty = useRef(new StoryFactNovelty());
  const seenMemo = useRef(new SeenFactsMemo());

  const loadOverview = useCallback(() => {
    sendToBackground('digest:overview', {}).then(
      (answer) => (isRestoring(answer) ? setRestoring(answer.restoring) : setOverview(answer)),
      (e: unknown) => setError(message(e)),
    );
  }, []);
  useEffect(loadOverview, [loadOverview, reads]);

  // While a restore commits: its progress, then everything read again (as it was, if the commit failed).
  const waitingForCommit = restoring !== null;
  useEffect(() => {
    if (!waitingForCommit) return;
    let stopped = false;
    void waitForCommit({
      status: () => sendToBackground('restore:status', {}),
      onProgress: setRestoring,
      stopped: () => stopped,
    }).then(() => {
      if (stopped) return;
      storyLists.current.clear();
      inFlight.current.clear();
      setLists(new Map());
      setHighlights(null);
      setSeenBefore(new Map());
      setActivity(new Map());
      setOverview(null);
      setView({ kind: 'topics' });
      setRestoring(null);
      setReads((n) => n + 1);
    });
    return () => {
      stopped = true;
    };
  }, [waitingForCommit]);
  useEffect(() => {
    sendToBackground('capture:failed', {}).then(setUnsaved, (e: unknown) => setError(message(e)));
  }, []);

  const retryUnsaved = async () => {
    setRetrying(true);
    try {
      setRetryResult(await sendToBackground('capture:retry-failed', {}));
      setUnsaved(await sendToBackground('capture:failed', {}));
      loadOverview();
    } catch (e) {
      setError(message(e));
    } finally {
      setRetrying(false);
    }
  };

  // `/` focuses search from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      searchInput.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!deleted || undoError) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted, undoError]);

  // Search on every keystroke; an answer to an older text is dropped.
  useEffect(() => {
    const seq = ++searchSeq.current;
    if (!query.trim()) {
      setResult(null);
      return;
    }
    sendToBackground('search:query', { query, limit: searchLimit }).then(
      (answer) => {
        if (seq !== searchSeq.current) return;
        if (isRestoring(answer)) setRestoring(answer.restoring);
        else setResult(answer);
      },
      (e: unknown) => seq === searchSeq.current && setError(message(e)),
    );
  }, [query, searchLimit, reads]);

  // What is loaded now, and which pages are on their way: a page is asked for once, whatever the re-renders.
  const listsNow = useRef(lists);
  listsNow.current = lists;
  const highlightsNow = useRef(highlights);
  highlightsNow.current = highlights;
  const inFlight = useRef(new Set<string>());

  const loadPage = useCallback((list: string) => {
    const loaded = listsNow.current.get(list);
    if (inFlight.current.has(list) || (loaded && loaded.next === null)) return;
    inFlight.current.add(list);
    const after = typeof loaded?.next === 'string' ? loaded.next : undefined;
    setLists((current) => new Map(current).set(list, { ...(current.get(list) ?? emptyList()), loading: true }));
    sendToBackground('digest:articles', { list, after, limit: loaded?.items.length ? PAGE : FIRST_PAGE })
      .then(
        (page) =>
          isRestoring(page)
            ? setRestoring(page.restoring)
            : setLists((now) => {
                const was = now.get(list) ?? emptyList<ArticleSummary>();
                return new Map(now).set(list, {
                  ...was,
                  items: [...was.items, ...page.articles],
                  next: page.next,
                  loading: false,
                });
              }),
        (e: unknown) => setError(message(e)),
      )
      .finally(() => inFlight.current.delete(list));
  }, []);

  const loadHighlights = useCallback(() => {
    const loaded = highlightsNow.current;
    if (inFlight.current.has('highlights') || (loaded && loaded.next === null)) return;
    inFlight.current.add('highlights');
    const after = Array.isArray(loaded?.next) ? loaded.next : undefined;
    setHighlights((current) => ({ ...(current ?? emptyList<HighlightListItem>()), loading: true }));
    sendToBackground('digest:highlights', { after, limit: PAGE })
      .then(
        (page) =>
          isRestoring(page)
            ? setRestoring(page.restoring)
            : setHighlights((now) => {
                const was = now ?? emptyList<HighlightListItem>();
                return { ...was, items: [...was.items, ...page.highlights], next: page.next, loading: false };
              }),
        (e: unknown) => setError(message(e)),
      )
      .finally(() => inFlight.current.delete('highlights'));
  }, []);

  /** A topic shown: what it holds is seen now (marked new this time still), and its activity is read once. */
  const openTopic = (list: string) => {
    if (!seenBefore.has(list))
      sendToBackground('digest:seen', { lists: [list] }).then(
        ({ seenBefore: [before] }) => {
          setSeenBefore((current) => new Map(current).set(list, before));
          setOverview(
            (current) =>
              current && {
                ...current,
                topics: current.topics.map((t) => (t.id === list ? { ...t, newArticles: 0, newFacts: 0 } : t)),
              },
          );
        },
        (e: unknown) => {
          setSeenBefore((current) => new Map(current).set(list, undefined));
          fail(e);
        },
      );
    if (!activity.has(list))
      sendToBackground('digest:activity', { list, days: ACTIVITY_DAYS }).then(
        (days) =>
          isRestoring(days) ? setRestoring(days.restoring) : setActivity((current) => new Map(current).set(list, days)),
        fail,
      );
  };

  const markAllSeen = async () => {
    if (!overview) return;
    try {
      await sendToBackground('digest:seen', { lists: overview.topics.map((t) => t.id) });
      setOverview(
        (current) =>
          current && { ...current, topics: current.topics.map((t) => ({ ...t, newArticles: 0, newFacts: 0 })) },
      );
    } catch (e) {
      fail(e);
    }
  };

  /** Leaves the current view, keeping its scroll position for the way back. */
  const go = (next: View) => {
    const top = main.current?.scrollTop ?? 0;
    if (view.kind === 'list')
      setLists((current) => {
        const loaded = current.get(view.list);
        return loaded ? new Map(current).set(view.list, { ...loaded, scrollTop: top }) : current;
      });
    if (view.kind === 'highlights') setHighlights((current) => current && { ...current, scrollTop: top });
    setView(next);
    focusNext.current =
      next.kind === 'topics'
        ? view.kind === 'list'
          ? [view.list === NO_TOPIC ? '[data-view="no-topic"]' : `.topic-row[data-topic-id="${CSS.escape(view.list)}"]`]
          : view.kind === 'highlights'
            ? ['[data-view="highlights"]']
            : null
        : next.kind === 'list'
          ? ['.story [data-nav-item]', '.bw-content .empty']
          : ['.highlight-entry a', '.bw-content .empty'];
    // When the reader saw the topic last is asked first: its small answer comes before the first page's.
    if (next.kind === 'list' && next.list !== NO_TOPIC) openTopic(next.list);
    if (next.kind === 'list' && !lists.has(next.list)) loadPage(next.list);
    if (next.kind === 'highlights' && !highlights) loadHighlights();
  };

  // Back in a list: where the reader left it.
  const restoreTo =
    view.kind === 'list' ? lists.get(view.list)?.scrollTop : view.kind === 'highlights' ? highlights?.scrollTop : 0;
  useEffect(() => {
    if (main.current) main.current.scrollTop = restoreTo ?? 0;
    // Only when the view changes, not on every page that arrives.
  }, [view]);

  // Focus follows the reader into a list and back out of it, once what it goes to has rendered.
  useEffect(() => {
    const selectors = focusNext.current;
    const root = main.current;
    if (!selectors || !root) return;
    // Back in a list scrolled down, the first story in view takes focus: focus must not scroll the place away.
    const below = root.querySelector('.bw-top')?.getBoundingClientRect().bottom ?? 0;
    const found = selectors.map((s) => [...root.querySelectorAll<HTMLElement>(s)]).find((all) => all.length > 0);
    if (!found) return;
    focusNext.current = null;
    (found.find((element) => element.getBoundingClientRect().top >= below) ?? found[0]).focus({ preventScroll: true });
  });

  // Escape goes back to the topics (the search field and menus handle their own Escape first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || view.kind === 'topics') return;
      event.preventDefault();
      go({ kind: 'topics' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const adjustCounts = (record: { topicIds: string[] }, by: number) =>
    setOverview((current) => {
      if (!current) return current;
      const topics = current.topics.map((t) => (record.topicIds.includes(t.id) ? { ...t, count: t.count + by } : t));
      const inNoTopic = !record.topicIds.some((id) => current.topics.some((t) => t.id === id));
      return { ...current, topics, noTopic: current.noTopic + (inNoTopic ? by : 0) };
    });

  /** One topic's count moves by `by`; No topic's the other way when the article has (or had) no other topic. */
  const adjustTopicCount = (topicId: string, by: number, alone: boolean) =>
    setOverview((current) => {
      if (!current) return current;
      const topics = current.topics.map((t) => (t.id === topicId ? { ...t, count: t.count + by } : t));
      return { ...current, topics, noTopic: current.noTopic - (alone ? by : 0) };
    });

  const fail = (e: unknown) => setError(message(e));

  const clip = async (topicId: string) => {
    setClipping(true);
    setClipMessage(null);
    try {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new Error(t('noTabToClip'));
      const { title } = await sendToBackground('tab:clip', { tabId, topicId });
      setClipMessage({ kind: 'ok', text: t('clipped', title) });
      // A clip may add to any list: read counts again and drop the pages read so far.
      setLists(new Map());
      storyLists.current.clear();
      loadOverview();
    } catch (e) {
      setClipMessage({ kind: 'error', text: message(e) });
    } finally {
      setClipping(false);
    }
  };

  // A delete or a note shows at once, while the background stores it; a failure puts back what was there.
  const removeArticleCard = async (id: string) => {
    let removed: Removed = [];
    setLists((current) => {
      const change = removeArticle(current, id);
      removed = change.removed;
      return change.lists;
    });
    try {
      const record = await sendToBackground('article:delete', { id });
      // None: it was no longer stored, and its card goes all the same.
      if (!record) return;
      adjustCounts(record, -1);
      setUndoError(null);
      setDeleted({ kind: 'article', record, removed });
    } catch (e) {
      setLists((current) => putBackArticle(current, removed));
      fail(e);
    }
  };

  const showNote = (id: string, note: string) => {
    setLists((current) => changeArticleHighlight(current, id, noteHighlight(id, note)));
    setHighlights((current) => current && changeHighlightEntry(current, id, (item) => ({ ...item, note })));
  };

  const saveNote = async (id: string, note: string) => {
    const before = highlightNote(listsNow.current, highlightsNow.current, id);
    showNote(id, note);
    try {
      const updated = await sendToBackground('highlight:note', { id, note });
      setLists((current) => changeArticleHighlight(current, id, replaceHighlight(updated)));
      setHighlights(
        (current) => current && changeHighlightEntry(current, id, (item) => ({ ...item, note: updated.note })),
      );
    } catch (e) {
      if (before !== undefined) showNote(id, before);
      fail(e);
    }
  };

  const removeHighlight = async (id: string) => {
    try {
      const record = await sendToBackground('highlight:delete', { id });
      if (!record) return;
      const entry = highlights?.items.find((h) => h.id === id);
      setLists((current) => changeArticleHighlight(current, id, dropHighlight(id)));
      setHighlights((current) => current && changeHighlightEntry(current, id, () => null));
      setOverview((current) => current && { ...current, highlights: current.highlights - 1 });
      setUndoError(null);
      setDeleted({ kind: 'highlight', record, entry });
    } catch (e) {
      fail(e);
    }
  };

  // "Not about this beat": the article leaves this topic's list (and its count) at once; if no other topic keeps it,
  // it joins No topic, whose loaded pages are then read again.
  const notAbout = async (id: string, topicId: string) => {
    try {
      const { topicIds, topicIdsBefore } = await sendToBackground('article:not-about', {
        id,
        topicId,
        notAbout: true,
      });
      let removed: Removed = [];
      const alone = !topicIds.some((other) => overview?.topics.some((topic) => topic.id === other));
      setLists((current) => {
        const change = removeArticle(current, id, topicId);
        removed = change.removed;
        if (alone) change.lists.delete(NO_TOPIC);
        return change.lists;
      });
      adjustTopicCount(topicId, -1, alone);
      setUndoError(null);
      setDeleted({ kind: 'not-about', id, topicId, order: topicIdsBefore, removed, alone });
    } catch (e) {
      fail(e);
    }
  };

  const confirmHighlight = async (id: string) => {
    try {
      const offered = [
        ...[...lists.values()].flatMap((l) => l.items.flatMap((a) => a.highlights)),
        ...(highlights?.items ?? []),
      ].find((h) => h.id === id)?.maybeHere;
      const { confirmed } = await sendToBackground('highlight:confirm', { id });
      if (!confirmed || !offered) return;
      // The offered place becomes the highlight's: changed where it shows, nothing read again.
      const confirmedAs = <T extends HighlightSummary>(h: T): T => ({
        ...h,
        text: offered.text,
        placed: true,
        maybeHere: undefined,
        changedTo: undefined,
      });
      setLists((current) =>
        changeArticleHighlight(current, id, (all) => all.map((h) => (h.id === id ? confirmedAs(h) : h))),
      );
      setHighlights((current) => current && changeHighlightEntry(current, id, (item) => confirmedAs(item)));
    } catch (e) {
      fail(e);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      if (deleted.kind === 'not-about') {
        const { id, topicId, order, removed, alone } = deleted;
        // With the topics' order from before: the record is written back exactly as it was.
        await sendToBackground('article:not-about', { id, topicId, notAbout: false, order });
        setLists((current) => {
          const next = putBackArticle(current, removed);
          if (alone) next.delete(NO_TOPIC);
          return next;
        });
        adjustTopicCount(topicId, 1, alone);
      } else if (deleted.kind === 'article') {
        await sendToBackground('article:restore', { record: deleted.record });
        setLists((current) => putBackArticle(current, deleted.removed));
        adjustCounts(deleted.record, 1);
      } else {
        const { record, entry } = deleted;
        await sendToBackground('highlight:restore', { record });
        if (record.articleId) {
          const articleId = record.articleId;
          setLists((current) => addArticleHighlight(current, articleId, summarizeHighlight(record)));
        }
        if (entry) setHighlights((current) => current && addHighlightEntry(current, entry));
        setOverview((current) => current && { ...current, highlights: current.highlights + 1 });
      }
      setDeleted(null);
      setUndoError(null);
    } catch (e) {
      // The deleted record stays here, so Undo can be tried again: nothing is lost while the popup is open.
      setUndoError(message(e));
    }
  };

  const toggleFacts = async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    const on = factsMarked === null;
    try {
      const { marked } = await sendToBackground('tab:mark-facts', { tabId, on });
      setFactsMarked(on ? marked : null);
    } catch (e) {
      fail(e);
    }
  };

  // The cards' handlers, the same functions on every render (see useStable).
  const onDeleteArticle = useStable(removeArticleCard);
  const onSaveNote = useStable(saveNote);
  const onDeleteHighlight = useStable(removeHighlight);
  const onConfirmHighlight = useStable(confirmHighlight);
  const onNotAboutHere = useStable((id: string) => {
    if (view.kind === 'list') void notAbout(id, view.list);
  });

  const openOptions = () => void browser.runtime.openOptionsPage();
  const topicNames = new Map((overview?.topics ?? []).map((t) => [t.id, t.name]));
  const title =
    view.kind === 'list'
      ? view.list === NO_TOPIC
        ? t('noTopic')
        : (topicNames.get(view.list) ?? t('extName'))
      : view.kind === 'highlights'
        ? t('highlightsAndNotes')
        : t('extName');
  const openList = view.kind === 'list' ? lists.get(view.list) : undefined;
  const searching = query.trim() !== '';
  // Grouped once per set of loaded articles, and only the new page's articles are compared.
  const openItems = openList?.items;
  const openListId = view.kind === 'list' ? view.list : null;
  const stories = useMemo(() => {
    if (!openItems || openListId === null) return [];
    let grouping = storyLists.current.get(openListId);
    if (!grouping) storyLists.current.set(openListId, (grouping = new StoryList()));
    return grouping.stories(openItems);
  }, [openItems, openListId]);
  // The facts the reader saw when they last opened the list: only known once the list is marked seen.
  const newSince = openListId === null ? undefined : seenBefore.get(openListId);
  // A topic's cards are drawn once it is known what is new in them: drawn before, they would be drawn (and laid out)
  // again a moment later with their marks, and the new facts moved to the top.
  const awaitingSeen = openListId !== null && openListId !== NO_TOPIC && !seenBefore.has(openListId);
  // That answer can wait behind the counts' daily self-check (a read of a whole list, when the worker starts): the
  // cards are held up no longer than SEEN_WAIT_MS, and get their marks when it comes.
  const pageShown = (openList?.items.length ?? 0) > 0;
  useEffect(() => {
    if (!awaitingSeen || !pageShown || openListId === null) return;
    const list = openListId;
    const timer = setTimeout(
      () => setSeenBefore((current) => (current.has(list) ? current : new Map(current).set(list, undefined))),
      SEEN_WAIT_MS,
    );
    return () => clearTimeout(timer);
  }, [awaitingSeen, pageShown, openListId]);
  const seen = useMemo(
    () => (openItems && newSince !== undefined ? seenMemo.current.of(openItems, newSince) : undefined),
    [openItems, newSince],
  );
  // Per story, the same array while its marks read the same: \`seen\` is new whenever an article's facts change.
  const novelty = useMemo(() => seen && storyNovelty.current.of(stories, seen), [stories, seen]);

  const hasTopics = !!overview && overview.topics.length > 0;
  return (
    <main class="bw-popup" ref={main}>
      {/* Stays in view while a long list scrolls: going back never loses the place. Few stops before the first story:
          back (or Edit topics), search, then the list. */}
      <div class="bw-top">
        <header class="bw-header">
          {view.kind !== 'topics' && (
            <button class="back" onClick={() => go({ kind: 'topics' })} aria-keyshortcuts="Escape">
              {t('allTopics')}
            </button>
          )}
          <h1 id="view-title" tabIndex={-1}>
            <bdi>{title}</bdi>
          </h1>
          {view.kind === 'topics' && (
            <button class="link" onClick={openOptions}>
              {t('editTopics')}
            </button>
          )}
        </header>
        <SearchField
          value={query}
          inputRef={searchInput}
          onInput={(value) => {
            setSearchLimit(SEARCH_PAGE);
            setQuery(value);
          }}
        />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <UnsavedCaptures failed={unsaved} busy={retrying} result={retryResult} onRetry={() => void retryUnsaved()} />
      <div class="bw-content">
        {restoring ? (
          <RestoringState progress={restoring} />
        ) : searching ? (
          result && (
            <SearchResults
              result={result}
              onOpen={(hit) =>
                openTab(
                  hit.kind === 'article' && hit.field === 'text'
                    ? textFragmentUrl(hit.url, hit.snippet.match)
                    : hit.url,
                )
              }
              onMore={() => setSearchLimit((limit) => limit + SEARCH_PAGE)}
            />
          )
        ) : (
          <>
            {overview === null && !error && <p class="muted">{t('loading')}</p>}
            {overview && overview.topics.length === 0 && view.kind === 'topics' && (
              <EmptyState title={t('noTopicsYet')}>
                <p class="muted">{t('noTopicsHelp')}</p>
                <button class="primary" onClick={openOptions}>
                  {t('addTopic')}
                </button>
              </EmptyState>
            )}
            {overview && view.kind === 'topics' && (
              <>
                {overview.topics.length > 0 && (
                  <TopicList topics={overview.topics} onOpen={(id) => go({ kind: 'list', list: id })} />
                )}
                {overview.topics.some((t) => t.newArticles > 0) && (
                  <button class="link mark-all-seen" onClick={() => void markAllSeen()}>
                    {t('markAllSeen')}
                  </button>
                )}
                <ListLinks
                  highlights={overview.highlights}
                  noTopic={overview.noTopic}
                  onOpenHighlights={() => go({ kind: 'highlights' })}
                  onOpenNoTopic={() => go({ kind: 'list', list: NO_TOPIC })}
                />
              </>
            )}
            {view.kind === 'list' &&
              openList &&
              (openList.items.length === 0 && !openList.loading ? (
                <EmptyState title={view.list === NO_TOPIC ? t('noArticlesOutside') : t('nothingOnBeat')} />
              ) : (
                <>
                  {activity.get(view.list) && (
                    <ActivityChart
                      captures={activity.get(view.list)!.captures}
                      lastDay={activity.get(view.list)!.lastDay}
                      formatDate={formatDate}
                    />
                  )}
                  <ArrowList class="stories" label={t('storiesOn', title)}>
                    {(awaitingSeen ? [] : stories).map((story) => (
                      <StoryCard
                        key={story.id}
                        story={story}
                        formatDate={formatDate}
                        onOpen={openTab}
                        onOpenFact={openFact}
                        onDelete={onDeleteArticle}
                        onNotAbout={view.list === NO_TOPIC ? undefined : onNotAboutHere}
                        onSaveNote={onSaveNote}
                        onDeleteHighlight={onDeleteHighlight}
                        onConfirmHighlight={onConfirmHighlight}
                        newSince={newSince}
                        factNovelty={novelty?.get(story.id)}
                      />
                    ))}
                  </ArrowList>
                  {(openList.next !== null || openList.loading || awaitingSeen) && (
                    <LoadMore loading={openList.loading || awaitingSeen} onMore={() => loadPage(view.list)} />
                  )}
                </>
              ))}
            {view.kind === 'highlights' &&
              highlights &&
              (highlights.items.length === 0 && !highlights.loading ? (
                <EmptyState title={t('noHighlightsYet')}>
                  <p class="muted">{t('highlightHelp')}</p>
                </EmptyState>
              ) : (
                <>
                  <HighlightList
                    items={highlights.items}
                    topicNames={topicNames}
                    onOpen={openTab}
                    onSaveNote={onSaveNote}
                    onDelete={onDeleteHighlight}
                    onConfirm={onConfirmHighlight}
                  />
                  {(highlights.next !== null || highlights.loading) && (
                    <LoadMore loading={highlights.loading} onMore={loadHighlights} />
                  )}
                </>
              ))}
          </>
        )}
      </div>
      {deleted && (
        <UndoToast
          text={
            undoError
              ? t('undoFailed', undoError)
              : deleted.kind === 'article'
                ? t('deletedArticle', isolate(deleted.record.title))
                : deleted.kind === 'not-about'
                  ? t('tookOutOfBeat', isolate(deleted.removed[0]?.article.title ?? ''))
                  : t('deletedHighlight')
          }
          onUndo={undo}
          onDismiss={() => {
            setDeleted(null);
            setUndoError(null);
          }}
        />
      )}
      {/* The current page's tools come last in tab order: the digest is what the popup is opened for. */}
      {hasTopics && !restoring && (
        <footer class="bw-page-tools" aria-label={t('thisPage')}>
          <ClipBar
            key={openListId ?? ''}
            topics={overview.topics}
            openTopicId={openListId ?? undefined}
            busy={clipping}
            message={clipMessage}
            onClip={clip}
          />
          <div class="page-tools">
            <button aria-pressed={factsMarked !== null} onClick={toggleFacts}>
              {factsMarked === null ? t('markFacts') : t('unmarkFacts')}
            </button>
            {factsMarked !== null && (
              <span class="muted" role="status">
                {t('markedCount', formatNumber(factsMarked))}
              </span>
            )}
          </div>
        </footer>
      )}
    </main>
  );
}
