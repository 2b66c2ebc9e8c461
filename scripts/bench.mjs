// `npm run bench:NAME [-- DIR] [-- --json]`: runs one benchmark (tests/bench/NAME.test.ts)
// through vitest. A positional argument (e.g. a corpus directory) and --json pass as env;
// with --json, vitest's own output goes to stderr and stdout carries one JSON object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './harness.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/bench.mjs NAME [DIR] [--json]');
  process.exit(2);
}
const json = rest.includes('--json');
const positional = rest.filter((a) => a !== '--json');
const scratch = mkdtempSync(join(tmpdir(), 'beatwatch-bench-'));
const jsonFile = join(scratch, 'figures.json');
const env = { ...process.env, BENCH_JSON: json ? '1' : '', BENCH_JSON_FILE: json ? jsonFile : '' };
if (positional[0]) env[`BENCH_${name.toUpperCase()}_DIR`] = resolve(positional[0]);

const result = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'vitest.bench.config.ts',
    `tests/bench/${name}.test.ts`,
  ],
  { cwd: ROOT, env, stdio: ['ignore', json ? 2 : 'inherit', 'inherit'] },
);
if (json && result.status === 0) process.stdout.write(`${readFileSync(jsonFile, 'utf8')}\n`);
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
