import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { config } from '@/lib/config';
import { resolveDatabaseUrl } from '@/lib/db/resolve-url';
import { migrate } from '@/lib/db/migrate';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { seedDemo } from '@/demo/seed';
import { ensureFirstAdmin } from '@/lib/auth/users/ensure-first-admin';
import { needsBuild } from './lib/needs-build';

// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, then the web
// app and one worker in this terminal. Ctrl-C stops both, then the database, cleanly.
const dev = process.argv.includes('--dev');
const root = path.resolve(import.meta.dirname, '..');

function say(msg: string): void {
  console.log(`[studio] ${msg}`);
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => `[${name}] ${l}`)
      .join('\n');
  child.stdout?.on('data', (c: Buffer) => console.log(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => console.error(prefix(c)));
  return child;
}

function waitExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

async function main(): Promise<void> {
  const cfg = config();
  say(cfg.databaseUrl ? 'using DATABASE_URL' : `starting embedded PostgreSQL in ${path.join(cfg.dataDir, 'pg')}`);
  const db = await resolveDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  const mig = await migrate({ databaseUrl: db.url, onLog: say });
  say(`migrations: ${mig.applied.length} applied, ${mig.alreadyApplied} already in place`);

  const admin = await ensureFirstAdmin(prisma(), { email: cfg.adminEmail, password: cfg.adminPassword });
  if (admin.created) {
    say(`first admin created: ${admin.email}`);
    if (admin.generated) say(`  password: ${admin.password}   (shown once — sign in and keep it, or set COT_ADMIN_PASSWORD before the first start)`);
  }

  if (process.env.COT_SKIP_DEMO !== '1') {
    await seedDemo(prisma(), { mediaDir: path.join(cfg.dataDir, 'media'), onProgress: say });
  }
  await disconnectPrisma();

  const env = { ...process.env, DATABASE_URL: db.url, PORT: String(cfg.port), NEXT_TELEMETRY_DISABLED: '1' };
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!dev && needsBuild(root)) {
    say('building the web app (first start, or sources changed)…');
    const build = run('build', process.execPath, [nextBin, 'build'], env);
    const code = await waitExit(build);
    if (code !== 0) {
      await db.stop();
      throw new Error(`next build failed with exit code ${code}`);
    }
  }
  const tsxBin = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // Next.js behind our own HTTP server, which resolves client addresses and caps anonymous bodies.
  const web = run('web', process.execPath, [tsxBin, path.join(root, 'scripts', 'web-server.ts'), ...(dev ? ['--dev'] : []), '-p', String(cfg.port)], env);
  const worker = run('worker', process.execPath, [tsxBin, path.join(root, 'workers', 'index.ts')], env);
  say(`studio at http://localhost:${cfg.port} — Ctrl-C stops the web app, the worker and the database`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${why})…`);
    for (const c of [web, worker]) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all([waitExit(web), waitExit(worker)]);
    await db.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  web.on('exit', (code) => void stop(`web exited with ${code}`));
  worker.on('exit', (code) => void stop(`worker exited with ${code}`));
}

// Ctrl-C in a terminal signals the whole foreground process group at once, which would stop
// PostgreSQL while the worker is still finishing its jobs. So the real work runs in its own
// process group, and this foreground process turns Ctrl-C into one orderly SIGTERM.
if (process.argv.includes('--supervised')) {
  main().catch((e) => {
    console.error(`[studio] failed: ${(e as Error).message}`);
    process.exit(1);
  });
} else {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1), '--supervised'], { stdio: 'inherit', detached: true });
  const forward = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
