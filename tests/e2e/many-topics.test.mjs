// End to end in real Chromium and Firefox: the runner sets 1,000 topics as the extension stores them (past
// storage.sync's 8 KB an item, in storage.local), and the extension reads and matches them all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import {
  ROOT,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const ENGLISH = 'article--world-news-daily--ukraine-grain-talks.html';

for (const name of e2eBrowsers()) {
  describe(`1,000 topics in ${name}`, () => manyTopics(name));
}

function manyTopics(name) {
  let server;
  let browser;

  before(async () => {
    server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
    browser = await launchWithExtension({ browser: name });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('are stored as the extension stores them, listed, and matched', async () => {
    const fillers = Array.from({ length: 999 }, (_, i) => ({
      id: `filler-${i}`,
      name: `Filler ${i}`,
      query: `"filler phrase ${i}"`,
    }));
    const stored = await setTopics(browser, [{ id: 'ukraine', name: 'Ukraine', query: 'Ukraine' }, ...fillers]);
    assert.equal(stored.area, 'local', 'sync refuses 1,000 topics in one item: they go to storage.local');
    const popup = await extensionPage(browser);
    const page = await visit(browser, `${server.origin}/${ENGLISH}`);
    const digest = await settledDigest(popup);
    await page.close();
    assert.equal(digest.length, 1000, 'the popup lists all 1,000 topics');
    assert.equal(digest.find((d) => d.topic.id === 'ukraine').count, 1, 'the article matched among 1,000 topics');
    assert.equal(digest.filter((d) => d.count > 0).length, 1);
  });
}
