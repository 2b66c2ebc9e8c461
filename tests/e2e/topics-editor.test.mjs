// End to end in real Chromium and Firefox: the options page edits a topic (with live validation and alias
// suggestions), the open article page re-matches at once, and a bad import changes nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  ask,
  digestWhen,
  e2eBrowsers,
  extensionPage,
  launchWithExtension,
  serveDirectory,
  setTopics,
  settledDigest,
  visit,
} from '../../scripts/harness.mjs';

const SEED = 'article--asharq-al-awsat--russia-ukraine-istanbul.html';
const GAZA_TITLE = 'ألمانيا لن تشارك في قوة استقرار بغزة «في المستقبل المنظور»';
const STORM_TITLE = 'أوكرانيا تستخدم صواريخ «ستورم شادو» البريطانية لاستهداف مصفاة نفط روسية';

for (const name of e2eBrowsers()) {
  describe(`topics editor in ${name}`, () => topicsEditor(name));
}

const titlesOf = (digest, id) =>
  digest
    .find((d) => d.topic.id === id)
    .articles.map((a) => a.title)
    .sort();

/** Whether the element `selector` finds is disabled (run in the page). */
const disabled = (selector) => document.querySelector(selector).disabled;

function topicsEditor(name) {
  let server;
  let browser;
  let popup;

  before(async () => {
    server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
    browser = await launchWithExtension({ browser: name });
    popup = await extensionPage(browser);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('editing a topic in the options page re-matches the open article page', async () => {
    await setTopics(browser, [{ id: 'gaza', name: 'Gaza', query: 'غزة' }]);
    await visit(browser, `${server.origin}/${SEED}`);
    // The Gaza article is the page's third: wait for it, then for the digest to settle.
    await digestWhen(popup, (d) => titlesOf(d, 'gaza').length > 0);
    assert.deepEqual(titlesOf(await settledDigest(popup), 'gaza'), [GAZA_TITLE], 'only the Gaza article matches غزة');

    const options = await extensionPage(browser, 'options.html');
    await options.click('button[aria-label="Edit Gaza"]');
    const query = 'section[aria-label="Edit Gaza"] input[name="query"]';
    const save = 'section[aria-label="Edit Gaza"] button[type="submit"]';

    await options.fill(query, 'غزة OR (');
    await options.waitForText(/At character \d+:/);
    assert.equal(await options.evaluate(disabled, save), true, 'an invalid query cannot be saved');

    await options.fill(query, 'غزة OR "ستورم شادو"');
    await options.click(save);
    await options.waitFor(
      () => document.querySelector('tr[data-topic-id="gaza"] code')?.textContent.includes('ستورم شادو'),
      undefined,
      { what: 'the edited query in the table' },
    );

    // The article's tab is in the background now, where Firefox runs idle callbacks only at their timeout (1 s):
    // re-matching its four articles takes a few seconds there.
    const digest = await digestWhen(popup, (d) => titlesOf(d, 'gaza').includes(STORM_TITLE));
    assert.deepEqual(
      titlesOf(digest, 'gaza'),
      [STORM_TITLE, GAZA_TITLE].sort(),
      'the edited topic now also captures the Storm Shadow article',
    );
    await options.close();
  });

  test('alias suggestions are offered and added only on request; the live test marks hits', async () => {
    const options = await extensionPage(browser, 'options.html');
    const query = 'section[aria-label="Add a topic"] input[name="query"]';
    const queryValue = () => options.evaluate((selector) => document.querySelector(selector).value, query);
    await options.fill(query, 'Ukraine');
    const chip =
      'section[aria-label="Add a topic"] button[aria-label="Add أوكرانيا to the query, to find it on pages in any language"]';
    await options.waitFor((selector) => !!document.querySelector(selector), chip, { what: 'the أوكرانيا suggestion' });
    assert.equal(await queryValue(), 'Ukraine', 'nothing is added silently');
    await options.click(chip);
    assert.equal(await queryValue(), 'Ukraine OR "أوكرانيا"');

    await options.fill(
      '[aria-label="Text to test the query on"]',
      'وقال وزير الدفاع إن بلاده تدعم لأوكرانيا وأوكرانيا.',
    );
    await options.waitForText('Captured: the topic is named in the lead (the first 60 words).');
    assert.equal(
      await options.evaluate(() => document.querySelectorAll('.query-test mark').length),
      2,
      'both clitic forms are marked',
    );
    await options.close();
  });

  test('a bad topics file is refused with a reason and changes nothing', async () => {
    const before = (await ask(popup, 'digest:get')).map((d) => d.topic);
    const options = await extensionPage(browser, 'options.html');
    const file = 'input[aria-label="Topics file to import"]';
    const said = (role, text) =>
      options.waitFor(
        ([r, t]) => [...document.querySelectorAll(`[role="${r}"]`)].some((el) => el.textContent.includes(t)),
        [role, text],
        { what: `${role}: ${text}` },
      );
    await options.setInputFile(file, {
      name: 'topics.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"topics":[{"name":"Broken","query":"(\\"unclosed"}]}'),
    });
    await said('alert', 'Nothing was changed.');
    assert.deepEqual(
      (await ask(popup, 'digest:get')).map((d) => d.topic),
      before,
    );

    await options.setInputFile(file, {
      name: 'topics.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"topics":[{"name":"Energy","query":"\\"energy prices\\""}]}'),
    });
    await said('status', 'Imported 1 topic');
    assert.ok((await ask(popup, 'digest:get')).some((d) => d.topic.name === 'Energy'));
    await options.close();
  });
}
