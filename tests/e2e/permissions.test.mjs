// End to end in real Chromium and Firefox: the extension runs with the permissions the README justifies (no `tabs`, no
// `activeTab`, `unlimitedStorage` added), and the options page's "Your data" section tells the reader whether the
// browser keeps the data under disk pressure, as the browser itself answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eBrowsers, extensionPage, launchWithExtension } from '../../scripts/harness.mjs';

for (const name of e2eBrowsers()) {
  describe(`permissions and durable storage in ${name}`, () => permissions(name));
}

function permissions(name) {
  let browser;
  let options;

  before(async () => {
    browser = await launchWithExtension({ browser: name });
    options = await extensionPage(browser, 'options.html');
  });

  after(async () => {
    await browser?.close();
  });

  test('the manifest asks for storage, unlimitedStorage, scripting and contextMenus only', async () => {
    const manifest = await browser.inExtension(() => (globalThis.browser ?? chrome).runtime.getManifest());
    // Firefox's MV2 manifest lists the host patterns among the permissions; MV3 keeps them apart.
    const apis = manifest.permissions.filter((p) => !p.includes('://')).sort();
    assert.deepEqual(apis, ['contextMenus', 'scripting', 'storage', 'unlimitedStorage']);
    const hosts = [...(manifest.host_permissions ?? []), ...manifest.permissions.filter((p) => p.includes('://'))];
    assert.deepEqual(hosts.sort(), ['http://*/*', 'https://*/*']);
  });

  test('the options page shows what the browser says about durable storage', async () => {
    await options.waitFor(
      // The line must be there first: before the page has rendered, "no line" is not "checking" either.
      () => {
        const shown = document.querySelector('[data-durability]')?.dataset.durability;
        return shown !== undefined && shown !== 'checking';
      },
      undefined,
      {
        what: 'the durability answer',
        // The browser answers persist() when it is ready: under a loaded CI machine that took longer than 15 s.
        timeout: 60000,
      },
    );
    const [shown, words, persisted] = await options.evaluate(async () => {
      const line = document.querySelector('[data-durability]');
      return [line.dataset.durability, line.textContent, await navigator.storage.persisted()];
    });
    assert.equal(shown, persisted ? 'persistent' : 'best-effort', `shown "${words}"; persisted() says ${persisted}`);
    // Firefox grants persistence to an extension with unlimitedStorage without a prompt; Chromium does not.
    if (name === 'firefox') assert.equal(shown, 'persistent');
    assert.ok(words.trim().length > 20, 'the reader is told in words');
  });

  test('the options page shows the space the data takes and what the browser allows', async () => {
    await options.waitFor(() => !!document.querySelector('.storage-use'), undefined, {
      what: 'the used-space line',
      timeout: 60000,
    });
    const shown = await options.evaluate(async () => {
      const line = document.querySelector('.storage-use');
      const language = (globalThis.browser ?? chrome).i18n.getMessage('uiLocale');
      const { usage, quota } = await navigator.storage.estimate();
      const used = Number(line.dataset.used);
      return {
        words: line.textContent,
        used,
        quota: Number(line.dataset.quota),
        usage,
        estimatedQuota: quota,
        language,
      };
    });
    // The page measured when it opened; the data may have grown a little since (the background writes settings).
    assert.ok(
      shown.used > 0 && shown.used <= shown.usage,
      `shown ${shown.used} bytes; estimate() now says ${shown.usage}`,
    );
    // Chromium's allowance follows the disk's free space, which other processes change between the two readings.
    assert.ok(
      Math.abs(shown.quota - shown.estimatedQuota) <= shown.estimatedQuota * 0.01,
      `shown an allowance of ${shown.quota}; estimate() now says ${shown.estimatedQuota}`,
    );
    assert.equal(shown.language, 'en');
    // English words with the figures written by Intl: "Your data takes 24 kB of the 10 GB this browser allows."
    assert.match(shown.words, /^Your data takes [\d.,]+ [kMGT]B of the [\d.,]+ [kMGTP]B this browser allows\.$/);
  });
}
