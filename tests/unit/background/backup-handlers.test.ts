import { listKeysFor } from '@/lib/db/article-lists';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { memoryArea, TabTopics } from '@/lib/background/tab-topics';
import { writeBackup } from '@/lib/backup/backup-writer';
import { collectHighlights, type RecordSource } from '@/lib/backup/collect';
import { createBackup, type Backup } from '@/lib/backup/format';
import { stageBackup, type RestoreSender, type StagedRestore } from '@/lib/backup/restore-upload';
import { answeredProblem } from '@/lib/backup/answered-problem';
import { backupErrorWords } from '@/lib/i18n/messages';
import { unwrapReply } from '@/lib/messaging/envelope';
import { classifySender, createReceiver, envelope } from '@/lib/messaging/protocol';
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
  const source: RecordSource = {
    topics: async () => stored,
    articles: async (after, limit) => handlers['backup:articles']({ after, limit }, {}),
    highlights: async (after, limit) => handlers['backup:highlights']({ after, limit }, {}),
  };
  /** The backup file as the options page writes it: its text in the parts handed out, and the counts. */
  const backUpText = async () => {
    const parts: string[] = [];
    const counts = await writeBackup(source, DB_VERSION, new Date('2026-12-01T00:00:00Z'), (text) => {
      parts.push(text);
    });
    return { parts, text: parts.join(''), counts };
  };
  const backUp = async () => JSON.parse((await backUpText()).text) as Backup;
  // Every message crosses the protocol's receiver, so its payload is checked by the same schemas as in the extension.
  const receive = createReceiver('background', handlers, (sender) =>
    classifySender(sender, 'ext', 'chrome-extension://ext/'),
  );
  const fromOptions = { id: 'ext', url: 'chrome-extension://ext/options.html' };
  const send = (async (type: never, payload: never) =>
    unwrapReply(await receive(envelope(type, payload), fromOptions))) as unknown as RestoreSender;
  /** Reads the file in parts of `partBytes` and stages it: the options page's side of a restore. */
  const stage = (file: Backup | string, partBytes = 300) =>
    stageBackup(streamOf(typeof file === 'string' ? file : JSON.stringify(file), 97), send, {
      dbVersion: DB_VERSION,
      batchBytes: partBytes,
    });
  const commit = (staged: StagedRestore) => send('restore:commit', { restoreId: staged.restoreId });
  const restore = async (file: Backup | string) => commit(await stage(file));
  return { deps, handlers, source, backUp, backUpText, send, stage, commit, restore, topics: () => stored };
}

/** The file's bytes in chunks of `size`, as File.stream() hands them out. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
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
    const { deps, stage, commit, restore, topics: current } = setup([topics[0]]);
    const db = await deps.db;
    const staged = await stage(sample());
    expect(staged.summary).toEqual({
      topics: { total: 2, new: 1, present: 1, updated: 0 },
      articles: { total: 2, new: 2, present: 0, updated: 0 },
      highlights: { total: 1, new: 1, present: 0, updated: 0 },
    });
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
    expect(deps.saveTopics).not.toHaveBeenCalled();

    await commit(staged);
    const once = await snapshot(db);
    expect(once.articles.map((a) => a.title).sort()).toEqual([arabicArticle().title, article().title].sort());
    expect(once.highlights).toEqual([highlight()]);
    expect(current()).toEqual(topics);
    expect(await db.count('restore-staging')).toBe(0);

    const again = await restore(sample());
    expect(again.articles).toEqual({ total: 2, new: 0, present: 2, updated: 0 });
    expect(again.highlights).toEqual({ total: 1, new: 0, present: 1, updated: 0 });
    expect(await snapshot(db)).toEqual(once);
    expect(deps.saveTopics).toHaveBeenCalledTimes(1);
  });

  it('backs up in pages and restores, sent in many parts, into an empty profile as an identical database', async () => {
    const source = setup();
    const many = Array.from({ length: 503 }, (_, i) =>
      article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    await source.restore({ ...sample(), articles: many });
    const file = await source.backUp();
    expect(file.articles).toHaveLength(503);
    expect(file.topics).toEqual(topics);

    const target = setup();
    const sent: number[] = [];
    const counting = (async (type: never, payload: never) => {
      if (type === 'restore:part') sent.push((payload as { articles: unknown[] }).articles.length);
      return target.send(type, payload);
    }) as unknown as RestoreSender;
    const staged = await stageBackup(streamOf(JSON.stringify(file), 4096), counting, {
      dbVersion: DB_VERSION,
      batchBytes: 20_000,
    });
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.reduce((a, b) => a + b)).toBe(503);
    const summary = await target.commit(staged);
    expect(summary.articles.new).toBe(503);
    expect(await snapshot(await target.deps.db)).toEqual(await snapshot(await source.deps.db));
    expect(await target.backUp()).toEqual(file);
  });

  it('writes the backup a page at a time, byte for byte the JSON of the whole, and it restores identically', async () => {
    const from = setup();
    // Three pages of articles and two of highlights, with text that could confuse a writer that splices JSON.
    const hostileTopic = { ...topics[0], name: 'قمة "غزة" ,"articles":[] \u202e\n' };
    const many = Array.from({ length: 1_203 }, (_, i) =>
      (i % 5 ? article : arabicArticle)({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    const marks = Array.from({ length: 620 }, (_, i) =>
      highlight({
        id: `h-11111111-2222-3333-4444-${String(i).padStart(12, '0')}`,
        articleId: many[i].id,
        note: `note ${i} ]}"\u2028`,
      }),
    );
    await from.restore({ ...sample(), topics: [hostileTopic, topics[1]], articles: many, highlights: marks });

    const { parts, text, counts } = await from.backUpText();
    expect(counts).toEqual({ topics: 2, articles: 1_203, highlights: 620 });
    // A header, 3 pages of articles, the separator, 2 pages of highlights, the end.
    expect(parts.length).toBe(8);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(text.length / 2);
    const db = await from.deps.db;
    const whole = createBackup(
      {
        topics: from.topics(),
        articles: (await from.handlers['backup:articles']({ limit: 5_000 }, {})).records,
        highlights: await collectHighlights(from.source),
      },
      DB_VERSION,
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(whole.articles).toHaveLength(1_203);
    expect(text).toBe(JSON.stringify(whole));

    const to = setup();
    const summary = await to.restore(text);
    expect(summary.articles.new).toBe(1_203);
    expect(summary.highlights.new).toBe(620);
    expect(await snapshot(await to.deps.db)).toEqual(await snapshot(db));
    expect(to.topics()).toEqual(from.topics());
    expect((await to.backUpText()).text).toBe(text);
  });

  it('writes an empty profile as a valid, empty backup', async () => {
    const { backUpText, stage } = setup();
    const { text, counts } = await backUpText();
    expect(counts).toEqual({ topics: 0, articles: 0, highlights: 0 });
    expect(text).toBe(
      JSON.stringify(
        createBackup({ topics: [], articles: [], highlights: [] }, DB_VERSION, new Date('2026-12-01T00:00:00Z')),
      ),
    );
    expect((await stage(text)).summary.articles.total).toBe(0);
  });

  it('keeps the newer copy of what is already there', async () => {
    const { deps, restore } = setup(topics);
    const db = await deps.db;
    const mine = article({ topicIds: ['gaza'], lastSeenAt: 1 });
    await db.put('articles', { ...mine, listKeys: listKeysFor(mine) });
    await db.put('highlights', highlight({ note: 'newer, mine', updatedAt: 9_999_999_999_999 }));
    const summary = await restore(sample());
    expect(summary.articles).toEqual({ total: 2, new: 1, present: 1, updated: 1 });
    expect(summary.highlights).toEqual({ total: 1, new: 0, present: 1, updated: 0 });
    expect((await db.get('articles', article().id))?.topicIds).toEqual(['gaza', 'ukraine-talks']);
    expect((await db.get('highlights', highlight().id))?.note).toBe('newer, mine');
  });

  it('refuses a bad file at its first bad record, after parts were sent, and keeps nothing of it', async () => {
    const { deps, stage } = setup();
    const db = await deps.db;
    const many = Array.from({ length: 40 }, (_, i) =>
      article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    const bad = { ...sample(), articles: [...many, article({ id: many[3].id }), ...many.slice(10)] };
    await expect(stage(bad)).rejects.toThrow(/^Article 41: the id .* twice\. Nothing was restored/);
    const hostile = { ...sample(), articles: [...many, { ...article({ id: 'f'.repeat(32) }), url: 'javascript:1' }] };
    await expect(stage(hostile)).rejects.toThrow(/^Article 41 \(“Talks resume in Istanbul”, “f+”\): url: /);
    const text = JSON.stringify({ ...sample(), articles: many });
    await expect(stage(text.slice(0, text.length - 200))).rejects.toThrow(/not JSON: it may be cut short/);
    await expect(stage({ ...sample(), dbVersion: DB_VERSION + 1 })).rejects.toThrow(/newer Beatwatch/);
    await expect(stage('{"format":"something-else","articles":[]}')).rejects.toThrow(/not a Beatwatch backup/);
    await expect(stage('[1,2,3]')).rejects.toThrow(/not a Beatwatch backup/);
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
    expect(await db.count('restore-staging')).toBe(0);
    expect(deps.saveTopics).not.toHaveBeenCalled();
  });

  it('refuses parts the background did not ask for: out of order, duplicated across parts, or too few', async () => {
    const { deps, send } = setup();
    const db = await deps.db;
    const { restoreId } = await send('restore:begin', {});
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [] });
    await expect(send('restore:part', { restoreId, part: 2, articles: [], highlights: [] })).rejects.toThrow(
      /Part 3 of the backup arrived instead of part 2/,
    );
    // The refusal threw the restore away: its parts are gone, and it can go no further.
    expect(await db.count('restore-staging')).toBe(0);
    await expect(send('restore:commit', { restoreId })).rejects.toThrow(/stopped or replaced/);

    // An id sent again in a later part is found once the last part has arrived, before anything is counted.
    const second = (await send('restore:begin', {})).restoreId;
    await send('restore:part', { restoreId: second, part: 0, articles: [article()], highlights: [] });
    await send('restore:part', { restoreId: second, part: 1, articles: [arabicArticle(), article()], highlights: [] });
    await expect(
      send('restore:preview', { restoreId: second, parts: 2, articles: 3, highlights: 0, topics: [] }),
    ).rejects.toThrow(/Article 3: the id .* appears twice/);
    expect(await db.count('restore-staging')).toBe(0);
    await expect(send('restore:commit', { restoreId: second })).rejects.toThrow(/stopped or replaced/);
    // Twice in one part: refused at once.
    const inPart = (await send('restore:begin', {})).restoreId;
    await expect(
      send('restore:part', { restoreId: inPart, part: 0, articles: [], highlights: [highlight(), highlight()] }),
    ).rejects.toThrow(/Highlight 2: the id .* appears twice/);

    const third = (await send('restore:begin', {})).restoreId;
    await send('restore:part', { restoreId: third, part: 0, articles: [article()], highlights: [] });
    await expect(
      send('restore:preview', { restoreId: third, parts: 1, articles: 2, highlights: 0, topics: [] }),
    ).rejects.toThrow(/Only part of the backup arrived \(1 of 2 articles/);
    await expect(send('restore:commit', { restoreId: third })).rejects.toThrow(/stopped or replaced/);
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
  });

  it("says each of the background's refusals by code, for the options page to say in the reader's language", async () => {
    const { send } = setup();
    /** The problem the options page reads from the refusal, and that its English words are the error's. */
    const refusal = async (sent: Promise<unknown>) => {
      const error = await sent.then(
        () => null,
        (e: unknown) => e,
      );
      const problem = answeredProblem(error);
      expect(problem, String(error)).not.toBeNull();
      expect(backupErrorWords(problem!)).toBe((error as Error).message);
      return problem;
    };
    const begin = async () => (await send('restore:begin', {})).restoreId;
    const ids = { parts: 1, articles: 1, highlights: 0, topics: [] };

    let restoreId = await begin();
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [] });
    expect(await refusal(send('restore:commit', { restoreId }))).toEqual({ code: 'notWhole', details: [] });
    restoreId = await begin();
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [] });
    expect(await refusal(send('restore:part', { restoreId, part: 3, articles: [], highlights: [] }))).toEqual({
      code: 'partOrder',
      details: [4, 2],
    });
    expect(await refusal(send('restore:commit', { restoreId }))).toEqual({ code: 'replaced', details: [] });
    restoreId = await begin();
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [] });
    await send('restore:preview', { restoreId, ...ids });
    expect(await refusal(send('restore:part', { restoreId, part: 1, articles: [], highlights: [] }))).toEqual({
      code: 'partsComplete',
      details: [],
    });
    restoreId = await begin();
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [highlight()] });
    expect(
      await refusal(send('restore:preview', { restoreId, parts: 1, articles: 2, highlights: 3, topics: [] })),
    ).toEqual({ code: 'partsMissing', details: [1, 2, 1, 3] });
    restoreId = await begin();
    await send('restore:part', { restoreId, part: 0, articles: [article()], highlights: [] });
    await send('restore:part', { restoreId, part: 1, articles: [article()], highlights: [] });
    expect(await refusal(send('restore:preview', { ...ids, restoreId, parts: 2, articles: 2 }))).toEqual({
      code: 'twiceArticle',
      details: [2, article().id],
    });
    restoreId = await begin();
    expect(
      await refusal(send('restore:part', { restoreId, part: 0, articles: [], highlights: [highlight(), highlight()] })),
    ).toEqual({ code: 'twiceHighlight', details: [2, highlight().id] });
  });

  it('a restore started elsewhere replaces one under way; a cancelled one leaves nothing behind', async () => {
    const { deps, stage, send } = setup();
    const db = await deps.db;
    const first = await stage(sample());
    await stage(sample());
    await expect(send('restore:commit', { restoreId: first.restoreId })).rejects.toThrow(/stopped or replaced/);
    const third = await stage(sample());
    await send('restore:discard', { restoreId: third.restoreId });
    expect(await db.count('restore-staging')).toBe(0);
    await expect(send('restore:commit', { restoreId: third.restoreId })).rejects.toThrow(/stopped or replaced/);
    expect(await snapshot(db)).toEqual({ articles: [], highlights: [] });
  });

  it('a commit that fails half-way changes nothing', async () => {
    const { deps, stage, commit } = setup();
    const db = await deps.db;
    const mine = article({ id: 'e'.repeat(32), title: 'Mine' });
    await db.put('articles', { ...mine, listKeys: listKeysFor(mine) });
    const before = await snapshot(db);
    const many = Array.from({ length: 600 }, (_, i) =>
      article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    const staged = await stage({ ...sample(), articles: many }, 50_000);
    // A staged record the database cannot take (no id for its key), after the first rounds were written.
    const rows = await db.getAllKeys('restore-staging', IDBKeyRange.bound(['article'], ['article', []]));
    const last = rows.at(-1)!;
    const row = (await db.get('restore-staging', last)) as object[];
    expect(rows.length).toBeGreaterThan(2);
    await db.put('restore-staging', [...row.slice(0, -1), { ...row.at(-1), id: undefined }], last);
    await expect(commit(staged)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.count('restore-staging')).toBe(0);
    expect(deps.saveTopics).not.toHaveBeenCalled();
  });

  it("answers the popup's reads at once while a commit runs, with how far it is, then with the whole restore", async () => {
    const { handlers, stage, commit } = setup();
    const many = Array.from({ length: 600 }, (_, i) =>
      article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
    );
    const staged = await stage({ ...sample(), articles: many }, 50_000);
    const ukraine = 'ukraine-talks';
    const before = await handlers['digest:articles']({ list: ukraine, limit: 5 }, {});
    expect(before).toEqual({ articles: [], next: null });
    expect(await handlers['restore:status']({}, {})).toBeNull();

    const committing = commit(staged);
    const seen: unknown[] = [];
    let status = await handlers['restore:status']({}, {});
    while (status === null) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      status = await handlers['restore:status']({}, {});
    }
    // Every read the popup makes: answered with the progress, not after the commit, and never with part of it.
    const reads = await Promise.all([
      handlers['digest:overview']({}, {}),
      handlers['digest:articles']({ list: ukraine, limit: 5 }, {}),
      handlers['digest:highlights']({ limit: 5 }, {}),
      handlers['digest:activity']({ list: ukraine, days: 3 }, {}),
      handlers['search:query']({ query: 'talks', limit: 5 }, {}),
    ]);
    for (const read of reads) expect(read).toEqual({ restoring: { written: expect.any(Number), total: 601 } });
    while (status !== null) {
      seen.push(status);
      await new Promise((resolve) => setTimeout(resolve, 0));
      status = await handlers['restore:status']({}, {});
    }
    const written = seen.map((s) => (s as { written: number }).written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(Math.max(...written)).toBeGreaterThan(0);

    expect((await committing).articles.new).toBe(600);
    const after = await handlers['digest:overview']({}, {});
    expect(after).toMatchObject({ topics: [{ id: 'ukraine-talks', count: 600 }, { count: 0 }], highlights: 1 });
    expect(await handlers['restore:status']({}, {})).toBeNull();
  });

  it('refuses a restore that would pass the topic limit, before writing anything', async () => {
    const mine = Array.from({ length: 999 }, (_, i) => ({ id: `t-${i}`, name: `T${i}`, query: 'x', createdAt: 1 }));
    const { deps, stage } = setup(mine);
    await expect(stage(sample())).rejects.toMatchObject({
      message: 'Restoring would make 1,001 topics; at most 1,000 can be followed. Nothing was restored.',
      problem: { code: 'tooManyTopics', details: [1001, 1000] },
    });
    expect(await snapshot(await deps.db)).toEqual({ articles: [], highlights: [] });
    expect(await (await deps.db).count('restore-staging')).toBe(0);
  });
});
