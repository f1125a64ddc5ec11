import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layout rules of README "Browser code: features and shared components", as eslint.config.mjs
// enforces them. Probe files are written where the rule applies, linted in one ESLint run (its
// CLI, as `npm run lint` runs it) and removed again.
const root = path.resolve(import.meta.dirname, '../..');
const tag = `__lint_probe_${process.pid}`;
const probes = {
  crossFeature: [`features/runs/components/${tag}_a.tsx`, "import { useItemsCount } from '@/features/items/api/get-items-count';\nexport const x = useItemsCount;\n"],
  ownFeature: [`features/runs/components/${tag}_b.tsx`, "import { useRuns } from '@/features/runs/api/runs-list';\nimport { Modal } from '@/components/ui/modal';\nimport type { RunView } from '@/lib/runs/run-view';\nexport const x: [unknown, unknown, RunView | null] = [useRuns, Modal, null];\n"],
  componentsToFeature: [`components/ui/${tag}_c.tsx`, "import { RunProgress } from '@/features/runs/components/run-progress';\nexport const x = RunProgress;\n"],
  libToComponents: [`lib/${tag}_d.ts`, "import { Modal } from '@/components/ui/modal';\nexport const x = Modal;\n"],
  libToFeature: [`lib/${tag}_e.ts`, "import { useRuns } from '@/features/runs/api/runs-list';\nexport const x = useRuns;\n"],
  clientDb: [`app/${tag}_f.tsx`, "'use client';\nimport { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
  serverDb: [`app/${tag}_g.tsx`, "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
  featureDb: [`features/items/api/${tag}_h.ts`, "import { prisma } from '@/lib/db/client';\nexport const x = prisma;\n"],
} as const;
const rules: Record<string, string[]> = {};

describe('lint boundaries', () => {
  beforeAll(async () => {
    for (const [file, code] of Object.values(probes)) fs.writeFileSync(path.join(root, file), code);
    // Exit code 1 means lint errors, which the probes are for; the report is on stdout either way.
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', ...Object.values(probes).map(([f]) => f)], { cwd: root, maxBuffer: 16 << 20 }, (err, stdout) =>
        stdout ? resolve(stdout) : reject(err ?? new Error('eslint printed nothing')),
      ),
    );
    for (const r of JSON.parse(out) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[]) {
      rules[path.relative(root, r.filePath)] = r.messages.map((m) => m.ruleId ?? m.message);
    }
  }, 180_000);
  afterAll(() => {
    for (const [file] of Object.values(probes)) fs.rmSync(path.join(root, file), { force: true });
  });
  const of = (k: keyof typeof probes) => rules[probes[k][0]];

  it('a feature may not import another feature, but may import its own api, components/ and lib types', () => {
    expect(of('crossFeature')).toContain('import/no-restricted-paths');
    expect(of('ownFeature')).toEqual([]);
  });

  it('components/ never imports a feature; lib/ never imports features or components', () => {
    expect(of('componentsToFeature')).toContain('import/no-restricted-paths');
    expect(of('libToComponents')).toContain('import/no-restricted-paths');
    expect(of('libToFeature')).toContain('import/no-restricted-paths');
  });

  it("database modules stay out of 'use client' files and browser code", () => {
    expect(of('clientDb')).toContain('studio/no-db-in-client');
    expect(of('serverDb')).toEqual([]);
    expect(of('featureDb')).toContain('no-restricted-imports');
  });
});
