// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createArticleWatcher } from '@/lib/page/article-watcher';
import { createCaptureOutbox, type IdentifiedCapture } from '@/lib/page/capture-outbox';
import { detectArticle } from '@/lib/extract/gate';
import type { Capture, Topic } from '@/lib/schema';
import { RefusedError } from '@/lib/messaging/envelope';

const PAGES = join(__dirname, '../../fixtures/pages');
const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, file), 'utf8'), 'text/html');
const topic = (id: string, query: string): Topic => ({ id, name: id, query, createdAt: 1 });

let ids = 0;
/** An outbox that retries at once (no real waits), over the given send. */
const outboxOver = (send: (capture: IdentifiedCapture) => Promise<unknown>) =>
  createCaptureOutbox({
    send,
    sleep: async () => {},
    newId: () => `capture-${++ids}`,
    backoff: { baseMs: 500, capMs: 8000, maxAttempts: 3, maxUnansweredAttempts: 3 },
  });

function watch(doc: Document, topics: Topic[], send?: (capture: IdentifiedCapture) => Promise<unknown>) {
  const sent: Capture[] = [];
  const watcher = createArticleWatcher({
    doc,
    currentUrl: () => 'http://127.0.0.1/seed.html',
    loadTopics: vi.fn(async () => topics),
    outbox: outboxOver(send ?? (async (capture) => void sent.push(capture))),
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

  it('sends each article on its own: one that keeps failing neither stops nor hides the others, and is tried again later', async () => {
    const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
    const attempts = new Map<string, number>();
    const acknowledged: IdentifiedCapture[] = [];
    let refuse: string | null = null;
    const { watcher } = watch(doc, [topic('ukraine', 'أوكرانيا')], async (capture) => {
      attempts.set(capture.article.title, (attempts.get(capture.article.title) ?? 0) + 1);
      // The first article the page sends is refused every time, as a worker stopped on each try would.
      refuse ??= capture.article.title;
      if (capture.article.title === refuse) throw new Error('The message port closed before a response was received.');
      acknowledged.push(capture);
    });
    const first = await watcher.scan();
    // Three of the page's four articles name Ukraine: the two after the refused one still go through.
    expect(attempts.size).toBe(3);
    expect(first).toHaveLength(2);
    expect(acknowledged.map((c) => c.article.title)).toEqual(first.map((c) => c.article.title));
    expect(first.map((c) => c.article.title)).not.toContain(refuse);
    // Bounded: three attempts for the refused one, one for each of the others.
    expect(attempts.get(refuse!)).toBe(3);
    expect([...attempts.values()].filter((n) => n === 1)).toHaveLength(2);
    // Not marked as sent: the next retopic sends it again (and only it, the others were acknowledged).
    const refused = refuse;
    refuse = 'none';
    const again = await watcher.retopic([topic('ukraine', 'أوكرانيا')]);
    expect(again.map((c) => c.article.title)).toEqual([refused]);
  });

  it('sends a refused article once: neither retried nor sent again by a later scan of the same topics', async () => {
    const doc = load('article--asharq-al-awsat--russia-ukraine-istanbul.html');
    const attempts = new Map<string, number>();
    let refused: string | null = null;
    const { watcher } = watch(doc, [topic('ukraine', 'أوكرانيا')], async (capture) => {
      attempts.set(capture.article.title, (attempts.get(capture.article.title) ?? 0) + 1);
      // The background's provenance check says no to the first article, for good.
      refused ??= capture.article.title;
      if (capture.article.title === refused) throw new RefusedError('capture refused: the article is on another site');
    });
    const first = await watcher.scan();
    expect(first).toHaveLength(2);
    expect(attempts.get(refused!)).toBe(1);
    const again = await watcher.retopic([topic('ukraine', 'أوكرانيا')]);
    expect(again).toEqual([]);
    expect(attempts.get(refused!)).toBe(1);
    expect([...attempts.values()]).toEqual([1, 1, 1]);
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
      outbox: outboxOver(async () => {}),
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

  describe('a story appended in markup that is not <article> is extracted too', () => {
    const prose = (topic: string) =>
      Array.from(
        { length: 5 },
        (_, i) =>
          `<p>Officials described the ${topic} in detail on day ${i + 1}, and residents asked many questions afterwards at the hall.</p>`,
      ).join('');
    // Each style's block for one story, after the public templates of the systems named (see tests/fixtures/pages).
    const styles: Record<string, (n: number, title: string, topic: string) => string> = {
      'WordPress div.post': (n, title, topic) =>
        `<div id="post-${n}" class="post type-post status-publish hentry"><h2 class="entry-title">${title}</h2><div class="entry-content">${prose(topic)}</div></div>`,
      'Drupal div[data-url]': (n, title, topic) =>
        `<div class="node node--type-article" data-url="/news/story-${n}"><h2 class="node__title">${title}</h2><div class="node__content">${prose(topic)}</div></div>`,
      'section[data-article-id]': (n, title, topic) =>
        `<section class="story-stream-item" data-article-id="story-${n}"><h2 class="story-headline">${title}</h2><div>${prose(topic)}</div></section>`,
      'generated class names': (n, title, topic) =>
        `<div class="ArticleLayout_container__x7Kq2 css-1n${n}x9q"><h2 class="Headline_title__Pq81z">${title}</h2><div class="css-9zr2kd">${prose(topic)}</div></div>`,
    };

    for (const [style, block] of Object.entries(styles)) {
      it(style, async () => {
        const doc = new DOMParser().parseFromString(
          `<html lang="en"><head><title>Harbour plan approved | Courier</title><meta property="og:title" content="Harbour plan approved"></head><body><main id="stream">${block(1, 'Harbour plan approved', 'harbour plan')}</main></body></html>`,
          'text/html',
        );
        const { watcher, sent } = watch(doc, [topic('city', 'officials')]);
        await watcher.scan();
        expect(sent.map((c) => c.article.title)).toEqual(['Harbour plan approved']);
        // The reader scrolls: the site appends the next story in the same template.
        const next = new DOMParser().parseFromString(
          block(2, 'Bridge repairs delayed again', 'bridge repairs'),
          'text/html',
        );
        doc.getElementById('stream')!.append(...next.body.childNodes);
        await watcher.scan();
        expect(sent.map((c) => c.article.title)).toEqual(['Harbour plan approved', 'Bridge repairs delayed again']);
        expect(sent[1].article.text).toContain('bridge repairs');
        expect(sent[1].article.text).not.toContain('harbour plan');
        expect(sent[1].article.url).not.toBe(sent[0].article.url);
      });
    }
  });
});
