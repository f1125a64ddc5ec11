import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `npm test`: lint, type-check, unit + integration tests (vitest, real PostgreSQL), a
// production build, then end-to-end tests in Chromium. Ends with one line summing every
// suite: `N passed, N failed`.
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n━━ ${label}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    child.on('exit', (code, signal) => {
      console.log(`━━ ${label} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${code ?? signal})`);
      resolve(code ?? 1);
    });
  });
}

/** Runs a package's JS entry point with this Node, so no shell or npx is involved. */
function runNode(label: string, bin: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return run(label, process.execPath, [path.join(root, 'node_modules', bin), ...args], env);
}

function count(label: string, t: Tally): void {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.push(`${label.padEnd(12)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function check(label: string, bin: string, args: string[]): Promise<void> {
  const code = await runNode(label, bin, args);
  count(label, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);

  if (want('lint')) await check('lint', 'eslint/bin/eslint.js', ['.', '--max-warnings=0']);
  if (want('types')) await check('typecheck', 'typescript/bin/tsc', ['--noEmit']);

  if (want('vitest')) {
    const report = path.join(outDir, 'vitest-report.json');
    fs.rmSync(report, { force: true });
    const code = await runNode('vitest', 'vitest/vitest.mjs', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
    const r = readJson(report) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
    if (r) count('vitest', { passed: r.numPassedTests, failed: r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests });
    else count('vitest', { passed: 0, failed: 1, skipped: 0 });
  }

  const distDir = '.next-test';
  let built: boolean | undefined;
  const build = async () => (built ??= (await runNode('build', 'next/dist/bin/next', ['build'], { NEXT_DIST_DIR: distDir, NEXT_SKIP_TYPECHECK: '1' })) === 0);

  if (want('e2e')) {
    if (!(await build())) {
      count('e2e', { passed: 0, failed: 1, skipped: 0 });
    } else {
      const report = path.join(outDir, 'e2e-report.json');
      fs.rmSync(report, { force: true });
      const code = await runNode('e2e', '@playwright/test/cli.js', ['test'], { NEXT_DIST_DIR: distDir });
      const r = readJson(report) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
      if (r?.stats) {
        count('e2e', { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (code !== 0 && r.stats.unexpected === 0 ? 1 : 0), skipped: r.stats.skipped });
      } else count('e2e', { passed: 0, failed: 1, skipped: 0 });
    }
  }

  // The reliability suite (`npm run test:faults`): restarts its own databases and processes.
  if (want('faults')) {
    if (!(await build())) {
      count('faults', { passed: 0, failed: 1, skipped: 0 });
    } else {
      const report = path.join(outDir, 'faults-report.json');
      fs.rmSync(report, { force: true });
      const code = await runNode('faults', 'vitest/vitest.mjs', ['run', '--config', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
        NEXT_DIST_DIR: distDir,
      });
      const r = readJson(report) as { numPassedTests: number; numFailedTests: number; numPendingTests: number } | undefined;
      if (r) count('faults', { passed: r.numPassedTests, failed: r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests });
      else count('faults', { passed: 0, failed: 1, skipped: 0 });
    }
  }

  console.log('\n' + lines.join('\n'));
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
