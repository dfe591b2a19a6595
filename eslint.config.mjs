import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import { builtinModules } from 'node:module'

/**
 * The engine is pure (docs/architecture.md, docs/security.md): data in, typed data out. Under src/engine it may
 * import only src/engine and src/shared — no Node built-in (with or without `node:`), no electron, no ONNX
 * Runtime, no package, nothing else of ours. Relative imports are judged by how far they climb: a file
 * `depth` folders below src/engine reaches src/ with depth + 1 `../`. test/unit/lint/engine-purity.test.ts
 * lints sources placed under src/engine with this config, so the rule cannot silently vanish.
 */
const PURE_ENGINE = 'The engine is pure: under src/engine import only src/engine and src/shared.'
function engineImportRules(depth) {
  const up = '(\\.\\./)'
  return [
    'error',
    {
      paths: [
        ...builtinModules.map((name) => ({ name, message: `${PURE_ENGINE} (Node built-in)` })),
        { name: 'electron', message: `${PURE_ENGINE} (electron)` }
      ],
      patterns: [
        { group: ['node:*'], message: `${PURE_ENGINE} (Node built-in)` },
        {
          group: ['electron/*', 'onnxruntime-*', 'onnxruntime-*/**'],
          message: `${PURE_ENGINE} (native or app runtime)`
        },
        // a bare specifier: an npm package (or a built-in's subpath such as fs/promises)
        { regex: '^(?![./])', message: `${PURE_ENGINE} (package)` },
        // climbs to src/ and goes somewhere other than engine/ or shared/, or climbs out of src/ altogether
        { regex: `^${up}{${depth + 1}}(?!(engine|shared)(/|$))`, message: PURE_ENGINE },
        { regex: `^${up}{${depth + 2},}`, message: PURE_ENGINE },
        { regex: '^/', message: PURE_ENGINE }
      ]
    }
  ]
}
const ENGINE_MAX_DEPTH = 8

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'test/fixtures/**',
      'resources/**',
      'bench-out/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
  },
  ...Array.from({ length: ENGINE_MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`src/engine/${'*/'.repeat(depth)}*.{ts,js,mjs,cjs}`],
    rules: {
      'no-restricted-imports': engineImportRules(depth),
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: `${PURE_ENGINE} (no dynamic import)` },
        { selector: "CallExpression[callee.name='require']", message: `${PURE_ENGINE} (no require)` }
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'fetch'].map(
          (name) => ({
            name,
            message: `${PURE_ENGINE} (no ${name}: the engine takes data, not the environment)`
          })
        )
      ]
    }
  })),
  {
    files: [`src/engine/${'*/'.repeat(ENGINE_MAX_DEPTH + 1)}**`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: 'src/engine is nested too deep for the purity rule (eslint.config.mjs).'
        }
      ]
    }
  },
  {
    // Entry points that talk to a terminal may print.
    files: ['src/cli/**', 'scripts/**', 'src/training/**', 'test/**', 'bin/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' }
  }
)
