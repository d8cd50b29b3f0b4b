import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'generated/', 'demo-output/', 'test/fixtures/', '.output-profile/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // The worker bootstrap is plain JavaScript: it must run before TypeScript support is registered.
      parserOptions: { projectService: { allowDefaultProject: ['support/kb/worker-boot.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render data as text (textContent or JSX).' },
        { property: 'outerHTML', message: 'Render data as text (textContent or JSX).' },
        { property: 'insertAdjacentHTML', message: 'Render data as text (textContent or JSX).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render data as text.' },
        { selector: "CallExpression[callee.object.name='CSS'][callee.property.name='clear']", message: 'Never clear the shared registry.' },
        { selector: "MemberExpression[object.property.name='highlights'][property.name='clear']", message: 'Never clear CSS.highlights: the registry is shared with the page.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Extension message listeners return a Promise to answer asynchronously; that is the API.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  ...boundaries,
);
