import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../support/fixture-tree';
import { describePair, libFolderPairs } from '../../scripts/lib-folder-pairs';

// Issue 14: no two lib/ folders import each other (the layers stay one-way). The same analysis
// as `npx tsx scripts/lib-folder-pairs.ts`.

describe('lib folder pairs', () => {
  it('no two lib folders import each other', () => {
    const pairs = libFolderPairs();
    expect(pairs.map(describePair).join('\n'), 'two-way lib folder pair(s): break them (scripts/lib-folder-pairs.ts)').toBe('');
  });

  it('finds a pair, through relative, @/lib and dynamic imports, and names the files', () => {
    const { root, write, remove } = fixtureTree('lib-pairs-');
    try {
      write('lib/a/one.ts', "import { two } from '../b/two';\nexport const one = two;\n");
      write('lib/b/two.ts', "export const two = 2;\nexport const load = () => import('@/lib/a/one');\n");
      write('lib/c/three.ts', "import { two } from '@/lib/b/two';\nimport { x } from '../root';\nexport const three = two + x;\n");
      write('lib/root.ts', "import { three } from './c/three';\nexport const x = three;\n");
      expect(libFolderPairs(root)).toEqual([{ a: 'a', b: 'b', aToB: ['lib/a/one.ts'], bToA: ['lib/b/two.ts'] }]);
      expect(describePair(libFolderPairs(root)[0]!)).toBe('lib/a <-> lib/b\n  a -> b: lib/a/one.ts\n  b -> a: lib/b/two.ts');
    } finally {
      remove();
    }
  });
});
