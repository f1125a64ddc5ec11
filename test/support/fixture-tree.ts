import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway folder of source files for tests of the repository checks (scripts/*). */
export function fixtureTree(prefix: string): { root: string; write: (rel: string, text: string) => void; remove: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    root,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
