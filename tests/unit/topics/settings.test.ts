import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadTopics, newTopicId, parseStoredTopics, saveTopics, TopicsError, watchTopics } from '@/lib/topics/settings';
import type { Topic } from '@/lib/schema';
import {
  migrateTopicsStore,
  readStoredTopics,
  STORE_VERSION,
  TOPIC_MIGRATIONS,
  topicsForMatching,
} from '@/lib/topics/storage';

const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id,
  name: `Topic ${id}`,
  query: 'ukraine',
  createdAt: 1,
  ...extra,
});

beforeEach(() => fakeBrowser.reset());

describe('topics in browser.storage', () => {
  it('round-trips valid topics through sync storage', async () => {
    await saveTopics([topic('a'), topic('b', { minMentions: 2 })]);
    expect(await loadTopics()).toEqual([topic('a'), topic('b', { minMentions: 2 })]);
    expect(await fakeBrowser.storage.sync.get('topics')).toMatchObject({ topics: { version: 1 } });
  });

  it('refuses an invalid topic and changes nothing', async () => {
    await saveTopics([topic('a')]);
    await expect(saveTopics([topic('a'), topic('b', { name: '  ' })])).rejects.toThrow(TopicsError);
    await expect(saveTopics([topic('a'), topic('a')])).rejects.toThrow(/duplicate id/);
    await expect(saveTopics([topic('a'), topic('c', { query: '"unclosed' })])).rejects.toThrow(/Topic 2/);
    expect(await loadTopics()).toEqual([topic('a')]);
  });

  it('falls back to local storage when sync is over its quota, and stays there', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await saveTopics([topic('a')]);
    expect(await fakeBrowser.storage.local.get('topicsArea')).toEqual({ topicsArea: 'local' });
    expect(await loadTopics()).toEqual([topic('a')]);
  });

  it('skips stored entries that are not valid topics', () => {
    expect(parseStoredTopics({ version: 1, topics: [topic('a'), { id: 'BAD ID' }, 'x'] })).toEqual([topic('a')]);
    expect(parseStoredTopics({ version: 9, topics: [] })).toEqual([]);
    expect(parseStoredTopics(undefined)).toEqual([]);
  });

  it('tells watchers when topics change', async () => {
    const seen: Topic[][] = [];
    const stop = watchTopics((topics) => seen.push(topics));
    await saveTopics([topic('a')]);
    await vi.waitFor(() => expect(seen).toEqual([[topic('a')]]));
    stop();
  });
});

describe('newTopicId', () => {
  it('is readable and valid for any name', () => {
    expect(newTopicId('Ukraine talks', () => 0.5)).toMatch(/^ukraine-talks-[a-z0-9]{6}$/);
    expect(newTopicId('أوكرانيا', () => 0)).toBe('topic-000000');
  });
});

describe('topics for matching (page side, no zod)', () => {
  it('reads what saveTopics wrote: id, query and minMentions', async () => {
    await saveTopics([topic('a'), topic('b', { minMentions: 2 })]);
    expect(topicsForMatching(await readStoredTopics())).toEqual([
      { id: 'a', query: 'ukraine' },
      { id: 'b', query: 'ukraine', minMentions: 2 },
    ]);
  });

  it('skips entries without a string id and query, and ignores a minMentions out of range', () => {
    const raw = {
      version: 1,
      topics: [
        null,
        'x',
        { id: 1, query: 'a' },
        { id: 'ok', query: 'a', minMentions: 0 },
        { id: 'x'.repeat(65), query: 'a' },
        { id: 'm', query: 'a', minMentions: 2.5 },
      ],
    };
    expect(topicsForMatching(raw)).toEqual([
      { id: 'ok', query: 'a' },
      { id: 'm', query: 'a' },
    ]);
    expect(topicsForMatching({ version: 2, topics: [{ id: 'a', query: 'a' }] })).toEqual([]);
    expect(topicsForMatching({ version: 1, topics: 'no' })).toEqual([]);
    expect(topicsForMatching(undefined)).toEqual([]);
  });
});

describe('stored topics migrations', () => {
  it('has one append-only entry per version, the first from nothing stored', () => {
    expect(STORE_VERSION).toBe(TOPIC_MIGRATIONS.length);
    expect(migrateTopicsStore(undefined)).toEqual({ ok: true, store: { version: STORE_VERSION, topics: [] } });
    expect(migrateTopicsStore({ version: 1, topics: [topic('a')] })).toEqual({
      ok: true,
      store: { version: 1, topics: [topic('a')] },
    });
  });

  it('says clearly when topics were saved by a newer Beatwatch, and never overwrites them', async () => {
    const newer = { version: STORE_VERSION + 1, topics: [topic('a')] };
    const migrated = migrateTopicsStore(newer);
    expect(migrated).toMatchObject({ ok: false, newer: true });
    expect(!migrated.ok && migrated.error).toMatch(/newer version of Beatwatch/);
    await fakeBrowser.storage.sync.set({ topics: newer });
    expect(await loadTopics()).toEqual([]);
    expect(topicsForMatching(await readStoredTopics())).toEqual([]);
    await expect(saveTopics([topic('b')])).rejects.toThrow(/newer version of Beatwatch/);
    expect(await fakeBrowser.storage.sync.get('topics')).toEqual({ topics: newer });
  });

  it('reads an unknown shape as no topics, and lets the reader save over it', async () => {
    expect(migrateTopicsStore({ version: 'one', topics: [] })).toMatchObject({ ok: false, newer: false });
    expect(migrateTopicsStore([topic('a')])).toMatchObject({ ok: false, newer: false });
    await fakeBrowser.storage.sync.set({ topics: 'garbage' });
    expect(await loadTopics()).toEqual([]);
    await saveTopics([topic('a')]);
    expect(await loadTopics()).toEqual([topic('a')]);
  });
});
