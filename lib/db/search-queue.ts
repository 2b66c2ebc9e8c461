// Items whose search entries are out of date. A change writes its item here in its own transaction, so the index
// (lib/search/index-store.ts) catches up after a worker restart instead of missing what changed meanwhile.

export const articleItem = (id: string): string => `a:${id}`;
export const highlightItem = (id: string): string => `h:${id}`;

interface QueueStore {
  put(value: { item: string; queuedAt: number }): Promise<unknown>;
}

export function queueForSearch(store: QueueStore, item: string, now: number): Promise<unknown> {
  return store.put({ item, queuedAt: now });
}
