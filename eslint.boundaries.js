// Import boundaries between the extension's parts, by where code runs. Kept apart from eslint.config.js so a
// test can prove each rule fires without type information. Flat config replaces a rule per file rather than
// merging it, so each group of files lists every pattern that applies to it.
import tseslint from 'typescript-eslint';

const polyfill = { name: 'webextension-polyfill', message: "Import browser from 'wxt/browser' only." };
const noPreact = [
  { group: ['preact', 'preact/*'], message: 'lib/ is plain TypeScript: UI belongs in components/.' },
  { group: ['**/components/**', '**/components'], message: 'lib/ must not import components/.' },
  { group: ['**/entrypoints/**'], message: 'lib/ must not import entrypoints/.' },
];
const noKb = { group: ['**/kb', '**/kb/**'], message: 'lib/kb (compromise, Node) builds packs: only scripts/, test/ and support/ import it.' };
/** Learning from reading (in the extension, off the page) shares the build's name finder and gates: parser-free and Node-free. */
const kbParserFreeOnly = {
  regex: '(^|/)kb(/|$)(?!(name-finder|gates|describe)$)',
  message: 'Learning may use only the parser-free parts of lib/kb (name-finder, gates, describe); the extension brings its own compromise.',
};
const noSupport = { group: ['**/support/**', '**/scripts/**', '**/test/**'], message: 'The extension must not import tooling (scripts/, test/, support/).' };
/** What the content script may not pull in: it runs on every page, in the page's process. */
const contentScript = [
  noKb,
  { group: ['**/options', '**/options/**'], message: "Content-script code must not import the options page's code (lib/options)." },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'Content-script code runs in a browser: no Node built-ins.' },
  {
    group: ['**/generated/*.pack.json', '**/pack-store/bundled', '**/pack-store/details-db', '**/pack-store/details-source', '**/pack-store/store', 'idb'],
    message: 'Pages hold only pack indexes (lib/pack-store/page-packs): card details come from the background (the entity-details message).',
  },
];
const entryRule = { regex: '^\\.\\./(?!\\.\\.)|/entrypoints/', message: 'An entrypoint must not import another entrypoint: share code through lib/ or components/.' };
const CONTENT_FILES = ['lib/content/**/*.{ts,tsx}', 'lib/spot/**/*.{ts,tsx}', 'lib/dom/**/*.{ts,tsx}', 'lib/pack-store/page-packs.ts', 'lib/pack-store/stored-list.ts', 'entrypoints/content/**/*.{ts,tsx}'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { paths: [polyfill], patterns }] });

export default [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    rules: restrict([]),
  },
  { files: ['lib/**/*.{ts,tsx}'], ignores: ['lib/kb/**'], rules: restrict([...noPreact, noKb, noSupport]) },
  { files: ['lib/kb/**/*.{ts,tsx}'], rules: restrict([...noPreact, noSupport]) },
  { files: ['lib/reading/learn-*.ts'], rules: restrict([...noPreact, kbParserFreeOnly, noSupport]) },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict([{ group: ['**/entrypoints/**'], message: 'components/ must not import entrypoints/.' }, noKb, noSupport]),
  },
  { files: ['entrypoints/*/**/*.{ts,tsx}'], rules: restrict([entryRule, noKb, noSupport]) },
  {
    files: ['entrypoints/*.{ts,tsx}'],
    rules: restrict([{ regex: '^\\./(?!.*\\.css$)|/entrypoints/', message: entryRule.message }, noKb, noSupport]),
  },
  { files: CONTENT_FILES.filter((f) => f.startsWith('lib/')), rules: restrict([...noPreact, ...contentScript, noSupport]) },
  { files: ['entrypoints/content/**/*.{ts,tsx}'], rules: restrict([entryRule, ...contentScript, noSupport]) },
  {
    files: ['scripts/**/*.ts'],
    rules: restrict([{ group: ['**/test/**'], message: 'scripts/ and test/ do not import each other: share code through support/.' }]),
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: restrict([{ group: ['**/scripts/**'], message: 'scripts/ and test/ do not import each other: share code through support/.' }]),
  },
];
