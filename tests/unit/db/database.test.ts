// The background's database handle: a connection the browser closed abnormally (Chromium does after a write hits a
// full disk) or an open that failed is opened afresh on the next use; otherwise every use shares one connection.
import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase, reopeningDatabase, type Database, type OpenOptions } from '@/lib/db/database';

let counter = 0;

/** Opens a fresh database per test, counting the opens. */
function counted() {
  const name = `reopen-${counter++}`;
  const opened: Database[] = [];
  const open = async (options: OpenOptions) => {
    const db = await openDatabase(name, options);
    opened.push(db);
    return db;
  };
  return { open, opened };
}

describe('reopeningDatabase', () => {
  it('opens once and shares the connection while it lives', async () => {
    const { open, opened } = counted();
    const db = reopeningDatabase(open);
    const [a, b] = await Promise.all([db, db]);
    expect(a).toBe(b);
    expect(await db).toBe(a);
    expect(opened).toHaveLength(1);
    a.close();
  });

  it('opens afresh after the browser closed the connection, and the new one writes', async () => {
    const { open, opened } = counted();
    const db = reopeningDatabase(open);
    const first = await db;
    // fake-indexeddb types its argument as the class, though it takes a connection.
    forceCloseDatabase(unwrap(first) as unknown as typeof IDBDatabase);
    expect(() => first.transaction('articles')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    const second = await db;
    expect(second).not.toBe(first);
    expect(opened).toHaveLength(2);
    // The new connection is a working one: a transaction starts and completes.
    const tx = second.transaction('articles', 'readonly');
    expect(await tx.store.count()).toBe(0);
    await tx.done;
    second.close();
  });

  it('tries again after an open that failed, and keeps the failure for the use that met it', async () => {
    let attempts = 0;
    const { open } = counted();
    const db = reopeningDatabase(async (options) => {
      if (attempts++ === 0) throw new Error('UnknownError: Internal error opening backing store');
      return open(options);
    });
    await expect(Promise.resolve(db)).rejects.toThrow(/backing store/);
    const opened = await db;
    expect(attempts).toBe(2);
    opened.close();
  });
});
