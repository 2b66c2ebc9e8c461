// How much disk Beatwatch's data takes, and how much the browser lets it take: the reader sees a year of reading
// grow, and that the browser's allowance is far from reached (or not).

/** Bytes used and the browser's allowance for the extension's origin; `quota` absent when the browser does not say. */
export interface StorageUse {
  used: number;
  quota?: number;
}

/** The part of `navigator.storage` this needs (absent in some contexts and older browsers). */
export interface EstimatingStorage {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** What the browser says the data takes; null when it cannot say (no API, an error, or no figure). */
export async function readStorageUse(storage: EstimatingStorage | undefined): Promise<StorageUse | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (!isSize(usage)) return null;
    return isSize(quota) ? { used: usage, quota } : { used: usage };
  } catch {
    return null;
  }
}

const isSize = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Decimal units, as the browsers' own settings pages count; bytes are shown as a fraction of a kilobyte. */
const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/**
 * A size in the given language's words and digits ("12.3 MB", "١٢٫٣ م.ب"): the unit that keeps the figure under
 * 1,000, one decimal below 10 and none above, so the line stays short and stable while it grows.
 */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 9.95 ? 1 : 0,
  }).format(value);
}
