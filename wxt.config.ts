import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

const BUNDLED_PACK = fileURLToPath(new URL('./generated/backstory-news.pack.json', import.meta.url));
const WORLD_PACK = fileURLToPath(new URL('./generated/backstory-world.pack.json', import.meta.url));
const WORLD_INDEXES = fileURLToPath(new URL('./generated/backstory-world.index.json', import.meta.url));
const QUIET_CONTEXT = fileURLToPath(new URL('./lib/content/quiet-context.ts', import.meta.url));

/**
 * WXT's content-script wrapper builds its context from 'wxt/utils/content-script-context'; for that one
 * importer, resolve it to our subclass, which has no page-visible start handshake (see quiet-context.ts).
 */
function quietContentScriptContext(): Plugin {
  return {
    name: 'backstory:quiet-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'wxt/utils/content-script-context' && importer?.includes('content-script-isolated-world-entrypoint')) return QUIET_CONTEXT;
      return null;
    },
  };
}

// Firefox-only keys live behind the browser check so they never leak into the Chrome manifest.
// BACKSTORY_PROFILE=1 builds unminified into .output-profile, so a trace names our functions.
const PROFILE = process.env.BACKSTORY_PROFILE === '1';

export default defineConfig({
  imports: false,
  ...(PROFILE ? { outDir: '.output-profile' } : {}),
  // The sources zip (for store review) holds what builds the extension, not the test pages.
  zip: { excludeSources: ['test/**', 'demo-output/**', 'docs/*.png'] },
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // The toolbar and store icons, rendered from one SVG in the project at build time.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16], developmentIndicator: false },
  hooks: {
    // The bundled pack's details ship as a file the background reads (lib/pack-store/details-source.ts);
    // pages get only its index, compiled into the content script. Not web-accessible.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: BUNDLED_PACK, relativeDest: 'packs/backstory-news.json' });
      // The World pack: details for the background, and page indexes it installs into storage.local.
      files.push({ absoluteSrc: WORLD_PACK, relativeDest: 'packs/backstory-world.json' });
      files.push({ absoluteSrc: WORLD_INDEXES, relativeDest: 'packs/backstory-world.index.json' });
    },
  },
  vite: () => ({
    plugins: [quietContentScriptContext(), preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { chunkSizeWarningLimit: 2048, ...(PROFILE ? { minify: false, sourcemap: true } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    // UI text is in locales/ (en, fr, es, de, ro), shown in the browser's language.
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // Chromium learns names from reading memory in an offscreen document (a service worker cannot run a worker).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandNextMention__',
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
