import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.lers/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'service', pattern: 'services/*', capture: ['service'] },
        { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
        { type: 'bench', pattern: 'bench' },
        { type: 'repo-test', pattern: 'test' },
      ],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      // A service may use libs/ and itself, never another service's internals.
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          rules: [
            { from: 'service', allow: ['lib', ['service', { service: '${from.service}' }]] },
            { from: 'lib', allow: ['lib'] },
            { from: 'bench', allow: ['lib', 'service', 'bench'] },
            { from: 'repo-test', allow: ['lib', 'service', 'repo-test'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e.ts', 'libs/testing/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
