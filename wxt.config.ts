import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox-only keys live behind the browser check so they never leak into the Chrome manifest.
export default defineConfig({
  imports: false,
  // The sources zip (for store review) holds what builds the extension, not the test pages.
  zip: { excludeSources: ['test/**', 'demo-output/**', 'docs/*.png'] },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { chunkSizeWarningLimit: 2048 },
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Context cards for the people, places and ideas in the news you read. Everything stays on your machine.',
    permissions: ['storage', 'activeTab'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Go to the next highlighted mention and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
