// `npm run bench:facts [-- --json]`: key-fact extraction on the gold articles (against sentence
// splitting, in Node), then re-attaching 100 highlights on a long page in Chromium (against one
// read of the page's text). With --json, one object: {"facts":{…},"highlights":{…}}.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const json = process.argv.includes('--json');
const run = (args, env = {}) =>
  spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });

const facts = run([join(ROOT, 'scripts', 'bench.mjs'), 'facts', ...(json ? ['--json'] : [])]);
if (facts.status !== 0) process.exit(facts.status ?? 1);
const highlights = run([join(ROOT, 'scripts', 'bench-page.mjs'), ...(json ? ['--json'] : [])], {
  BENCH_PAGE_ONLY: 'highlights',
});
if (highlights.status !== 0) process.exit(highlights.status ?? 1);
if (json) {
  const last = (out) => JSON.parse(out.trim().split('\n').at(-1));
  console.log(JSON.stringify({ facts: last(facts.stdout), highlights: last(highlights.stdout).highlights }));
}
