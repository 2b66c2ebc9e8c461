// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createArticleWatcher } from '@/lib/page/article-watcher';
import { detectArticle } from '@/lib/extract/gate';
import type { Capture, Topic } from '@/lib/schema';

const PAGES = join(__dirname, '../../fixtures/pages');
const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, file), 'utf8'), 'text/html');
const topic = (id: string, query: string): Topic => ({ id, name: id, query, createdAt: 1 });

function watch(doc: Document, topics: Topic[]) {
  const sent: Capture[] = [];
  const watcher = createArticleWatcher({
    doc,
    currentUrl: () => 'http://127.0.0.1/seed.html',
    loadTopics: vi.fn(async () => topics),
    send: async (capture) => void sent.push(capture),
    idle: async () => {},
  });
  return { watcher, sent };
}

describe('createArticleWatcher', () => {
  it('sends each matching article once, however often the page is scanned', async () => {
    const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
    const { watcher, sent } = watch(doc, [topic('gaza', 'غزة')]);
    expect(detectArticle(doc).likely).toBe(true);
    await watcher.scan();
    await watcher.scan();
    expect(sent.map((c) => c.article.title)).toEqual(['ألمانيا لن تشارك في قوة استقرار بغزة «في المستقبل المنظور»']);
    expect(sent[0].matches[0].topicId).toBe('gaza');
  });

  it('picks up an article appended later, and re-matches known articles when topics change', async () => {
    const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
    const appended = [...doc.querySelectorAll('article.appended')];
    appended.forEach((a) => a.remove());
    const { watcher, sent } = watch(doc, [topic('gaza', 'غزة')]);
    expect(await watcher.scan()).toEqual([]);
    doc.body.append(appended[1]);
    performance.clearMeasures();
    expect((await watcher.scan()).map((c) => c.matches[0].topicId)).toEqual(['gaza']);
    // Only the new article is extracted (copied, then parsed): the page's own is not extracted again.
    expect(performance.getEntriesByName('beatwatch:extract')).toHaveLength(2);
    const retopic = await watcher.retopic([topic('istanbul', 'إسطنبول')]);
    expect(retopic.map((c) => c.article.title)).toEqual(['لقاء روسي - أوكراني غير مُعلن سبق مفاوضات إسطنبول']);
    expect(sent).toHaveLength(2);
  });

  it('waits for an idle period before every task: planning, each share of each article, the tokenizer, each match', async () => {
    const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
    performance.clearMeasures();
    const ours = () => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('beatwatch:'));
    // How many tasks had run (each leaves a User Timing entry) whenever the watcher waited for an idle period.
    const tasksBeforeIdle: number[] = [];
    const watcher = createArticleWatcher({
      doc,
      currentUrl: () => 'http://127.0.0.1/seed.html',
      loadTopics: async () => [topic('ukraine', 'أوكرانيا')],
      send: async () => {},
      idle: async () => void tasksBeforeIdle.push(ours().length),
    });
    await watcher.scan();
    const names = ours().map((m) => m.name);
    expect(names[0]).toBe('beatwatch:plan');
    // Four articles, each copied then parsed: eight extraction tasks.
    expect(names.filter((n) => n === 'beatwatch:extract')).toHaveLength(8);
    expect(names).toContain('beatwatch:prepare');
    expect(names.filter((n) => n === 'beatwatch:match')).toHaveLength(4);
    // One wait before each task, never two tasks in one go.
    expect(tasksBeforeIdle).toEqual(names.map((_, i) => i));
  });

  it('a section front does not pass the gate, so the extractor is never loaded there', () => {
    expect(detectArticle(load('front--world-news-daily--world-section.html')).likely).toBe(false);
  });
});
