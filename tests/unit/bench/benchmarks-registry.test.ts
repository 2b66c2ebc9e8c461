// One list of benchmarks (tests/bench/benchmarks.json), and the places that repeat it kept in step with it:
// package.json's bench:* scripts and the README's benchmark table.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
interface Part {
  name?: string;
  vitest?: string;
  node?: string;
  env?: Record<string, string>;
  field?: string;
}
const benchmarks = JSON.parse(readFileSync(join(ROOT, 'tests/bench/benchmarks.json'), 'utf8')) as Record<
  string,
  { measures: string; usage?: string; build?: boolean; parts: Part[] }
>;
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** The README's benchmark table as {command: what it measures}. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Benchmarks'),
    readme.indexOf('\n## ', readme.indexOf('## Benchmarks') + 1),
  );
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`npm run ([^`]+)`\s*\|\s*(.*?)\s*\|$/.exec(line);
    if (cells) rows.set(cells[1], cells[2]);
  }
  return rows;
}

describe('benchmark registry', () => {
  it('names every npm bench:* script, each running its entry through scripts/bench.mjs', () => {
    const named = Object.keys(scripts).filter((s) => s.startsWith('bench:'));
    expect(named.map((s) => s.slice('bench:'.length)).sort()).toEqual(Object.keys(benchmarks).sort());
    for (const name of Object.keys(benchmarks)) expect(scripts[`bench:${name}`]).toBe(`node scripts/bench.mjs ${name}`);
  });

  it('is what the README table says, word for word', () => {
    const table = readmeTable();
    const expected = new Map(
      Object.entries(benchmarks).map(([name, b]) => [`bench:${name}${b.usage ? ` ${b.usage}` : ''}`, b.measures]),
    );
    expect([...table.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [command, measures] of expected) expect(table.get(command)).toBe(measures);
  });

  it('points at files that exist, one runner per part', () => {
    for (const [name, b] of Object.entries(benchmarks)) {
      expect(b.parts.length, name).toBeGreaterThan(0);
      for (const part of b.parts) {
        expect(Boolean(part.vitest) !== Boolean(part.node), `${name}: a part is a vitest file or a Node script`).toBe(
          true,
        );
        expect(existsSync(join(ROOT, (part.vitest ?? part.node)!)), `${name}: ${part.vitest ?? part.node}`).toBe(true);
      }
      if (b.parts.length > 1)
        expect(new Set(b.parts.map((p) => p.name)).size, `${name}: parts are named`).toBe(b.parts.length);
    }
  });
});
