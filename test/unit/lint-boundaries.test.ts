import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import boundaries from '../../eslint.boundaries.js';

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: boundaries });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('import boundaries fail the lint', () => {
  test('lib/ importing Preact', async () => {
    expect(await messages('lib/probe.ts', "import { h } from 'preact';")).toEqual([expect.stringMatching(/lib\/ is plain TypeScript/)]);
    expect(await messages('lib/probe.ts', "import { useState } from 'preact/hooks';")).toHaveLength(1);
  });
  test('lib/ importing components/ or entrypoints/', async () => {
    expect(await messages('lib/content/probe.ts', "import { Card } from '../../components/Card';")).toEqual([expect.stringMatching(/must not import components/)]);
    expect(await messages('lib/probe.ts', "import x from '../entrypoints/popup/main';")).toEqual([expect.stringMatching(/must not import entrypoints/)]);
  });
  test('one entrypoint importing another', async () => {
    expect(await messages('entrypoints/popup/main.tsx', "import x from '../options/main';")).toEqual([expect.stringMatching(/must not import another entrypoint/)]);
    expect(await messages('entrypoints/background.ts', "import x from './content/index';")).toEqual([expect.stringMatching(/must not import another entrypoint/)]);
  });
  test('components/ importing entrypoints/', async () => {
    expect(await messages('components/Probe.tsx', "import x from '../entrypoints/popup/main';")).toHaveLength(1);
  });
  test('webextension-polyfill imported directly', async () => {
    expect(await messages('lib/probe.ts', "import browser from 'webextension-polyfill';")).toEqual([expect.stringMatching(/wxt\/browser/)]);
  });
  test('content-script code importing lib/kb, lib/options or Node', async () => {
    expect(await messages('lib/content/probe.ts', "import { buildPack } from '../kb/build-pack';")).toEqual([expect.stringMatching(/lib\/kb/)]);
    expect(await messages('lib/spot/probe.ts', "import { x } from '../options/pack-import';")).toEqual([expect.stringMatching(/options page/)]);
    expect(await messages('lib/dom/probe.ts', "import { readFileSync } from 'node:fs';")).toEqual([expect.stringMatching(/no Node built-ins/)]);
    expect(await messages('entrypoints/content/index.tsx', "import { x } from '../../lib/options/settings-file';")).toEqual([expect.stringMatching(/options page/)]);
  });
  test('content-script code importing a whole pack or the details store', async () => {
    expect(await messages('lib/content/probe.ts', "import pack from '../../generated/backstory-news.pack.json';")).toEqual([expect.stringMatching(/only pack indexes/)]);
    expect(await messages('entrypoints/content/index.tsx', "import { BUNDLED_PACK } from '../../lib/pack-store/bundled';")).toEqual([expect.stringMatching(/only pack indexes/)]);
    expect(await messages('lib/pack-store/page-packs.ts', "import { openDB } from 'idb';")).toEqual([expect.stringMatching(/only pack indexes/)]);
    expect(await messages('lib/spot/probe.ts', "import { x } from '../pack-store/details-db';")).toEqual([expect.stringMatching(/only pack indexes/)]);
    expect(await messages('lib/content/probe.ts', "import index from '../../generated/backstory-news.index.json';")).toEqual([]);
    expect(await messages('entrypoints/background.ts', "import { x } from '../lib/pack-store/details-source';")).toEqual([]);
  });
  test('lib/kb imported outside scripts, tests and support', async () => {
    expect(await messages('lib/settings/probe.ts', "import { x } from '../kb/corpus';")).toEqual([expect.stringMatching(/lib\/kb/)]);
    expect(await messages('components/Probe.tsx', "import { x } from '../lib/kb/corpus';")).toEqual([expect.stringMatching(/lib\/kb/)]);
    expect(await messages('support/probe.ts', "import { x } from '../lib/kb/corpus';")).toEqual([]);
    expect(await messages('scripts/probe.ts', "import { x } from '../lib/kb/corpus';")).toEqual([]);
  });
  test('scripts/ and test/ importing each other', async () => {
    expect(await messages('scripts/probe.ts', "import { x } from '../test/unit/helpers';")).toEqual([expect.stringMatching(/share code through support/)]);
    expect(await messages('test/unit/probe.ts', "import { x } from '../../scripts/kb';")).toEqual([expect.stringMatching(/share code through support/)]);
    expect(await messages('test/unit/probe.ts', "import { x } from '../../support/kb-run';")).toEqual([]);
  });
  test('allowed imports stay quiet', async () => {
    expect(await messages('entrypoints/popup/main.tsx', "import { Popup } from '../../components/Popup';\nimport { x } from '../../lib/messages';")).toEqual([]);
    expect(await messages('components/Probe.tsx', "import { h } from 'preact';\nimport { x } from '../lib/messages';")).toEqual([]);
    expect(await messages('entrypoints/background.ts', "import { browser } from 'wxt/browser';")).toEqual([]);
  });
});
