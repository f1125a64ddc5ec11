import { ZodError } from 'zod';
import { disconnectPrisma } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { resolveDatabaseUrl } from '../lib/db/resolve-url';
import { isAppError } from '../lib/errors';
import { stopQueue } from '../lib/queue/client';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { runCommand } from './run-command';
import { decideCommand } from './decide-command';
import { dedupCommand, releaseCommand } from './rlpool-commands';
import { USAGE, UsageError } from './usage';

// `npx cot-studio …` (scripts/cli.mjs runs this with tsx). It talks to the database directly,
// running the same import/export functions the web app's jobs run.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  import: importCommand,
  export: exportCommand,
  run: (argv) => runCommand(argv),
  decide: (argv) => decideCommand(argv),
  dedup: dedupCommand,
  release: releaseCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  const db = await resolveDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  try {
    await migrate({ databaseUrl: db.url });
    return await command(rest);
  } finally {
    await stopQueue({ graceful: false, timeoutMs: 2000 }).catch(() => {});
    await disconnectPrisma();
    await db.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (isAppError(e)) console.error(e.message);
    else if (e instanceof ZodError) console.error(e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
    else console.error((e as Error).stack ?? String(e));
    process.exit(1);
  });
