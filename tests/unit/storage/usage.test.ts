import { describe, expect, it } from 'vitest';
import { formatBytes, readStorageUse } from '@/lib/storage/usage';

describe('formatBytes', () => {
  it.each([
    [0, '0 kB'],
    [420, '0.4 kB'],
    [4_200, '4.2 kB'],
    [12_345_678, '12 MB'],
    [9_940_000, '9.9 MB'],
    [9_960_000, '10 MB'],
    [999_400, '999 kB'],
    // Rounding would show "1,000 kB": the next unit takes it.
    [999_600, '1 MB'],
    [110_400_000, '110 MB'],
    [58_123_456_789, '58 GB'],
    [3.2e12, '3.2 TB'],
    [-5, '0 kB'],
  ])('writes %d bytes as %s in English', (bytes, shown) => {
    expect(formatBytes(bytes, 'en')).toBe(shown);
  });

  it("writes Arabic in Arabic's unit words and decimal mark, digits as the locale chooses", () => {
    const shown = formatBytes(12_345_678, 'ar');
    expect(shown).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'megabyte' }).format(12));
    expect(shown).not.toContain('MB');
    // With Arabic-Indic digits asked for, the figure is written with them.
    expect(formatBytes(3_400_000, 'ar-u-nu-arab')).toBe('٣٫٤ م.ب');
  });

  it('follows the locale: German uses a decimal comma', () => {
    expect(formatBytes(3_400_000, 'de')).toBe('3,4 MB');
  });
});

describe('readStorageUse', () => {
  it('passes on what the browser estimates', async () => {
    expect(await readStorageUse({ estimate: async () => ({ usage: 1234, quota: 5678 }) })).toEqual({
      used: 1234,
      quota: 5678,
    });
  });

  it('keeps the used figure when the browser gives no allowance', async () => {
    expect(await readStorageUse({ estimate: async () => ({ usage: 1234 }) })).toEqual({ used: 1234 });
    expect(await readStorageUse({ estimate: async () => ({ usage: 1234, quota: NaN }) })).toEqual({ used: 1234 });
  });

  it('says nothing without the API, without a figure, or when it throws, and never throws itself', async () => {
    expect(await readStorageUse(undefined)).toBeNull();
    expect(await readStorageUse({})).toBeNull();
    expect(await readStorageUse({ estimate: async () => ({}) })).toBeNull();
    expect(await readStorageUse({ estimate: async () => ({ usage: -1 }) })).toBeNull();
    expect(
      await readStorageUse({
        estimate: async () => {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    ).toBeNull();
  });
});
