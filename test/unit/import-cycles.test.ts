import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../support/fixture-tree';
import { describeCycle, importCycles } from '../../scripts/import-cycles';

// No module imports itself through a chain of others (formerly eslint's import/no-cycle; the same
// analysis as `npx tsx scripts/import-cycles.ts`, run by `npm run lint`).

describe('import cycles', () => {
  it('no first-party module imports itself through others', () => {
    expect(importCycles().map(describeCycle).join('\n'), 'import cycle(s): break them (scripts/import-cycles.ts)').toBe('');
  }, 60_000);

  it('finds cycles through @/ paths, index files, re-exports, dynamic and side-effect imports, .mjs and ignored folders; not through type-only imports or packages', () => {
    const { root, write, remove } = fixtureTree('import-cycles-');
    try {
      write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', paths: { '@/*': ['./*'] } } }));
      // A three-file cycle: an @/ path, a relative import, and a re-export closing it.
      write('lib/a.ts', "import { b } from '@/lib/b';\nexport const a = b;\n");
      write('lib/b.ts', "import { c } from './c';\nexport const b = c;\n");
      write('lib/c.ts', "export const c = 1;\nexport * from './a';\n");
      // Type-only back edges are erased at compile time: no cycle.
      write('lib/d.ts', "import type { E } from './e';\nexport const d = 1;\nexport type D = E;\n");
      write('lib/e.ts', "import { d } from './d';\nexport type E = number;\nexport const e = d;\n");
      write('lib/f.ts', "import { type G, type H } from './g';\nexport const f = 1;\nexport type F = G | H;\n");
      write('lib/g.ts', "import { f } from './f';\nexport type G = number;\nexport type H = string;\nexport const g = f;\n");
      write('lib/t.ts', "export type { U } from './u';\nexport const t = 1;\n");
      write('lib/u.ts', "import { t } from './t';\nexport type U = typeof t;\n");
      // A dynamic import closes a cycle too.
      write('features/h.tsx', "export const load = () => import('./i');\nexport const H = () => <div />;\n");
      write('features/i.ts', "import { H } from './h';\nexport const i = H;\n");
      // So does a side-effect import, and a folder imported through its index file.
      write('app/j.ts', "import './k';\nexport const j = 1;\n");
      write('app/k.ts', "import { l } from '@/app/dir';\nexport const k = l;\n");
      write('app/dir/index.ts', "import { j } from '../j';\nexport const l = j;\n");
      // .mjs modules are linted and checked.
      write('scripts/m.mjs', "import { n } from './n.mjs';\nexport const m = n;\n");
      write('scripts/n.mjs', "import { m } from './m.mjs';\nexport const n = () => m;\n");
      // A folder ESLint ignores (generated/) is still followed from the files that import it.
      write('lib/p.ts', "import { q } from '@/generated/q';\nexport const p = q;\n");
      write('generated/q.ts', "import { p } from '@/lib/p';\nexport const q = () => p;\n");
      // Packages are left out, even one that imports back into the project.
      write('node_modules/pkg/package.json', JSON.stringify({ name: 'pkg', types: 'index.d.ts', main: 'index.js' }));
      write('node_modules/pkg/index.d.ts', "import { o } from '../../lib/o';\nexport declare const pkg: typeof o;\n");
      write('lib/o.ts', "import { pkg } from 'pkg';\nexport const o = 1;\nexport const same = pkg;\n");

      const cycles = importCycles(root);
      expect(cycles.map((c) => c.map((s) => `${s.file}:${s.line}`).join(' > '))).toEqual([
        'app/dir/index.ts:1 > app/j.ts:1 > app/k.ts:1',
        'features/h.tsx:1 > features/i.ts:1',
        'generated/q.ts:1 > lib/p.ts:1',
        'lib/a.ts:1 > lib/b.ts:1 > lib/c.ts:2',
        'scripts/m.mjs:1 > scripts/n.mjs:1',
      ]);
      expect(describeCycle(cycles[3]!)).toBe(
        "lib/a.ts -> lib/b.ts -> lib/c.ts -> lib/a.ts\n  lib/a.ts:1 imports '@/lib/b'\n  lib/b.ts:1 imports './c'\n  lib/c.ts:2 imports './a'",
      );

      // Breaking one import of a cycle clears it (so the check fails only on a real cycle).
      write('lib/c.ts', 'export const c = 1;\n');
      expect(importCycles(root).map((c) => c[0]!.file)).toEqual(['app/dir/index.ts', 'features/h.tsx', 'generated/q.ts', 'scripts/m.mjs']);
    } finally {
      remove();
    }
  });
});
