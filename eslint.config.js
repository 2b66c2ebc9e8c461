import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'artifacts/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never put text into innerHTML; build nodes or use textContent.' },
        { property: 'outerHTML', message: 'Never put text into outerHTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='fetch']", message: 'Beatwatch makes no network calls.' },
        // Page scripts share lib/ code; in Firefox's content scripts these objects belong to the page and come
        // through Xray wrappers (see tests/unit/firefox-content-world.ts).
        {
          selector:
            "CallExpression[callee.property.name=/^(keys|values|entries)$/][callee.object.property.name='searchParams']",
          message:
            "Not iterable in Firefox's content scripts: use searchParams.forEach, or for…of over searchParams itself.",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(keys|values|entries|forEach)$/][callee.object.property.name='highlights']",
          message: "Firefox's content scripts cannot iterate CSS.highlights: keep your own list of what you painted.",
        },
      ],
    },
  },
  {
    // Type-aware rules, for the TypeScript the type checker sees.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits or catches loses its error: await it, return it, or mark the choice with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a plain callback is expected (an event listener, a forEach) is not awaited by its caller.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // noUncheckedIndexedAccess stays off (indexing in the matcher's and the gate's hot loops is bounds-checked by
      // the loops themselves): a `!` after an index is then a no-op that only looks like a check.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    // The benchmarks are being merged into one entry script by their owner: this rule reaches them after that.
    files: ['tests/bench/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
);
