// ESLint (flat config): the recommended rules of ESLint and typescript-eslint, with
// type information, on everything the project writes. Formatting is Prettier's
// (npm run format:check), so the rules that would fight it are off.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.ci/nodes/', 'coverage/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'src/build/*.mjs', 'src/build/stubs/*.js', 'bench/*.mjs', 'test/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Matching escape sequences is the point of several patterns (text.ts, wrap.ts…).
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, benches, stubs): Node's globals, no type-aware rules.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // CommonJS files (the bin, a build stub): require is their module system.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
