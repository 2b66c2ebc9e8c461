// Profiles re-attaching 100 highlights on the 1 MB page of bench:anchor (scripts/anchor-suite.mjs) in Chromium
// with the CDP profiler and prints self and total time per function, summed over RUNS fresh loads (only the
// re-attaching is profiled, not the bench's judging). Not a benchmark: timings with the profiler on are inflated;
// use it to see where the time goes, then measure with `npm run bench:anchor`.
import { chromium } from 'playwright-core';
import { buildBigPage, bundleAnchorPage, SEED } from './anchor-suite.mjs';
import { CHROMIUM_PATH, ensureBrowser } from './harness.mjs';

const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const code = await bundleAnchorPage();
const big = buildBigPage(Number(process.env.BENCH_ANCHOR_SEED ?? SEED));
ensureBrowser('chromium');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
const self = new Map();
const inclusive = new Map();
let total = 0;
const keyOf = (node) => `${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber}`;
try {
  const page = await browser.newPage();
  const load = async (html) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
  };
  await load(big.base);
  const described = await page.evaluate((s) => AnchorBench.describeSpots(s), big.highlights);
  const items = described.filter((d) => d.selectors).map((d) => ({ id: d.id, selectors: d.selectors }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (let run = 0; run < RUNS; run++) {
    await load(big.edited.html);
    await cdp.send('Profiler.start');
    const { ms } = await page.evaluate((i) => AnchorBench.anchorOnly(i, 'myers'), items);
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`run ${run}: ${ms.toFixed(1)} ms`);
    const dt = new Map();
    for (let k = 0; k < profile.samples.length; k++)
      dt.set(profile.samples[k], (dt.get(profile.samples[k]) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (const node of profile.nodes) {
      const t = dt.get(node.id) ?? 0;
      if (!t) continue;
      self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + t);
      total += t;
      // Total time: each function on the sample's stack once, however often it recurs there.
      const seen = new Set();
      for (let id = node.id; id !== undefined; id = parent.get(id)) {
        const key = keyOf(byId.get(id));
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + t);
      }
    }
  }
} finally {
  await browser.close();
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30));
console.log(`self time over ${RUNS} runs (ms), total ${total.toFixed(0)}`);
for (const [k, t] of top(self)) console.log(`${t.toFixed(1).padStart(8)}  ${k}`);
console.log(`\ntotal time (self and callees) over ${RUNS} runs (ms)`);
for (const [k, t] of top(inclusive)) console.log(`${t.toFixed(1).padStart(8)}  ${k}`);
