// The extractor's state machine (the gate already passed): extract → match → send, then again
// for articles the site appends or swaps in later. Each article is extracted once and each
// (article, topics) result sent until the background acknowledged it, however often the page mutates.
import { finishExtraction, planExtraction } from '../extract/article';
import type { Capture, ExtractedArticle } from '../schema';
import type { CaptureOutbox } from './capture-outbox';
import { prepareTokenizer } from '../text/tokenize';
import { compileTopics, type CompiledTopics, type TopicInput } from '../topics/compile';
import { matchTopics } from '../topics/match';

export interface WatcherDeps {
  doc: Document;
  currentUrl: () => string;
  loadTopics: () => Promise<TopicInput[]>;
  /** Sends each capture on its own, retried until the background acknowledges it (lib/page/capture-outbox.ts). */
  outbox: Pick<CaptureOutbox, 'put'>;
  /** Resolves in the page's next idle period: each article is extracted in a task of its own. */
  idle: () => Promise<void>;
}

export interface ArticleWatcher {
  /** Looks for (new) articles on the page and sends the matching ones. Returns the captures acknowledged. */
  scan(): Promise<Capture[]>;
  /** Topics changed: match the articles already extracted again. */
  retopic(topics: TopicInput[]): Promise<Capture[]>;
}

/** Runs one task's work with a User Timing entry: DevTools (and npm run bench:page) see each task's cost. */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start });
  }
}

export function createArticleWatcher(deps: WatcherDeps): ArticleWatcher {
  const extracted = new Map<string, ExtractedArticle>();
  /** What each planned article (by PlannedArticle.key) came out as. */
  const byPlanKey = new Map<string, ExtractedArticle>();
  const sent = new Set<string>();
  let compiled: CompiledTopics | null = null;
  let lastShape = '';

  // Live collections: their length is kept by the browser, so reading it after every burst of mutations is cheap.
  const headlines = ['h1', 'h2', 'h3'].map((tag) => deps.doc.getElementsByTagName(tag));
  const paragraphs = deps.doc.getElementsByTagName('p');
  const marked = deps.doc.getElementsByTagName('article');

  /**
   * Cheap: the address and counts that grow when an article arrives, whatever its markup (articles are found by
   * structure — a headline with prose — not by tag: see lib/extract/article-blocks.ts). A story appended in a
   * div.post, a div[data-url] or a section adds a headline; a body filled in late adds paragraphs. Unchanged means
   * nothing new to extract.
   */
  function pageShape(): string {
    const headlineCount = headlines.reduce((sum, list) => sum + list.length, 0);
    return `${deps.currentUrl()}|${marked.length}|${headlineCount}|${paragraphs.length}`;
  }

  async function topics(): Promise<CompiledTopics> {
    compiled ??= compileTopics(await deps.loadTopics());
    return compiled;
  }

  async function sendMatches(articles: ExtractedArticle[]): Promise<Capture[]> {
    const index = await topics();
    await deps.idle();
    measured('beatwatch:prepare', prepareTokenizer);
    const deliveries: Promise<Capture | null>[] = [];
    for (const article of articles) {
      await deps.idle();
      const matches = measured('beatwatch:match', () => matchTopics(article, index));
      if (matches.length === 0) continue;
      const key = `${article.url}\n${matches
        .map((m) => m.topicId)
        .sort()
        .join(',')}`;
      if (sent.has(key)) continue;
      // Sent only once acknowledged: one that was given up on is tried again by a later scan or retopic. Each goes
      // on its own, so a failure never holds back (or ends) the page's other articles.
      deliveries.push(
        deps.outbox.put(key, { article, matches }).then((result) => {
          // A refused capture is settled too: sent again as is, it would only be refused again.
          if (result.ok === false && result.refused) sent.add(key);
          if (!result.ok) return null;
          sent.add(key);
          return { article, matches };
        }),
      );
    }
    return (await Promise.all(deliveries)).filter((capture): capture is Capture => capture !== null);
  }

  return {
    async scan() {
      const shape = pageShape();
      if (shape === lastShape) return [];
      lastShape = shape;
      const fresh: ExtractedArticle[] = [];
      const results: (ExtractedArticle | null)[] = [];
      // Planning (finding the article blocks) gets an idle period of its own too: run at once, it would land in
      // the task that evaluates the extractor's script, already the longest Beatwatch task on a page.
      await deps.idle();
      const plan = measured('beatwatch:plan', () => planExtraction(deps.doc, deps.currentUrl()));
      for (const { key, step } of plan) {
        // Articles extracted by an earlier scan are not extracted again (a page that appends its tenth article
        // would otherwise pay for all ten). One that came out empty, perhaps still loading, gets another try.
        let result = byPlanKey.get(key) ?? null;
        if (!result) {
          await deps.idle();
          let share = measured('beatwatch:extract', step);
          while (typeof share === 'function') {
            const next = share;
            await deps.idle();
            share = measured('beatwatch:extract', next);
          }
          result = share;
          if (result) byPlanKey.set(key, result);
        }
        results.push(result);
      }
      for (const article of finishExtraction(results)) {
        const key = `${article.url}\n${article.title}`;
        if (extracted.has(key)) continue;
        extracted.set(key, article);
        fresh.push(article);
      }
      return fresh.length ? sendMatches(fresh) : [];
    },

    async retopic(newTopics) {
      compiled = compileTopics(newTopics);
      return sendMatches([...extracted.values()]);
    },
  };
}
