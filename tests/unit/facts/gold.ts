// Loads the key-facts gold set (tests/fixtures/facts-gold) for the recall test and the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldArticle {
  id: string;
  lang: string;
  title: string;
  text: string;
  facts: string[];
}

const GOLD_DIR = fileURLToPath(new URL('../../fixtures/facts-gold/', import.meta.url));

export function loadGold(): GoldArticle[] {
  return readdirSync(GOLD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(GOLD_DIR, name), 'utf8')) as GoldArticle);
}

/** Collapses every run of whitespace (including no-break spaces) to one space, for substring checks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
