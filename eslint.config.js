// ESLint: typescript-eslint's recommended rules with type information, plus React's hook rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['vitest.chaos.config.ts', 'dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'coverage/**', '**/*.mjs', '**/*.cjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Callbacks in props and dependency objects are declared with method syntax and never use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Implementations of async interfaces (DocumentStore, PubSub, PresenceStore) are async without
      // awaiting so that they reject rather than throw, whatever the implementation.
      '@typescript-eslint/require-await': 'off',
      // The input schemas match control characters on purpose: to refuse them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-base-to-string': [
        'error',
        // Yjs types print their content (toString is on the class at runtime, not in its typings).
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'YText', 'YXmlFragment', 'YXmlElement', 'YXmlText'] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests and benchmarks read answers as untyped JSON (`res.body.x`) and assert on them.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules; the plugin's other rules are written for code compiled by the
    // React Compiler (which we do not use) and misread dnd-kit's callback refs as ref reads.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
