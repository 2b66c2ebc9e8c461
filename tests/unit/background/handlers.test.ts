import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { memoryArea, TabTopics } from '@/lib/background/tab-topics';
import { openDatabase } from '@/lib/db/open';
import type { ExtractedArticle, Topic } from '@/lib/schema';

const topics: Topic[] = [
  { id: 'ukraine', name: 'Ukraine', query: 'ukraine', createdAt: 1 },
  { id: 'gaza', name: 'Gaza', query: 'gaza', createdAt: 1 },
];
const article: ExtractedArticle = { url: 'https://n.example/a', pageUrl: 'https://n.example/a?x', title: 'Talks', dir: 'ltr', excerpt: 'e', text: 'Ukraine talks' };
const match = (topicId: string) => ({ topicId, score: 1, mentions: 1, hits: [{ field: 'text' as const, start: 0, end: 7, term: 'ukraine' }] });

let n = 0;
function setup(overrides: Partial<BackgroundDeps> = {}) {
  const setBadge = vi.fn(async () => {});
  const deps: BackgroundDeps = {
    db: openDatabase(`handlers-${++n}`),
    loadTopics: async () => topics,
    tabTopics: new TabTopics(memoryArea()),
    setBadge,
    injectExtractor: vi.fn(async () => {}),
    extractFromTab: async () => article,
    highlightSelectionIn: vi.fn(async () => ({ added: true })),
    markFactsIn: vi.fn(async () => ({ marked: 2 })),
    matchArticle: () => [],
    factsFor: () => [{ text: 'Ukraine talks', start: 0, end: 13, score: 1, kinds: ['topic'] }],
    now: () => 1000,
    ...overrides,
  };
  return { deps, setBadge, handlers: createBackgroundHandlers(deps) };
}

describe('capture:save', () => {
  it('stores the capture with facts, and badges the tab with the topics matched there', async () => {
    const { handlers, setBadge, deps } = setup();
    const result = await handlers['capture:save']({ article, matches: [match('ukraine')] }, { tabId: 5 });
    expect(result).toMatchObject({ created: true, tabTopicCount: 1 });
    await handlers['capture:save']({ article: { ...article, url: 'https://n.example/b' }, matches: [match('gaza')] }, { tabId: 5 });
    expect(setBadge).toHaveBeenLastCalledWith(5, 2);
    const stored = await (await deps.db).get('articles', result.articleId);
    expect(stored?.facts).toHaveLength(1);
  });

  it('ignores matches for topics the reader does not track, and refuses a capture left with none', async () => {
    const { handlers, deps } = setup();
    await expect(handlers['capture:save']({ article, matches: [match('deleted-topic')] }, { tabId: 1 })).rejects.toThrow(/no tracked topic/);
    expect(await (await deps.db).count('articles')).toBe(0);
  });
});

describe('tab:clip', () => {
  it('saves the tab article to the chosen topic even when nothing matched', async () => {
    const { handlers, deps } = setup();
    const { articleId, title } = await handlers['tab:clip']({ tabId: 3, topicId: 'gaza' }, {});
    expect(title).toBe('Talks');
    expect(await (await deps.db).get('articles', articleId)).toMatchObject({ topicIds: ['gaza'], clippedTo: ['gaza'] });
  });

  it('says why when the page has no article or the topic is gone', async () => {
    const { handlers } = setup({ extractFromTab: async () => null });
    await expect(handlers['tab:clip']({ tabId: 3, topicId: 'gaza' }, {})).rejects.toThrow(/No article text/);
    await expect(handlers['tab:clip']({ tabId: 3, topicId: 'nope' }, {})).rejects.toThrow(/no longer exists/);
  });
});

describe('page:activate', () => {
  it('loads the extractor into the tab the gate ran in', async () => {
    const { handlers, deps } = setup();
    await expect(handlers['page:activate']({}, { tabId: 9 })).resolves.toEqual({ injected: true });
    expect(deps.injectExtractor).toHaveBeenCalledWith(9);
    await expect(handlers['page:activate']({}, {})).rejects.toThrow(/no tab/);
  });
});

describe('digest, delete and undo', () => {
  it('lists per topic and restores a deleted article', async () => {
    const { handlers } = setup();
    const { articleId } = await handlers['capture:save']({ article, matches: [match('ukraine')] }, { tabId: 1 });
    expect((await handlers['digest:get']({}, {})).map((d) => d.count)).toEqual([1, 0]);
    const deleted = await handlers['article:delete']({ id: articleId }, {});
    expect((await handlers['digest:get']({}, {}))[0]!.count).toBe(0);
    await handlers['article:restore']({ record: deleted! }, {});
    expect((await handlers['digest:get']({}, {}))[0]!.articles[0]!.id).toBe(articleId);
  });
});
