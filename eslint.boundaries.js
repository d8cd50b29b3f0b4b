// Import boundaries between the extension's parts. Kept apart from eslint.config.js so a test can prove
// each rule fires without type information.
import tseslint from 'typescript-eslint';

const noPreact = [
  { group: ['preact', 'preact/*'], message: 'lib/ is plain TypeScript: UI belongs in components/.' },
  { group: ['**/components/**', '**/components'], message: 'lib/ must not import components/.' },
  { group: ['**/entrypoints/**'], message: 'lib/ must not import entrypoints/.' },
];
const polyfill = { name: 'webextension-polyfill', message: "Import browser from 'wxt/browser' only." };

export default [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-restricted-imports': ['error', { paths: [polyfill] }] },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [polyfill], patterns: noPreact }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [polyfill], patterns: [{ group: ['**/entrypoints/**'], message: 'components/ must not import entrypoints/.' }] },
      ],
    },
  },
  {
    files: ['entrypoints/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfill],
          patterns: [{ regex: '^\\.\\./(?!\\.\\.)|/entrypoints/', message: 'An entrypoint must not import another entrypoint: share code through lib/ or components/.' }],
        },
      ],
    },
  },
  {
    files: ['entrypoints/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [polyfill], patterns: [{ regex: '^\\./(?!.*\\.css$)|/entrypoints/', message: 'An entrypoint must not import another entrypoint: share code through lib/ or components/.' }] },
      ],
    },
  },
];
