// scripts/harness.mjs drives real browsers in plain JavaScript, so it writes the wire and storage formats by hand:
// these tests hold them equal to the TypeScript that defines them.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifySender, createReceiver, envelope } from '@/lib/messaging/protocol';
import type { Topic } from '@/lib/schema';
import { loadTopics, saveTopics } from '@/lib/topics/settings';
import { AREA_KEY, readStoredTopics, topicsForMatching } from '@/lib/topics/storage';

interface HarnessFormats {
  wireMessage(type: string, payload: unknown): unknown;
  storedTopicsItems(topics: unknown[]): Record<string, unknown>;
  TOPICS_AREA_KEY: string;
}

// A path the type checker does not follow: the harness is JavaScript without declarations.
const HARNESS = pathToFileURL(join(__dirname, '../../../scripts/harness.mjs')).href;
const harness = async () => (await import(/* @vite-ignore */ HARNESS)) as HarnessFormats;

const topic: Topic = { id: 'ukraine-talks-0', name: 'Ukraine talks', query: 'Ukraine OR أوكرانيا', createdAt: 1 };

beforeEach(() => fakeBrowser.reset());

describe("the harness's formats", () => {
  it('wraps messages as lib/messaging does, and the background accepts them', async () => {
    const { wireMessage } = await harness();
    expect(wireMessage('tab:clip', { tabId: 3, topicId: 'a' })).toEqual(
      envelope('tab:clip', { tabId: 3, topicId: 'a' }),
    );
    const receive = createReceiver('background', { 'digest:get': async () => [] }, (sender) =>
      classifySender(sender, 'ext', 'chrome-extension://ext/'),
    );
    const reply = await receive(wireMessage('digest:get', {}), { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(reply).toEqual({ ok: true, result: [] });
  });

  it('stores topics exactly as the options page does, and Beatwatch reads them back', async () => {
    const { storedTopicsItems } = await harness();
    await saveTopics([topic]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(storedTopicsItems([topic]));

    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set(storedTopicsItems([topic]));
    expect(await loadTopics()).toEqual([topic]);
    expect(topicsForMatching(await readStoredTopics())).toEqual([{ id: topic.id, query: topic.query }]);
  });

  it('moves 1,000 topics to local storage under the area key the extension reads, as the options page does', async () => {
    const { storedTopicsItems, TOPICS_AREA_KEY } = await harness();
    expect(TOPICS_AREA_KEY).toBe(AREA_KEY);
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...topic, id: `topic-${i}`, name: `Topic ${i}` }));
    // The fake browser has no sync quota: local storage, as Chromium ends up with past sync's 8 KB an item.
    await fakeBrowser.storage.local.set({ ...storedTopicsItems(many), [TOPICS_AREA_KEY]: 'local' });
    expect(await loadTopics()).toHaveLength(1000);
    expect(topicsForMatching(await readStoredTopics())).toHaveLength(1000);
  });
});
