// ESLint (flat config): Next's rules (core web vitals, React, hooks, a11y, import) and
// typescript-eslint, as eslint-config-next documents them. `npm test` runs it at zero warnings.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      'max-len': ['warn', { code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Layers: pages, components and domains never import the seeding (lib/seed) or the content
    // files it reads (prisma/content); what they need from there lives in a domain
    // (e.g. lib/provenance, lib/publications/conference.ts). Startup seeds through lib/server/bootstrap.ts.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/seed/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/seed/*', '@/lib/seed/*'], message: 'Domains do not import the seeding (see docs/architecture.md).' },
            { group: ['**/prisma/content/*'], message: 'Content files are read by the seed only (see docs/architecture.md).' },
          ],
        },
      ],
    },
  },
  {
    // The house (docs/architecture.md): source functions stay readable at one screen.
    files: ['app/**', 'components/**', 'lib/**', 'scripts/**'],
    rules: { 'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  globalIgnores([
    'lib/generated/**',
    '.next*/**',
    '.data*/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
