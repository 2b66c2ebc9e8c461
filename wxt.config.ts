import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Beatwatch's build: one source tree, Chrome (MV3) and Firefox builds.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: every module says what it uses, and lib/ stays plain TypeScript.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Beatwatch',
    description:
      'Watches the news pages you read for the beats you follow, and keeps their key facts and your highlights — on your machine only.',
    permissions: ['storage', 'tabs', 'activeTab', 'contextMenus', 'scripting'],
    // The extractor is injected into pages whose gate said "article"; the content script already runs on them.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Beatwatch' },
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'beatwatch@beatwatch.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['tests/**', '.bench/**', 'artifacts/**'] },
});
