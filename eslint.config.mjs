import fs from 'node:fs';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Browser code lives in features/<f>/{api,components}; components/ holds shared primitives only
// (README "Browser code: features and shared components"). The zones below keep it that way.
const features = fs.existsSync('features') ? fs.readdirSync('features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

const zones = [
  { target: './lib', from: ['./app', './components', './features', './workers'], message: 'lib/ is the domain: it never imports app/, components/, features/ or workers/.' },
  { target: './workers', from: ['./app', './components', './features'], message: 'workers/ never import app/, components/ or features/.' },
  { target: './components', from: ['./features', './app'], message: 'components/ holds shared primitives: it never imports a feature or app/.' },
  { target: './features', from: ['./app'], message: 'features never import app/: pages compose features, not the other way round.' },
  ...features.map((f) => ({
    target: `./features/${f}`,
    from: './features',
    except: [`./${f}`],
    message: `features/${f} must not import another feature: move what both need to components/ or lib/, or compose them in a page under app/.`,
  })),
];

// Database modules (lib/db: the Prisma client, the raw pg client, the migrator) must never reach
// the browser. The `server-only` package cannot mark them: it throws outside the react-server
// condition, and the same modules are loaded by tsx (npm start/worker/scripts) and vitest. So a
// client component ('use client') importing lib/db is a lint error instead; components/ and
// features/ (browser code) may not import it at all (zones below).
const DB_MODULE = /^(@\/lib\/db)(\/|$)|(^|\/)lib\/db(\/|$)/;
const noDbInClient = {
  meta: { type: 'problem', messages: { db: "A 'use client' module must not import {{source}}: database modules are server-only." }, schema: [] },
  create(context) {
    let client = false;
    const check = (node, source) => {
      if (client && typeof source === 'string' && DB_MODULE.test(source)) context.report({ node, messageId: 'db', data: { source } });
    };
    return {
      Program(node) {
        client = node.body.some((s) => s.type === 'ExpressionStatement' && s.directive === 'use client');
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

// Import cycles are checked by scripts/import-cycles.ts (`npm run lint` runs it after ESLint; the
// unit suite runs it too), not by import/no-cycle: that rule took 100 of the 120 s of `eslint .`.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-test/**', 'generated/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { studio: { rules: { 'no-db-in-client': noDbInClient } } },
    rules: {
      'studio/no-db-in-client': 'error',
      'import/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
    },
  },
  {
    // lib/ and workers/ are shared by web and worker processes: no Next.js or app/ imports
    // (nor do the CLI and the demo generator, cli/ and demo/, which run outside Next.js).
    files: ['lib/**/*.ts', 'workers/**/*.ts', 'cli/**/*.ts', 'demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['next', 'next/*', '@/app/*', '@/components/*', '@/features/*'], message: 'lib/ and workers/ stay free of Next.js, app/, components/ and features/.' }] },
      ],
    },
  },
  {
    // Browser code: no app/ imports (zones above say the same for relative paths) and no database modules.
    files: ['components/**/*.{ts,tsx}', 'features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*'], message: 'components/ and features/ never import from app/.' },
            { group: ['@/lib/db', '@/lib/db/*'], message: 'Browser code (components/, features/) never imports database modules.' },
          ],
        },
      ],
    },
  },
];

export default config;
