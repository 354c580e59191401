// ESLint (flat config): the recommended rules of ESLint and typescript-eslint (the set that needs no type
// information, so a run takes seconds) on all our code. `npm run lint`; part of `npm run check`, which CI runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'bench/out/', 'data/', 'modelli/', 'dati-aperti/', 'griglia-contributi/', 'ricevute/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Every control character in our regular expressions is there on purpose: the CLI escapes them for
      // the terminal (src/cli/terminal-text.ts) and the tests look for them in hostile input.
      'no-control-regex': 'off',
      // A parameter kept for the shape of a callback table is named `_x`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The few plain JavaScript files (bin/bilancio.js, bench/*.mjs, this file) run on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
