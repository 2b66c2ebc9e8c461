// @vitest-environment happy-dom
// One article identity, end to end in one process: the article the extractor stores, the article a highlight in its
// block is filed under, and the article "mark facts" asks for are one record, also for an appended story that
// declares no address of its own (it is told apart by a synthetic #article-… fragment).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { memoryArea, TabTopics } from '@/lib/background/tab-topics';
import { openDatabase } from '@/lib/db/database';
import { extractArticles } from '@/lib/extract/article';
import { createHighlighter } from '@/lib/page/highlighter';
import type { Topic } from '@/lib/schema';

const PAGE_URL = 'https://n.example/news/harbour-plan?utm_source=feed';
const prose = (topic: string) =>
  `<p>${`Officials described the ${topic} in detail on Tuesday, and residents asked many questions afterwards. `.repeat(6)}</p>`;
// A WordPress news theme's appended posts: the same div.post template, the later ones without any address.
const post = (title: string, topic: string) =>
  `<div class="post type-post"><h2 class="entry-title">${title}</h2><div class="entry-content">${prose(topic)}${prose(`${topic} budget`)}</div></div>`;
const HTML = `<html lang="en"><head><title>Harbour plan approved | Courier</title>
  <link rel="canonical" href="https://n.example/news/harbour-plan"></head><body><main>${
    post('Harbour plan approved', 'harbour plan') + post('Bridge repairs delayed again', 'bridge repairs')
  }</main></body></html>`;

const topics: Topic[] = [{ id: 'city', name: 'City', query: 'officials', createdAt: 1 }];

function selectIn(text: string) {
  const p = [...document.querySelectorAll('p')].find((el) => el.textContent.includes(text))!;
  const node = p.firstChild!;
  const at = node.nodeValue!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('one article identity', () => {
  it('a capture, a highlight and "mark facts" name an appended story without an address alike', async () => {
    const parsed = new DOMParser().parseFromString(HTML, 'text/html');
    document.head.replaceChildren(...parsed.head.childNodes);
    document.body.replaceChildren(...parsed.body.childNodes);
    const articles = extractArticles(document, PAGE_URL);
    expect(articles.map((a) => a.title)).toEqual(['Harbour plan approved', 'Bridge repairs delayed again']);
    const appended = articles[1];
    expect(appended.url).toMatch(/^https:\/\/n\.example\/news\/harbour-plan#article-[a-z0-9]+$/);

    const deps = {
      db: openDatabase('article-identity'),
      loadTopics: async () => topics,
      saveTopics: vi.fn(async () => {}),
      tabTopics: new TabTopics(memoryArea()),
      setBadge: vi.fn(async () => {}),
      injectExtractor: vi.fn(async () => {}),
      // Were the highlight's article not found, the handler would clip the page's own article instead.
      extractFromTab: async () => articles[0],
      highlightSelectionIn: vi.fn(async () => ({ added: true })),
      markFactsIn: vi.fn(async () => ({ marked: 0 })),
      matchArticle: () => [],
      factsFor: (a: { title: string }) => [
        { text: `${a.title} is a fact.`, start: 0, end: 5, score: 1, kind: 'statement' as const },
      ],
      now: () => 1000,
    };
    const handlers = createBackgroundHandlers(deps);
    const match = { topicId: 'city', score: 1, mentions: 1, hits: [] };
    const saved: { articleId: string }[] = [];
    for (const article of articles)
      saved.push(await handlers['capture:save']({ article, matches: [match] }, { tabId: 1, url: PAGE_URL }));
    expect(saved[1].articleId).not.toBe(saved[0].articleId);

    const asked: string[][] = [];
    const highlighter = createHighlighter({
      doc: document,
      pageUrl: () => PAGE_URL,
      painter: { paint: () => {} },
      add: async (payload) => handlers['highlight:add'](payload, { tabId: 1, url: PAGE_URL }),
      forPage: async () => [],
      reportPlacement: async () => {},
      factsFor: async (urls) => {
        asked.push(urls);
        return handlers['facts:for-urls']({ urls }, { url: PAGE_URL });
      },
    });

    selectIn('bridge repairs budget in detail');
    await highlighter.highlightSelection();
    selectIn('harbour plan in detail');
    await highlighter.highlightSelection();
    const highlights = await (await deps.db).getAll('highlights');
    const byText = new Map(highlights.map((h) => [h.selectors[0].exact, h.articleId]));
    expect(byText.get('bridge repairs budget in detail')).toBe(saved[1].articleId);
    expect(byText.get('harbour plan in detail')).toBe(saved[0].articleId);

    await highlighter.markFacts(true);
    expect(asked[0]).toEqual(articles.map((a) => a.url));
    expect(await handlers['facts:for-urls']({ urls: asked[0] }, { url: PAGE_URL })).toEqual([
      'Harbour plan approved is a fact.',
      'Bridge repairs delayed again is a fact.',
    ]);
  });
});
