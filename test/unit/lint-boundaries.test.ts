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
    expect(await messages('lib/page/probe.ts', "import { Card } from '../../components/Card';")).toEqual([expect.stringMatching(/must not import components/)]);
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
  test('allowed imports stay quiet', async () => {
    expect(await messages('entrypoints/popup/main.tsx', "import { Popup } from '../../components/Popup';\nimport { x } from '../../lib/messages';")).toEqual([]);
    expect(await messages('components/Probe.tsx', "import { h } from 'preact';\nimport { x } from '../lib/messages';")).toEqual([]);
    expect(await messages('entrypoints/background.ts', "import { browser } from 'wxt/browser';")).toEqual([]);
  });
});
