import { listKeysFor } from '@/lib/db/article-lists';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { memoryArea, TabTopics } from '@/lib/background/tab-topics';
import { collectContents } from '@/lib/backup/collect';
import { createBackup, type Backup } from '@/lib/backup/format';
import { openDatabase, type Database } from '@/lib/db/database';
import { DB_VERSION } from '@/lib/db/migrations';
import type { Topic } from '@/lib/schema';
import { arabicArticle, article, highlight, topics } from '../backup/records';

let n = 0;
function setup(initialTopics: Topic[] = []) {
  let stored = initialTopics;
  const deps: BackgroundDeps = {
    db: openDatabase(`backup-handlers-${++n}`),
    loadTopics: async () => stored,
    saveTopics: vi.fn(async (next: Topic[]) => {
      stored = next;
    }),
    tabTopics: new TabTopics(memoryArea()),
    setBadge: async () => {},
    injectExtractor: async () => {},
    extractFromTab: async () => null,
    highlightSelectionIn: async () => ({ added: false }),
    markFactsIn: async () => ({ marked: 0 }),
    matchArticle: () => [],
    factsFor: () => [],
  };
  const handlers = createBackgroundHandlers(deps);
  const backUp = async () =>
    createBackup(
      await collectContents({
        topics: async () => stored,
        articles: async (after, limit) => handlers['backup:articles']({ after, limit }, {}),
        highlights: async (after, limit) => handlers['backup:highlights']({ after, limit }, {}),
      }),
      DB_VERSION,
      new Date('2026-12-01T00:00:00Z'),
    );
  return { deps, handlers, backUp, topics: () => stored };
}

async function snapshot(db: Database) {
  return { articles: await db.getAll('articles'), highlights: await db.getAll('highlights') };
}

const sample = (): Backup =>
  createBackup(
    { topics, articles: [article(), arabicArticle()], highlights: [highlight()] },
    DB_VERSION,
    new Date('2026-12-01T00:00:00Z'),
  );

describe('backup and restore through the background', () => {
  it('previews without writing, then restores; a second restore changes nothing', async () => {
    const { deps, handlers, topics: current } = setup([topics[0]]);
    const db = await deps.db;
    const preview = await handlers['backup:preview']({ backup: sample() }, {});
    expect(preview).toEqual({
      topics: { total: 2, new: 1, present: 1, updated: 0 },
      articles: { total: 2, new: 2, present: 0, updated: 0 },
      highlights: { total: 1, new: 1, present: 0, updated: 0 },
    });
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
    expect(deps.saveTopics).not.toHaveBeenCalled();

    await handlers['backup:restore']({ backup: sample() }, {});
    const once = await snapshot(db);
    expect(once.articles.map((a) => a.title).sort()).toEqual([arabicArticle().title, article().title].sort());
    expect(once.highlights).toEqual([highlight()]);
    expect(current()).toEqual(topics);

    const again = await handlers['backup:restore']({ backup: sample() }, {});
    expect(again.articles).toEqual({ total: 2, new: 0, present: 2, updated: 0 });
    expect(again.highlights).toEqual({ total: 1, new: 0, present: 1, updated: 0 });
    expect(await snapshot(db)).toEqual(once);
    expect(deps.saveTopics).toHaveBeenCalledTimes(1);
  });

  it('backs up in pages and restores into an empty profile as an identical database', async () => {
    const source = setup();
    const many = Array.from({ length: 503 }, (_, i) =>
      article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    await source.handlers['backup:restore']({ backup: { ...sample(), articles: many } }, {});
    const file = await source.backUp();
    expect(file.articles).toHaveLength(503);
    expect(file.topics).toEqual(topics);

    const target = setup();
    const summary = await target.handlers['backup:restore']({ backup: JSON.parse(JSON.stringify(file)) as Backup }, {});
    expect(summary.articles.new).toBe(503);
    expect(await snapshot(await target.deps.db)).toEqual(await snapshot(await source.deps.db));
    expect(await target.backUp()).toEqual(file);
  });

  it('keeps the newer copy of what is already there', async () => {
    const { deps, handlers } = setup(topics);
    const db = await deps.db;
    const mine = article({ topicIds: ['gaza'], lastSeenAt: 1 });
    await db.put('articles', { ...mine, listKeys: listKeysFor(mine) });
    await db.put('highlights', highlight({ note: 'newer, mine', updatedAt: 9_999_999_999_999 }));
    const summary = await handlers['backup:restore']({ backup: sample() }, {});
    expect(summary.articles).toEqual({ total: 2, new: 1, present: 1, updated: 1 });
    expect(summary.highlights).toEqual({ total: 1, new: 0, present: 1, updated: 0 });
    expect((await db.get('articles', article().id))?.topicIds).toEqual(['gaza', 'ukraine-talks']);
    expect((await db.get('highlights', highlight().id))?.note).toBe('newer, mine');
  });

  it('refuses a bad backup with the reason and writes nothing', async () => {
    const { deps, handlers } = setup();
    const db = await deps.db;
    const duplicated = { ...sample(), articles: [article(), article()] };
    await expect(handlers['backup:restore']({ backup: duplicated }, {})).rejects.toThrow(
      /Article 2: the id .* twice\. Nothing was restored/,
    );
    const newer = { ...sample(), dbVersion: DB_VERSION + 1 };
    await expect(handlers['backup:restore']({ backup: newer }, {})).rejects.toThrow(/newer Beatwatch/);
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
    expect(deps.saveTopics).not.toHaveBeenCalled();
  });

  it('refuses a restore that would pass the topic limit, before writing anything', async () => {
    const mine = Array.from({ length: 999 }, (_, i) => ({ id: `t-${i}`, name: `T${i}`, query: 'x', createdAt: 1 }));
    const { deps, handlers } = setup(mine);
    await expect(handlers['backup:restore']({ backup: sample() }, {})).rejects.toThrow(/1001 topics/);
    expect(await snapshot(await deps.db)).toEqual({ articles: [], highlights: [] });
  });
});
