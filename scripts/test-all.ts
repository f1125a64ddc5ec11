import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `npm test`: lint, type-check and a production build, side by side with the unit + integration
// tests (vitest, real PostgreSQL); then end-to-end tests in Chromium and the reliability suite.
// Ends with one line summing every suite: `N passed, N failed`.
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines = new Map<string, string>();
const ORDER = ['lint', 'typecheck', 'vitest', 'e2e', 'faults'];

/** Stage wall times, printed with the summary. */
const times: string[] = [];

/**
 * Runs one stage. With `prefix` (stages running side by side) its output is piped and each line
 * starts with `[label]`, so two stages' output stays readable; otherwise it is the terminal's.
 * `low` runs it at a lower CPU priority (nice 10): it then takes only the CPU the other lane leaves.
 */
function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}, prefix = false, low = false): Promise<number> {
  console.log(`\n━━ ${label}: ${[cmd, ...args].join(' ')}${low ? ' (nice 10)' : ''}`);
  if (low) [cmd, args] = ['nice', ['-n', '10', cmd, ...args]];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    if (prefix) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        let rest = '';
        from!.setEncoding('utf8');
        from!.on('data', (chunk: string) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop()!;
          for (const line of parts) to.write(`[${label}] ${line}\n`);
        });
        from!.on('end', () => rest && to.write(`[${label}] ${rest}\n`));
      }
    }
    child.on('close', (code, signal) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      times.push(`${label} ${secs} s`);
      console.log(`━━ ${label} finished in ${secs} s (exit ${code ?? signal})`);
      resolve(code ?? 1);
    });
  });
}

/** Runs a package's JS entry point with this Node, so no shell or npx is involved. */
function runNode(label: string, bin: string, args: string[], env: Record<string, string> = {}, prefix = false, low = false): Promise<number> {
  return run(label, process.execPath, [path.join(root, 'node_modules', bin), ...args], env, prefix, low);
}

function count(label: string, t: Tally): void {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.set(label, `${label.padEnd(12)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function check(label: string, bin: string, args: string[], prefix = false, low = false): Promise<void> {
  const code = await runNode(label, bin, args, {}, prefix, low);
  count(label, { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

const startedAll = Date.now();

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);

  const distDir = '.next-test';
  let building: Promise<boolean> | undefined;
  const build = (prefix = false, low = false) =>
    (building ??= runNode('build', 'next/dist/bin/next', ['build'], { NEXT_DIST_DIR: distDir, NEXT_SKIP_TYPECHECK: '1' }, prefix, low).then((c) => c === 0));

  // Two lanes side by side: lint, type-check and the production build (CPU-bound, mostly one
  // thread each) run one after another while vitest runs (whose files spend much of their time
  // waiting on PostgreSQL, child processes and timers). On 2 cores this saves most of the lane's
  // time. Each stage's lines are prefixed with its name while both lanes run. The checks lane
  // runs at nice 10 so it only fills the CPU vitest leaves idle: at equal priority, lint beside
  // vitest's first (longest) files pushed the CLI test, which spawns tsx three times, past 60 s.
  const parallel = want('vitest') && (want('lint') || want('types') || want('e2e') || want('faults'));
  const checks = async () => {
    if (want('lint')) await check('lint', 'eslint/bin/eslint.js', ['.', '--max-warnings=0'], parallel, parallel);
    if (want('types')) await check('typecheck', 'typescript/bin/tsc', ['--noEmit'], parallel, parallel);
    if (want('e2e') || want('faults')) await build(parallel, parallel);
  };
  const vitest = async () => {
    if (!want('vitest')) return;
    const report = path.join(outDir, 'vitest-report.json');
    fs.rmSync(report, { force: true });
    const code = await runNode('vitest', 'vitest/vitest.mjs', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {}, parallel);
    const r = readJson(report) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
    if (r) count('vitest', { passed: r.numPassedTests, failed: r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests });
    else count('vitest', { passed: 0, failed: 1, skipped: 0 });
  };
  await Promise.all([checks(), vitest()]);
  const built = () => build();

  if (want('e2e')) {
    if (!(await built())) {
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
    if (!(await built())) {
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

  console.log(`\nStage times: ${times.join(', ')} (total ${((Date.now() - startedAll) / 1000).toFixed(0)} s)`);
  console.log([...lines].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)).map(([, l]) => l).join('\n'));
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
