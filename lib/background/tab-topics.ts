// Which tracked topics matched in each tab, for the toolbar badge. Kept in session storage
// when the browser has it, so a killed-and-restarted MV3 worker still counts right.

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** An in-memory area for browsers without storage.session (and for tests). */
export function memoryArea(): SessionArea {
  const data = new Map<string, unknown>();
  return {
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (key) => void data.delete(key),
  };
}

export class TabTopics {
  constructor(private readonly area: SessionArea) {}

  private key(tabId: number): string {
    return `tabTopics:${tabId}`;
  }

  async get(tabId: number): Promise<string[]> {
    const value = (await this.area.get(this.key(tabId)))[this.key(tabId)];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Adds topics matched in the tab; returns how many distinct topics the tab has matched. */
  async add(tabId: number, topicIds: string[]): Promise<number> {
    const merged = [...new Set([...(await this.get(tabId)), ...topicIds])];
    await this.area.set({ [this.key(tabId)]: merged });
    return merged.length;
  }

  async clear(tabId: number): Promise<void> {
    await this.area.remove(this.key(tabId));
  }
}

export function badgeText(count: number): string {
  return count > 0 ? String(count) : '';
}
