import { describe, expect, it, vi } from 'vitest';
import { ensurePersistent } from '@/lib/storage/durability';

describe('ensurePersistent', () => {
  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await ensurePersistent({ persisted: async () => true, persist })).toBe('persistent');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks once and reports a grant', async () => {
    const persist = vi.fn(async () => true);
    expect(await ensurePersistent({ persisted: async () => false, persist })).toBe('persistent');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal as best-effort', async () => {
    expect(await ensurePersistent({ persisted: async () => false, persist: async () => false })).toBe('best-effort');
  });

  it('reports best-effort where only persisted() exists (a worker)', async () => {
    expect(await ensurePersistent({ persisted: async () => false })).toBe('best-effort');
  });

  it('says unknown without the API or when it throws, and never throws itself', async () => {
    expect(await ensurePersistent(undefined)).toBe('unknown');
    expect(await ensurePersistent({})).toBe('unknown');
    expect(
      await ensurePersistent({
        persisted: async () => {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    ).toBe('unknown');
  });
});
