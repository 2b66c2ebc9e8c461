// The one entry for every benchmark: `npm run bench:NAME [-- DIR] [-- --json]` runs `node scripts/bench.mjs NAME`.
// The benchmarks, what each measures and how it runs are listed in tests/bench/benchmarks.json (the README's
// table says the same; a unit test keeps them equal). A part is a vitest file or a Node script; `build` builds
// the extension first. A positional argument (e.g. a corpus directory) passes as BENCH_<NAME>_DIR. With --json,
// the parts' own output goes to stderr and stdout carries one JSON object (several parts: one field per part).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './harness.mjs';

const BENCHMARKS = JSON.parse(readFileSync(join(ROOT, 'tests', 'bench', 'benchmarks.json'), 'utf8'));

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--list' || !BENCHMARKS[name]) {
  const list = Object.entries(BENCHMARKS).map(([n, b]) => `  ${n.padEnd(8)} ${b.measures}`);
  (name && name !== '--list' ? console.error : console.log)(
    `${name && name !== '--list' ? `no benchmark named ${name}\n` : ''}usage: node scripts/bench.mjs NAME [DIR] [--json]\n${list.join('\n')}`,
  );
  process.exit(name && name !== '--list' ? 2 : 0);
}

const benchmark = BENCHMARKS[name];
const json = rest.includes('--json');
// `--name value` options (other than --json) go to Node parts as given; what is left is positional.
const options = [];
const positional = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--json') continue;
  if (rest[i].startsWith('--')) {
    options.push(rest[i]);
    if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) options.push(rest[++i]);
  } else positional.push(rest[i]);
}
const scratch = mkdtempSync(join(tmpdir(), 'beatwatch-bench-'));
const run = (args, env) =>
  spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', json ? 2 : 'inherit', 'inherit'] }).status ?? 1;

let status = 0;
const results = {};
try {
  if (benchmark.build) status = run([join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], process.env);
  for (const [i, part] of benchmark.parts.entries()) {
    if (status !== 0) break;
    const jsonFile = join(scratch, `${i}.json`);
    const env = { ...process.env, ...part.env, BENCH_JSON: json ? '1' : '', BENCH_JSON_FILE: json ? jsonFile : '' };
    if (positional[0]) env[`BENCH_${name.toUpperCase()}_DIR`] = resolve(positional[0]);
    const args = part.vitest
      ? [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.bench.config.ts', part.vitest]
      : [join(ROOT, part.node), ...options];
    status = run(args, env);
    if (status === 0 && json) {
      const figures = JSON.parse(readFileSync(jsonFile, 'utf8'));
      results[part.name ?? name] = part.field ? figures[part.field] : figures;
    }
  }
  if (status === 0 && json) {
    const names = Object.keys(results);
    process.stdout.write(`${JSON.stringify(names.length === 1 ? results[names[0]] : results)}\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
