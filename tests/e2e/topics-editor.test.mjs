// End to end in real Chromium: the options page edits a topic (with live validation and alias
// suggestions), the open article page re-matches at once, and a bad import changes nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  ask,
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

let server;
let browser;
let popup;

before(async () => {
  server = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
  browser = await launchWithExtension();
  popup = await extensionPage(browser);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const titlesOf = (digest, id) =>
  digest
    .find((d) => d.topic.id === id)
    .articles.map((a) => a.title)
    .sort();

describe('topics editor', () => {
  test('editing a topic in the options page re-matches the open article page', async () => {
    await setTopics(browser, [{ id: 'gaza', name: 'Gaza', query: 'غزة' }]);
    await visit(browser, `${server.origin}/${SEED}`);
    assert.deepEqual(titlesOf(await settledDigest(popup), 'gaza'), [GAZA_TITLE], 'only the Gaza article matches غزة');

    const options = await extensionPage(browser, 'options.html');
    await options.getByRole('button', { name: 'Edit Gaza' }).click();
    const query = options.locator('section[aria-label="Edit Gaza"] input[name="query"]');

    await query.fill('غزة OR (');
    await options.getByText(/At character \d+:/).waitFor();
    assert.equal(
      await options.getByRole('button', { name: 'Save' }).isDisabled(),
      true,
      'an invalid query cannot be saved',
    );

    await query.fill('غزة OR "ستورم شادو"');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.locator('tr[data-topic-id="gaza"] code', { hasText: 'ستورم شادو' }).waitFor();

    const digest = await settledDigest(popup);
    assert.deepEqual(
      titlesOf(digest, 'gaza'),
      [STORM_TITLE, GAZA_TITLE].sort(),
      'the edited topic now also captures the Storm Shadow article',
    );
    await options.close();
  });

  test('alias suggestions are offered and added only on request; the live test marks hits', async () => {
    const options = await extensionPage(browser, 'options.html');
    const form = options.locator('section[aria-label="Add a topic"]');
    await form.locator('input[name="query"]').fill('Ukraine');
    const chip = form.getByRole('button', { name: 'Add أوكرانيا to the query' });
    await chip.waitFor();
    assert.equal(await form.locator('input[name="query"]').inputValue(), 'Ukraine', 'nothing is added silently');
    await chip.click();
    assert.equal(await form.locator('input[name="query"]').inputValue(), 'Ukraine OR "أوكرانيا"');

    await options.getByLabel('Text to test the query on').fill('وقال وزير الدفاع إن بلاده تدعم لأوكرانيا وأوكرانيا.');
    assert.equal(await options.locator('.query-test mark').count(), 2, 'both clitic forms are marked');
    await options.getByText('Beatwatch would capture this article for the topic.').waitFor();
    await options.close();
  });

  test('a bad topics file is refused with a reason and changes nothing', async () => {
    const before = (await ask(popup, 'digest:get')).map((d) => d.topic);
    const options = await extensionPage(browser, 'options.html');
    await options.getByLabel('Topics file to import').setInputFiles({
      name: 'topics.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"topics":[{"name":"Broken","query":"(\\"unclosed"}]}'),
    });
    await options.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).waitFor();
    assert.deepEqual(
      (await ask(popup, 'digest:get')).map((d) => d.topic),
      before,
    );

    await options.getByLabel('Topics file to import').setInputFiles({
      name: 'topics.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"topics":[{"name":"Energy","query":"\\"energy prices\\""}]}'),
    });
    await options.getByRole('status').filter({ hasText: 'Imported 1 topic' }).waitFor();
    assert.ok((await ask(popup, 'digest:get')).some((d) => d.topic.name === 'Energy'));
    await options.close();
  });
});
