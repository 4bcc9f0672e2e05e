import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'module',
  'worker_threads',
];

/** The layer rules of ARCHITECTURE.md, enforced: shared/ is pure; renderer/ has no Node and no Electron. */
const layer = (forbidden, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [...forbidden.map((group) => ({ group: [group], message }))],
      paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))].map((name) => ({ name, message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'coverage', 'test-results', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer(
        ['**/renderer/**', '**/electron/**', '**/node/**', '**/cli/**', 'node:*', 'react', 'react-dom', 'zustand'],
        'shared/ is the pure domain core: no renderer, electron, Node, DOM or UI imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    // SQL lives in shared/db/ (its repos and migrations): a statement in a string anywhere else is refused.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'cli/**/*.ts', 'electron/**/*.ts'],
    ignores: ['shared/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: String.raw`Literal[value=/^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|DROP\s+|ALTER\s+TABLE|PRAGMA\s+)\b/]`,
          message: 'SQL belongs in shared/db/ (a repo function); call that instead.',
        },
        {
          selector: String.raw`TemplateElement[value.raw=/^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|DROP\s+|ALTER\s+TABLE|PRAGMA\s+)\b/]`,
          message: 'SQL belongs in shared/db/ (a repo function); call that instead.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        ['**/electron/**', '**/node/**', '**/cli/**', 'node:*'],
        'renderer/ runs in a sandboxed page: reach main only through the bridge (shared/contract.ts).',
      ),
    },
  },
  {
    files: ['node/**/*.ts', 'cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'electron'],
              message: 'node/ and cli/ do not use Electron or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
