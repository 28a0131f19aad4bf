import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What a layer may not import, by the layer's folder: `ARCHITECTURE.md`'s table, checked. */
const SERVER = {
  group: ['**/apps/server/**', '@indgang/server', '@indgang/server/*'],
  message: 'Only the server and its tests use server code.',
};
const HTTP = { group: ['fastify', '@fastify/*'], message: 'Domain and schema code must not depend on HTTP.' };
const DATABASE = {
  group: ['@indgang/db', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'],
  message: 'The web app talks to the API, never the database.',
};
const DOMAIN = {
  group: ['@indgang/domain', '**/packages/domain/**'],
  message: 'Schemas are shared with the browser and must not depend on the domain.',
};
const restricted = (...patterns) => ['error', { patterns, paths: [] }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'packages/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            'scripts/*.js',
            'bin/*.js',
            'examples/*/*.js',
            'apps/web/vite.config.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        localStorage: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-aware checks: promises that nobody waits for, promises where a callback is expected,
      // switches that miss a case of a union, and values of type any flowing into typed code.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': restricted(SERVER),
    },
  },
  {
    // The CLI and scripts in plain JavaScript are not type-checked.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['apps/server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Tests and benchmarks read JSON answers (typed any by the HTTP clients) to assert on them.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'apps/server/src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks: called in the same order on every render, with every dependency named.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The web app knows the server only by its contract in @indgang/schemas.
      '@typescript-eslint/no-restricted-imports': restricted(SERVER, DATABASE, HTTP, DOMAIN),
    },
  },
  {
    files: ['packages/schemas/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted(SERVER, HTTP, DOMAIN, DATABASE) },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted(SERVER, HTTP) },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted(SERVER, HTTP, DOMAIN) },
  },
);
