// Lint = typescript-eslint's recommended rules + our layering (in the style of VS Code's layer
// rules): shared imports nothing of ours and no Node/DOM runtime; only src/main/app imports
// electron; src/main/common imports only Node, shared and itself; a domain folder imports only
// engine, os, common, shared and itself (never another domain); the renderer imports only shared.
// test/unit/layering.test.ts checks the same on every import, and test/unit/import-cycles.test.ts
// that src has no import cycle.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** One folder per domain under src/main (test/unit/layering.test.ts lists the same). */
const DOMAIN_FOLDERS = ['explain', 'teams', 'cac', 'clock', 'network', 'device', 'report', 'diagnosis', 'fleet', 'remediate'];
const BELOW_DOMAINS = '(?:engine|os|common)(?:/|$)|\\.\\./shared(?:/|$)';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'net', 'tls', 'dgram', 'http', 'https', 'crypto', 'zlib', 'dns', 'events', 'stream', 'util', 'url'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'never eval' },
        { selector: "NewExpression[callee.name='Function']", message: 'never new Function' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared must not know Electron' }, ...NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'shared must not know Node' }))],
          patterns: [
            { group: ['node:*'], message: 'shared must not know Node' },
            { group: ['**/main/**', '../main', '**/renderer/**', '../renderer', 'react', 'react-dom'], message: 'shared imports nothing of ours outside shared' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'only src/main/app may import electron (it triggers a binary download elsewhere)' }],
          patterns: [{ group: ['**/renderer/**', '../renderer', 'react', 'react-dom'], message: 'main must not import the renderer' }],
        },
      ],
    },
  },
  // Used by every layer of main (report, app logging, the domains): it must not reach back into
  // them. Node's modules, shared and itself only (test/unit/layering.test.ts checks the same).
  ...[
    ['src/main/common/*.ts', String.raw`^\.\./(?!\.\./shared(?:/|$))`],
    ['src/main/common/*/*.ts', String.raw`^\.\./\.\./(?!\.\./shared(?:/|$))`],
  ].map(([files, outside]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'common must not know Electron' }],
          patterns: [
            { regex: outside, message: 'common imports only Node, shared and itself' },
            { regex: '^(?!node:|\\.)', message: 'common imports no packages (only node:*, shared and itself)' },
          ],
        },
      ],
    },
  })),
  // A domain builds on the engine, os, common and shared only: what it needs of another domain
  // (its checks, its results) comes through the service's deps, and pure pieces several domains use
  // live in common/ (the explain text engine, durations, the clock offset).
  ...[
    ['*.ts', `^\\.\\./(?!${BELOW_DOMAINS})`],
    ['*/*.ts', `^\\.\\./\\.\\./(?!${BELOW_DOMAINS})`],
  ].map(([depth, outside]) => ({
    files: DOMAIN_FOLDERS.map((d) => `src/main/${d}/${depth}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'only src/main/app may import electron (it triggers a binary download elsewhere)' }],
          patterns: [
            { group: ['**/renderer/**', '../renderer', 'react', 'react-dom'], message: 'main must not import the renderer' },
            { regex: outside, message: 'a domain imports only engine, os, common, shared and its own folder (another domain\'s work comes through the service deps)' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer is sandboxed: use window.signinDoctor' }, ...NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'the renderer has no Node' }))],
          patterns: [
            { group: ['node:*'], message: 'the renderer has no Node' },
            { group: ['**/main/**', '../main', '../../main'], message: 'the renderer imports only shared' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{mjs,ts}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
