import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-test/**', 'generated/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', 'next-env.d.ts'],
  },
  {
    // lib/ and workers/ are shared by web and worker processes: no Next.js or app/ imports
    // (nor do the CLI and the demo generator, cli/ and demo/, which run outside Next.js).
    files: ['lib/**/*.ts', 'workers/**/*.ts', 'cli/**/*.ts', 'demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['next', 'next/*', '@/app/*', '@/components/*'], message: 'lib/ and workers/ stay free of Next.js, app/ and components/.' }] },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*'], message: 'components/ never imports from app/.' }] }],
    },
  },
];

export default config;
