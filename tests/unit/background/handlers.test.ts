import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { isRestoring, type Restoring } from '@/lib/messaging/restoring';
import { memoryArea, TabTopics } from '@/lib/background/tab-topics';
import { openDatabase } from '@/lib/db/database';
import { articleRecordSchema, selectorsSchema, type ExtractedArticle, type Topic } from '@/lib/schema';

const topics: Topic[] = [
  { id: 'ukraine', name: 'Ukraine', query: 'ukraine', createdAt: 1 },
  { id: 'gaza', name: 'Gaza', query: 'gaza', createdAt: 1 },
];
const article: ExtractedArticle = {
  url: 'https://n.example/a',
  pageUrl: 'https://n.example/a?x',
  title: 'Talks',
  dir: 'ltr',
  excerpt: 'e',
  text: 'Ukraine talks',
};
const match = (topicId: string) => ({
  topicId,
  score: 1,
  mentions: 1,
  hits: [{ field: 'text' as const, start: 0, end: 7, term: 'ukraine' }],
});

/** A popup read's answer when no restore commits: the data itself. */
async function answered<T>(answer: T | Restoring | Promise<T | Restoring>): Promise<T> {
  const value = await answer;
  if (isRestoring(value)) throw new Error('answered "restoring" with no restore committing');
  return value;
}

/** A page script's sender in tab `tabId`, on the page at `url`. */
const from = (tabId?: number, url = 'https://n.example/a?x') => ({ tabId, url });

let n = 0;
function setup(overrides: Partial<BackgroundDeps> = {}) {
  const setBadge = vi.fn(async () => {});
  const deps: BackgroundDeps = {
    db: openDatabase(`handlers-${++n}`),
    loadTopics: async () => topics,
    saveTopics: vi.fn(async () => {}),
    tabTopics: new TabTopics(memoryArea()),
    setBadge,
    injectExtractor: vi.fn(async () => {}),
    extractFromTab: async () => article,
    highlightSelectionIn: vi.fn(async () => ({ added: true })),
    markFactsIn: vi.fn(async () => ({ marked: 2 })),
    matchArticle: () => [],
    factsFor: () => [{ text: 'Ukraine talks', start: 0, end: 13, score: 1, kind: 'statement' }],
    now: () => 1000,
    ...overrides,
  };
  return { deps, setBadge, handlers: createBackgroundHandlers(deps) };
}

describe('capture:save', () => {
  it('stores the capture with facts, and badges the tab with the topics matched there', async () => {
    const { handlers, setBadge, deps } = setup();
    const result = await handlers['capture:save']({ article, matches: [match('ukraine')] }, from(5));
    expect(result).toMatchObject({ created: true, tabTopicCount: 1 });
    await handlers['capture:save'](
      { article: { ...article, url: 'https://n.example/b' }, matches: [match('gaza')] },
      from(5),
    );
    expect(setBadge).toHaveBeenLastCalledWith(5, 2);
    const stored = await (await deps.db).get('articles', result.articleId);
    expect(stored?.facts).toHaveLength(1);
  });

  it('ignores matches for topics the reader does not track, and refuses a capture left with none', async () => {
    const { handlers, deps } = setup();
    // A refusal: the page must not send it again (it would match no more).
    await expect(handlers['capture:save']({ article, matches: [match('deleted-topic')] }, from(1))).rejects.toThrow(
      expect.objectContaining({ name: 'Refusal', message: expect.stringMatching(/no tracked topic/) }),
    );
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

describe('highlights', () => {
  const selectors = [
    { type: 'TextQuoteSelector' as const, exact: 'Ukraine talks', prefix: '', suffix: '' },
    { type: 'TextPositionSelector' as const, start: 0, end: 13 },
  ] as [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];

  it('highlighting a page that was not captured yet stores its article, then the highlight on it', async () => {
    const { handlers, deps } = setup({ matchArticle: () => [match('ukraine')] });
    const { id } = await handlers['highlight:add'](
      { pageUrl: 'https://n.example/a?utm_source=x', articleUrl: article.url, selectors },
      from(4),
    );
    const db = await deps.db;
    const stored = await db.get('highlights', id);
    const record = await db.get('articles', stored!.articleId!);
    expect(record).toMatchObject({ url: article.url, topicIds: ['ukraine'] });
    expect(stored).toMatchObject({ pageUrl: 'https://n.example/a', note: '', placed: true });
    expect(deps.injectExtractor).toHaveBeenCalledWith(4);
    const [digest] = await handlers['digest:get']({}, {});
    expect(digest.articles[0].highlights.map((h) => h.text)).toEqual(['Ukraine talks']);
  });

  it("lists a page's highlights by its clean address, records placement, notes and undoable deletes", async () => {
    const { handlers, deps } = setup();
    const { id } = await handlers['highlight:add'](
      { pageUrl: 'https://n.example/a', articleUrl: article.url, selectors },
      from(),
    );
    expect(await handlers['highlight:for-page']({ pageUrl: 'https://n.example/a#section?' }, from())).toEqual([
      { id, selectors },
    ]);
    const maybeHere: typeof selectors = [
      { ...selectors[0], exact: 'Ukraine peace talks' },
      { type: 'TextPositionSelector', start: 40, end: 59 },
    ];
    await handlers['highlight:placement']({ placed: [], unplaced: [{ id, maybeHere }] }, {});
    expect(await (await deps.db).get('highlights', id)).toMatchObject({ placed: false, maybeHere });
    // The reader confirms the "maybe here": the highlight moves there and is re-attached by it.
    expect(await handlers['highlight:confirm']({ id }, {})).toEqual({ confirmed: true });
    expect(await handlers['highlight:for-page']({ pageUrl: 'https://n.example/a' }, from())).toEqual([
      { id, selectors: maybeHere },
    ]);
    expect(await handlers['highlight:confirm']({ id }, {})).toEqual({ confirmed: false });
    await handlers['highlight:placement']({ placed: [], unplaced: [{ id }] }, {});
    await handlers['highlight:note']({ id, note: 'worth quoting' }, {});
    const deleted = await handlers['highlight:delete']({ id }, {});
    expect(deleted).toMatchObject({ placed: false, note: 'worth quoting' });
    expect(await handlers['highlight:for-page']({ pageUrl: 'https://n.example/a' }, from())).toEqual([]);
    await handlers['highlight:restore']({ record: deleted! }, {});
    expect(await handlers['highlight:for-page']({ pageUrl: 'https://n.example/a' }, from())).toHaveLength(1);
  });
});

describe("a highlight's counted copies (places its text alone could be taken for)", () => {
  const quote = { type: 'TextQuoteSelector' as const, exact: 'nut butter', prefix: '1 tsp. ', suffix: '.' };
  const position = { type: 'TextPositionSelector' as const, start: 7, end: 17 };

  it('are stored and handed back with the selectors; highlights without them stay valid', async () => {
    const { handlers } = setup();
    const counted: [typeof quote & { copies: number; nearestCopy: number }, typeof position] = [
      { ...quote, copies: 2, nearestCopy: 340 },
      position,
    ];
    const { id } = await handlers['highlight:add'](
      { pageUrl: 'https://n.example/r', articleUrl: article.url, selectors: counted },
      from(),
    );
    expect(await handlers['highlight:for-page']({ pageUrl: 'https://n.example/r' }, from())).toEqual([
      { id, selectors: counted },
    ]);
    expect(selectorsSchema.safeParse([quote, position]).success).toBe(true);
  });

  it('are a whole number from 1 to 9 at the boundary', () => {
    for (const copies of [1, 9]) expect(selectorsSchema.safeParse([{ ...quote, copies }, position]).success).toBe(true);
    for (const copies of [0, 10, 1.5, '2'])
      expect(selectorsSchema.safeParse([{ ...quote, copies }, position]).success).toBe(false);
  });

  it('and the distance to the nearest copy, a whole number from 1 to 1,000,000', () => {
    for (const nearestCopy of [1, 1_000_000])
      expect(selectorsSchema.safeParse([{ ...quote, copies: 2, nearestCopy }, position]).success).toBe(true);
    for (const nearestCopy of [0, 1_000_001, 2.5, '40'])
      expect(selectorsSchema.safeParse([{ ...quote, copies: 2, nearestCopy }, position]).success).toBe(false);
  });
});

describe('one article identity', () => {
  it('a capture, a highlight and "mark facts" name an appended article without an address alike', async () => {
    const { handlers, deps } = setup({
      factsFor: (a) => [{ text: `${a.title} fact`, start: 0, end: 5, score: 1, kind: 'statement' }],
    });
    // The extractor gives an appended article without an address of its own the page's address and a fragment.
    const appended = { ...article, url: 'https://n.example/a#article-k3x9', title: 'Appended' };
    const own = await handlers['capture:save']({ article, matches: [match('ukraine')] }, from(1));
    const saved = await handlers['capture:save']({ article: appended, matches: [match('ukraine')] }, from(1));
    expect(saved.articleId).not.toBe(own.articleId);

    const selectors = [
      { type: 'TextQuoteSelector' as const, exact: 'Ukraine talks', prefix: '', suffix: '' },
      { type: 'TextPositionSelector' as const, start: 0, end: 13 },
    ] as [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
    // The page names it with its tracking parameters still on.
    const named = 'https://n.example/a?utm_source=feed#article-k3x9';
    const { id } = await handlers['highlight:add'](
      { pageUrl: 'https://n.example/a?utm_source=feed', articleUrl: named, selectors },
      from(1),
    );
    expect((await (await deps.db).get('highlights', id))?.articleId).toBe(saved.articleId);
    expect(await handlers['facts:for-urls']({ urls: [named] }, from(1))).toEqual(['Appended fact']);
    // A reader's own #section jump is the page's article, not a new one.
    expect(await handlers['facts:for-urls']({ urls: ['https://n.example/a#comments'] }, from(1))).toEqual([
      'Talks fact',
    ]);
  });
});

describe('page:activate', () => {
  it('loads the extractor into the tab the gate ran in', async () => {
    const { handlers, deps } = setup();
    await expect(handlers['page:activate']({}, from(9))).resolves.toEqual({ injected: true });
    expect(deps.injectExtractor).toHaveBeenCalledWith(9);
    await expect(handlers['page:activate']({}, {})).rejects.toThrow(/no tab/);
  });
});

describe('digest, delete and undo', () => {
  it('lists per topic and restores a deleted article', async () => {
    const { handlers } = setup();
    const { articleId } = await handlers['capture:save']({ article, matches: [match('ukraine')] }, from(1));
    expect((await handlers['digest:get']({}, {})).map((d) => d.count)).toEqual([1, 0]);
    const deleted = await handlers['article:delete']({ id: articleId }, {});
    expect((await handlers['digest:get']({}, {}))[0].count).toBe(0);
    await handlers['article:restore']({ record: deleted! }, {});
    expect((await handlers['digest:get']({}, {}))[0].articles[0].id).toBe(articleId);
  });
});

const selectors: [
  { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
  { type: 'TextPositionSelector'; start: number; end: number },
] = [
  { type: 'TextQuoteSelector', exact: 'Ukraine talks', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: 0, end: 13 },
];

describe('the popup at scale: counts, pages, search, a topic deleted', () => {
  it('counts from indexes and hands out pages newest first, with what comes next', async () => {
    const { handlers } = setup();
    for (let i = 0; i < 5; i++)
      await handlers['capture:save'](
        {
          article: { ...article, url: `https://n.example/p${i}`, publishedAt: `2025-0${i + 1}-01T00:00:00Z` },
          matches: [match('ukraine')],
        },
        from(1),
      );
    await handlers['highlight:add'](
      { pageUrl: 'https://elsewhere.example/x', articleUrl: 'https://elsewhere.example/x', selectors },
      from(undefined, 'https://elsewhere.example/x'),
    );
    expect(await answered(handlers['digest:overview']({}, {}))).toEqual({
      topics: [
        { id: 'ukraine', name: 'Ukraine', count: 5, newArticles: 5, newFacts: 5 },
        { id: 'gaza', name: 'Gaza', count: 0, newArticles: 0, newFacts: 0 },
      ],
      noTopic: 0,
      highlights: 1,
    });
    // Captures per day, today last; then the topic is seen: nothing in it is new, and it says when it was seen before.
    expect(await answered(handlers['digest:activity']({ list: 'ukraine', days: 3 }, {}))).toEqual({
      lastDay: 0,
      captures: [0, 0, 5],
    });
    expect(await handlers['digest:seen']({ lists: ['ukraine'] }, {})).toEqual({ seenBefore: [0] });
    expect((await answered(handlers['digest:overview']({}, {}))).topics[0]).toMatchObject({
      newArticles: 0,
      newFacts: 0,
    });
    expect(await handlers['digest:seen']({ lists: ['ukraine', 'gaza'] }, {})).toEqual({ seenBefore: [1000, 0] });
    const first = await answered(handlers['digest:articles']({ list: 'ukraine', limit: 3 }, {}));
    const rest = await answered(handlers['digest:articles']({ list: 'ukraine', after: first.next!, limit: 3 }, {}));
    expect([...first.articles, ...rest.articles].map((a) => a.url.slice(-2))).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect(rest.next).toBeNull();
    const { highlights } = await answered(handlers['digest:highlights']({ limit: 10 }, {}));
    expect(highlights).toMatchObject([{ pageUrl: 'https://elsewhere.example/x', text: 'Ukraine talks' }]);
    expect(highlights[0].article).toBeUndefined();
  });

  it('answers a note with the highlight as shown, and finds it in search once indexed', async () => {
    const indexSearch = vi.fn();
    const { handlers, deps } = setup({ indexSearch });
    await handlers['capture:save']({ article, matches: [match('ukraine')] }, from(1));
    const { id } = await handlers['highlight:add'](
      { pageUrl: article.url, articleUrl: article.url, selectors },
      from(),
    );
    expect(await handlers['highlight:note']({ id, note: 'ask the ministry' }, {})).toEqual({
      id,
      text: 'Ukraine talks',
      note: 'ask the ministry',
      placed: true,
      createdAt: 1000,
    });
    expect(indexSearch).toHaveBeenCalledTimes(3);
    expect(await handlers['search:status']({}, {})).toEqual({ pending: 2 });
    const { SearchIndexer } = await import('@/lib/background/search-indexer');
    await new SearchIndexer(deps.db).start();
    expect(await handlers['search:status']({}, {})).toEqual({ pending: 0 });
    const result = await answered(handlers['search:query']({ query: 'ministr', limit: 10 }, {}));
    expect(result.groups).toMatchObject([
      { topicId: 'ukraine', name: 'Ukraine', hits: [{ kind: 'highlight', field: 'note' }] },
    ]);
  });

  it('deletes a topic with its articles, or keeps them under No topic, as the reader chose', async () => {
    const { handlers } = setup();
    await handlers['capture:save']({ article, matches: [match('ukraine')] }, from(1));
    await handlers['capture:save'](
      { article: { ...article, url: 'https://n.example/g' }, matches: [match('gaza')] },
      from(1),
    );
    expect(await handlers['topic:count']({ topicId: 'ukraine' }, {})).toEqual({ articles: 1 });
    expect(await handlers['topic:forget']({ topicId: 'ukraine', deleteArticles: false }, {})).toEqual({ articles: 1 });
    expect((await answered(handlers['digest:overview']({}, {}))).noTopic).toBe(1);
    expect((await answered(handlers['digest:articles']({ list: '~', limit: 5 }, {}))).articles[0].url).toBe(
      article.url,
    );
    expect(await handlers['topic:forget']({ topicId: 'gaza', deleteArticles: true }, {})).toEqual({ articles: 1 });
    expect((await answered(handlers['digest:overview']({}, {}))).topics.map((t) => t.count)).toEqual([0, 0]);
  });
});

describe('article:not-about', () => {
  it('takes an article out of a topic for good: a revisit does not put it back, and the tester lists it', async () => {
    const { handlers, setBadge, deps } = setup();
    const saved = await handlers['capture:save']({ article, matches: [match('ukraine'), match('gaza')] }, from(5));
    expect(await handlers['article:not-about']({ id: saved.articleId, topicId: 'gaza', notAbout: true }, {})).toEqual({
      topicIds: ['ukraine'],
      topicIdsBefore: ['ukraine', 'gaza'],
    });
    // The next visit matches both topics again.
    const again = await handlers['capture:save']({ article, matches: [match('ukraine'), match('gaza')] }, from(6));
    expect(again.tabTopicCount).toBe(1);
    expect(setBadge).toHaveBeenLastCalledWith(6, 1);
    const digest = await handlers['digest:get']({}, {});
    expect(digest.map((d) => [d.topic.id, d.count])).toEqual([
      ['ukraine', 1],
      ['gaza', 0],
    ]);
    const listed = await handlers['topic:not-about']({ topicId: 'gaza' }, {});
    expect(listed).toEqual([
      {
        id: saved.articleId,
        url: article.url,
        title: article.title,
        siteName: undefined,
        hits: [{ field: 'text', term: 'ukraine', text: 'Ukraine' }],
      },
    ]);
    expect(await handlers['topic:not-about']({ topicId: 'ukraine' }, {})).toEqual([]);
    // Undo puts it back, and the list forgets it.
    await handlers['article:not-about']({ id: saved.articleId, topicId: 'gaza', notAbout: false }, {});
    expect((await (await deps.db).get('articles', saved.articleId))?.topicIds).toEqual(['ukraine', 'gaza']);
    expect(await handlers['topic:not-about']({ topicId: 'gaza' }, {})).toEqual([]);
  });

  it('refuses an article that is not stored, and a bad message reaches no handler', async () => {
    const { handlers } = setup();
    await expect(
      handlers['article:not-about']({ id: 'a'.repeat(32), topicId: 'gaza', notAbout: true }, {}),
    ).rejects.toThrow('no longer stored');
    const { protocol } = await import('@/lib/messaging/protocol');
    expect(protocol['article:not-about'].payload.safeParse({ id: 'x', topicId: 'gaza', notAbout: true }).success).toBe(
      false,
    );
    expect(
      protocol['article:not-about'].payload.safeParse({ id: 'a'.repeat(32), topicId: 'Gaza!', notAbout: true }).success,
    ).toBe(false);
    expect(protocol['topic:not-about'].payload.safeParse({ topicId: 'gaza', extra: 1 }).success).toBe(false);
  });

  it('undo puts back an article that was only clipped to the topic', async () => {
    const { handlers, deps } = setup({ matchArticle: () => [] });
    await handlers['tab:clip']({ tabId: 5, topicId: 'gaza' }, {});
    const [stored] = await (await deps.db).getAll('articles');
    await handlers['article:not-about']({ id: stored.id, topicId: 'gaza', notAbout: true }, {});
    expect((await (await deps.db).get('articles', stored.id))?.topicIds).toEqual([]);
    await handlers['article:not-about']({ id: stored.id, topicId: 'gaza', notAbout: false }, {});
    expect((await (await deps.db).get('articles', stored.id))?.topicIds).toEqual(['gaza']);
  });

  it('a clip to the topic by hand takes the verdict back', async () => {
    const { handlers } = setup({ matchArticle: () => [] });
    const saved = await handlers['capture:save']({ article, matches: [match('gaza')] }, from(5));
    await handlers['article:not-about']({ id: saved.articleId, topicId: 'gaza', notAbout: true }, {});
    await handlers['tab:clip']({ tabId: 5, topicId: 'gaza' }, {});
    expect(await handlers['topic:not-about']({ topicId: 'gaza' }, {})).toEqual([]);
  });
});

describe('provenance: a page speaks for its own site only', () => {
  const genuine = { ...article, url: 'https://news.example/story', pageUrl: 'https://news.example/story' };
  const genuineFacts = [{ text: 'Ukraine talks', start: 0, end: 13, score: 1, kind: 'statement' as const }];

  it("refuses a capture naming another site's article, or a page that is not the sending tab's", async () => {
    const { handlers, deps } = setup({ factsFor: () => genuineFacts });
    const { articleId } = await handlers['capture:save'](
      { article: genuine, matches: [match('ukraine')] },
      from(1, genuine.pageUrl),
    );
    const forged = { ...genuine, pageUrl: 'https://evil.example/copy', text: 'Ukraine talks: send funds to 0xabc' };
    // Refusals, which no retry can change: the reply tells the page not to send them again.
    await expect(
      handlers['capture:save']({ article: forged, matches: [match('ukraine')] }, from(2, forged.pageUrl)),
    ).rejects.toThrow(expect.objectContaining({ name: 'Refusal', message: expect.stringMatching(/another site/) }));
    // A page claiming to be the genuine one from another tab's page, and one with no known address.
    await expect(
      handlers['capture:save'](
        { article: { ...genuine, text: 'forged' }, matches: [match('ukraine')] },
        from(2, forged.pageUrl),
      ),
    ).rejects.toThrow(/sending tab/);
    await expect(
      handlers['capture:save']({ article: genuine, matches: [match('ukraine')] }, { tabId: 2 }),
    ).rejects.toThrow(/sending tab/);
    const stored = await (await deps.db).get('articles', articleId);
    expect(stored).toMatchObject({ text: genuine.text, pageUrl: genuine.pageUrl, visits: 1, facts: genuineFacts });
  });

  it('takes a capture from an alias host (www., m., amp.) as the same article', async () => {
    const { handlers, deps } = setup();
    const { articleId } = await handlers['capture:save'](
      { article: genuine, matches: [match('ukraine')] },
      from(1, genuine.pageUrl),
    );
    const amp = { ...genuine, pageUrl: 'https://amp.news.example/story', text: 'Ukraine talks, AMP' };
    const again = await handlers['capture:save']({ article: amp, matches: [match('ukraine')] }, from(1, amp.pageUrl));
    expect(again).toMatchObject({ articleId, created: false });
    expect(await (await deps.db).get('articles', articleId)).toMatchObject({ visits: 2, text: 'Ukraine talks, AMP' });
  });

  it('a clipped page naming another site keeps nothing of that site', async () => {
    const { handlers } = setup({
      extractFromTab: async () => ({ ...genuine, pageUrl: 'https://evil.example/copy' }),
    });
    await expect(handlers['tab:clip']({ tabId: 3, topicId: 'gaza' }, {})).rejects.toThrow(/another site/);
  });

  it("highlight:add, highlight:for-page and facts:for-urls answer for the sender's site only", async () => {
    const { handlers, deps } = setup({ factsFor: () => genuineFacts });
    const { articleId } = await handlers['capture:save'](
      { article: genuine, matches: [match('ukraine')] },
      from(1, genuine.pageUrl),
    );
    expect(await handlers['facts:for-urls']({ urls: [genuine.url] }, from(1, genuine.pageUrl))).toEqual([
      'Ukraine talks',
    ]);
    expect(await handlers['facts:for-urls']({ urls: [genuine.url] }, from(2, 'https://evil.example/x'))).toEqual([]);
    expect(await handlers['facts:for-urls']({ urls: [genuine.url] }, { tabId: 2 })).toEqual([]);

    await expect(
      handlers['highlight:add'](
        { pageUrl: genuine.pageUrl, articleUrl: genuine.url, selectors },
        from(2, 'https://evil.example/x'),
      ),
    ).rejects.toThrow(/sending tab/);
    // Another site's page cannot read this page's highlights, nor can a sender with no address.
    const own = await handlers['highlight:add'](
      { pageUrl: genuine.pageUrl, articleUrl: genuine.url, selectors },
      from(1, genuine.pageUrl),
    );
    expect(await handlers['highlight:for-page']({ pageUrl: genuine.pageUrl }, from(1, genuine.pageUrl))).toEqual([
      { id: own.id, selectors },
    ]);
    for (const sender of [from(2, 'https://evil.example/x'), from(2, 'https://news.example.evil.example/'), {}])
      await expect(handlers['highlight:for-page']({ pageUrl: genuine.pageUrl }, sender)).rejects.toThrow(
        expect.objectContaining({ name: 'Refusal', message: expect.stringMatching(/sending tab/) }),
      );
    // A highlight on another site's page that names the genuine article is filed under its own page instead.
    const { id } = await handlers['highlight:add'](
      { pageUrl: 'https://evil.example/x', articleUrl: genuine.url, selectors },
      from(undefined, 'https://evil.example/x'),
    );
    const highlight = await (await deps.db).get('highlights', id);
    expect(highlight?.articleId).not.toBe(articleId);
    expect(highlight?.pageUrl).toBe('https://evil.example/x');
  });
});

describe('storage failures: visible, retried, undone exactly or said', () => {
  /** Makes every put into the articles store throw as a full disk does, until the returned function is called. */
  function fillTheDisk() {
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    return () => spy.mockRestore();
  }
  const everything = async (deps: BackgroundDeps) => {
    const db = await deps.db;
    return Promise.all([...db.objectStoreNames].map(async (store) => [store, await db.getAll(store)] as const));
  };

  it('a capture whose write fails changes nothing, is listed for the popup, and Retry stores it once', async () => {
    const { handlers, deps } = setup();
    const before = await everything(deps);
    const freeTheDisk = fillTheDisk();
    const captures = ['a', 'b', 'c'].map((path, i) => ({
      article: { ...article, url: `https://n.example/${path}`, title: `Talks ${path}` },
      matches: [match('ukraine')],
      captureId: `capture-${i}-failing`,
    }));
    for (const capture of captures) {
      await expect(handlers['capture:save'](capture, { tabId: 1, url: article.pageUrl })).rejects.toThrow(/quota/);
    }
    // The page retried the first: still one entry for it.
    await expect(handlers['capture:save'](captures[0], { tabId: 1, url: article.pageUrl })).rejects.toThrow(/quota/);
    expect(await everything(deps)).toEqual(before);
    const listed = await handlers['capture:failed']({}, {});
    expect(listed.map((f) => f.title)).toEqual(['Talks b', 'Talks c', 'Talks a']);
    expect(listed[0].error).toMatch(/^QuotaExceededError/);
    // Retry while the disk is still full: nothing stored, nothing lost from the list.
    expect(await handlers['capture:retry-failed']({}, {})).toEqual({ saved: 0, failed: 3 });
    freeTheDisk();
    // The page's own retry of one lands first; the reader's Retry stores the others, that one not again.
    await handlers['capture:save'](captures[1], { tabId: 1, url: article.pageUrl });
    expect(await handlers['capture:failed']({}, {})).toHaveLength(2);
    expect(await handlers['capture:retry-failed']({}, {})).toEqual({ saved: 2, failed: 0 });
    expect(await handlers['capture:failed']({}, {})).toEqual([]);
    const stored = await (await deps.db).getAll('articles');
    expect(stored.map((r) => [r.title, r.visits])).toEqual(
      expect.arrayContaining([
        ['Talks a', 1],
        ['Talks b', 1],
        ['Talks c', 1],
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  it('an undo of a delete that cannot be written says so, and the same undo later writes back exactly what was deleted', async () => {
    const { handlers, deps } = setup();
    const { articleId } = await handlers['capture:save'](
      { article, matches: [match('ukraine'), match('gaza')], captureId: 'capture-undo-1' },
      { tabId: 1, url: article.pageUrl },
    );
    await handlers['article:not-about']({ id: articleId, topicId: 'gaza', notAbout: true }, {});
    const before = await everything(deps);
    const deleted = (await handlers['article:delete']({ id: articleId }, {}))!;
    // What the popup keeps crosses the message boundary: the schema keeps every field of it.
    expect(articleRecordSchema.parse(deleted)).toEqual(deleted);
    const freeTheDisk = fillTheDisk();
    await expect(handlers['article:restore']({ record: deleted }, {})).rejects.toThrow(/quota/);
    expect(await (await deps.db).get('articles', articleId)).toBeUndefined();
    freeTheDisk();
    await handlers['article:restore']({ record: articleRecordSchema.parse(deleted) }, {});
    const after = await everything(deps);
    // Every store as before the delete, but the search queue (the article is queued for indexing again).
    const withoutQueue = (stores: typeof before) => stores.filter(([name]) => name !== 'search-queue');
    expect(withoutQueue(after)).toEqual(withoutQueue(before));
  });

  it('answers that lists are seen without waiting for the badge, which is told', async () => {
    const countsChanged = vi.fn(() => new Promise<void>(() => {}));
    const { handlers } = setup({ countsChanged });
    expect(await handlers['digest:seen']({ lists: ['ukraine'] }, {})).toEqual({ seenBefore: [0] });
    expect(countsChanged).toHaveBeenCalledTimes(1);
  });

  it('reports a badge update that fails, and answers all the same', async () => {
    const failure = new Error('no badge');
    const onBadgeError = vi.fn();
    const { handlers } = setup({ countsChanged: async () => Promise.reject(failure), onBadgeError });
    expect(await handlers['digest:seen']({ lists: ['ukraine'] }, {})).toEqual({ seenBefore: [0] });
    await vi.waitFor(() => expect(onBadgeError).toHaveBeenCalledWith(failure));
  });

  /** An article with everything an undo must give back: two topics and a clip, facts, a highlight with a note, seen lists. */
  async function fullArticle(handlers: ReturnType<typeof setup>['handlers']) {
    const { articleId } = await handlers['capture:save'](
      { article, matches: [match('ukraine'), match('gaza')], captureId: 'capture-undo-full' },
      { tabId: 1, url: article.pageUrl },
    );
    const { id } = await handlers['highlight:add'](
      { pageUrl: article.pageUrl, articleUrl: article.url, selectors },
      { tabId: 1, url: article.pageUrl },
    );
    await handlers['highlight:note']({ id, note: 'worth quoting' }, {});
    await handlers['digest:seen']({ lists: ['ukraine'] }, {});
    return articleId;
  }
  /** Every store but the search queue (the undone article is queued for indexing again: what it indexes is equal). */
  const readerData = async (deps: BackgroundDeps) =>
    (await everything(deps)).filter(([name]) => name !== 'search-queue');

  it('undo of a delete writes back every field, highlight, fact, membership and seen state, byte for byte', async () => {
    let time = 1_000;
    const { handlers, deps } = setup({
      now: () => (time += 1_000),
      factsFor: () => [{ text: 'Ukraine talks', start: 0, end: 13, score: 1, kind: 'statement' as const }],
    });
    const articleId = await fullArticle(handlers);
    const before = await readerData(deps);
    const deleted = (await handlers['article:delete']({ id: articleId }, {}))!;
    expect(await readerData(deps)).not.toEqual(before);
    // As the popup sends it back: through the message schema.
    await handlers['article:restore']({ record: articleRecordSchema.parse(deleted) }, {});
    expect(await readerData(deps)).toEqual(before);
  });

  it('undo of "not about this beat" writes back exactly what was there, topic order and counts included', async () => {
    let time = 1_000;
    const { handlers, deps } = setup({ now: () => (time += 1_000) });
    const articleId = await fullArticle(handlers);
    const before = await readerData(deps);
    for (const topicId of ['ukraine', 'gaza']) {
      // As the popup does: the verdict's answer says the order before; the undo sends it back.
      const { topicIdsBefore } = await handlers['article:not-about']({ id: articleId, topicId, notAbout: true }, {});
      expect(await readerData(deps)).not.toEqual(before);
      await handlers['article:not-about']({ id: articleId, topicId, notAbout: false, order: topicIdsBefore }, {});
      expect(await readerData(deps)).toEqual(before);
    }
  });

  it('an undo of "not about this beat" that cannot be written says so', async () => {
    const { handlers, deps } = setup();
    const { articleId } = await handlers['capture:save'](
      { article, matches: [match('ukraine'), match('gaza')] },
      { tabId: 1, url: article.pageUrl },
    );
    await handlers['article:not-about']({ id: articleId, topicId: 'gaza', notAbout: true }, {});
    const taken = await (await deps.db).get('articles', articleId);
    const freeTheDisk = fillTheDisk();
    await expect(
      handlers['article:not-about']({ id: articleId, topicId: 'gaza', notAbout: false }, {}),
    ).rejects.toThrow(/quota/);
    expect(await (await deps.db).get('articles', articleId)).toEqual(taken);
    freeTheDisk();
    expect(await handlers['article:not-about']({ id: articleId, topicId: 'gaza', notAbout: false }, {})).toMatchObject({
      topicIds: ['ukraine', 'gaza'],
    });
  });
});
