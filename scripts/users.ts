import { parseArgs } from 'node:util';
import { resolveDatabaseUrl } from '@/lib/db/resolve-url';
import { migrate } from '@/lib/db/migrate';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { createUser } from '@/lib/auth/users/create-user';
import { updateUser } from '@/lib/auth/users/update-user';
import { listUsers } from '@/lib/auth/users/list-users';
import { generatePassword } from '@/lib/auth/users/password';
import { createApiToken } from '@/lib/auth/tokens/create-api-token';

// `npm run users -- <command>`: accounts from the command line, for set-up and recovery (a lost
// admin password). Talks to the database directly, like `npm start` (DATABASE_URL or the
// embedded server), so it works while the web app is down.
const USAGE = `usage: npm run users -- <command> [options]
  list
  create --email <e> --role admin|reviewer [--name <n>] [--password <p>]   (a password is generated when omitted)
  reset-password --email <e> [--password <p>]                              (ends the user's sessions, revokes their API tokens)
  set-role --email <e> --role admin|reviewer
  disable --email <e> | enable --email <e>                                    (both revoke the user's API tokens)
  token --email <e> --name <token name> [--days <n>]                       (prints a new API token once)`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, days: { type: 'string' } },
  });
  const [command] = positionals;
  if (!command) throw new Error(USAGE);
  const handle = await resolveDatabaseUrl();
  process.env.DATABASE_URL = handle.url;
  try {
    await migrate({ databaseUrl: handle.url });
    const db = prisma();
    const byEmail = async () => {
      if (!values.email) throw new Error('--email is required');
      const u = await db.user.findUnique({ where: { email: values.email.toLowerCase() } });
      if (!u) throw new Error(`no user with the email ${values.email}`);
      return u;
    };
    const role = () => {
      if (values.role !== 'admin' && values.role !== 'reviewer') throw new Error('--role must be admin or reviewer');
      return values.role;
    };
    switch (command) {
      case 'list':
        for (const u of await listUsers(db)) console.log(`${u.email.padEnd(40)} ${u.role.padEnd(9)} ${u.disabled ? 'disabled' : 'active'}  tokens: ${u.activeTokens}`);
        break;
      case 'create': {
        const password = values.password ?? generatePassword();
        const u = await createUser(db, { actorId: null, input: { email: values.email ?? '', name: values.name ?? values.email?.split('@')[0] ?? '', role: role(), password } });
        console.log(`created ${u.email} (${u.role})${values.password ? '' : ` — password: ${password}`}`);
        break;
      }
      case 'reset-password': {
        const password = values.password ?? generatePassword();
        const u = await updateUser(db, { actorId: null, userId: (await byEmail()).id, input: { password } });
        console.log(`new password for ${u.email}${values.password ? ' set' : `: ${password}`}`);
        break;
      }
      case 'set-role':
        console.log(`${(await updateUser(db, { actorId: null, userId: (await byEmail()).id, input: { role: role() } })).email} is now ${values.role}`);
        break;
      case 'disable':
      case 'enable':
        await updateUser(db, { actorId: null, userId: (await byEmail()).id, input: { disabled: command === 'disable' } });
        console.log(`${values.email} ${command}d`);
        break;
      case 'token': {
        const t = await createApiToken(db, {
          userId: (await byEmail()).id,
          input: { name: values.name ?? 'cli', ...(values.days ? { expiresInDays: Number(values.days) } : {}) },
        });
        console.log(t.token);
        console.error(`(API token "${t.name}" for ${values.email}; shown once — send it as Authorization: Bearer <token>)`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await disconnectPrisma();
    await handle.stop();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
