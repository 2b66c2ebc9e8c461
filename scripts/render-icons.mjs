// Renders assets/icon.svg to the PNG sizes the manifests name (16–128 px) in public/icon/, with Chromium, so the
// icon has one source. Run after changing the SVG: `node scripts/render-icons.mjs`.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, ROOT, ensureBrowser } from './harness.mjs';

const SIZES = [16, 32, 48, 96, 128];

ensureBrowser('chromium');
const svg = await readFile(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const out = join(ROOT, 'public', 'icon');
await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons ${SIZES.join(', ')} px in ${out}`);
