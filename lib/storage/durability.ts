// Whether the browser keeps Beatwatch's database under disk pressure. Without persistent ("durable") storage a
// browser may evict an origin's IndexedDB to free space: a year of reading gone without a word.

/** How the browser keeps the extension's data: never evicted, evictable, or it does not say. */
export type Durability = 'persistent' | 'best-effort' | 'unknown';

/** The part of `navigator.storage` this needs (absent in some contexts; `persist` is window-only). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/**
 * Asks for persistent storage once if it is not already granted, and says what the browser answered. With
 * `unlimitedStorage` both browsers grant it without a prompt; a refusal or a browser without the API is reported,
 * never thrown, so the page that asks still opens.
 */
export async function ensurePersistent(storage: StorageManagerLike | undefined): Promise<Durability> {
  if (!storage?.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    if (!storage.persist) return 'best-effort';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
