import { resolveDatabaseUrl } from '@/lib/db/resolve-url';
import { migrate } from '@/lib/db/migrate';

// `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded server).
const db = await resolveDatabaseUrl();
try {
  const r = await migrate({ databaseUrl: db.url, onLog: (l) => console.log(l) });
  console.log(`${r.applied.length} applied, ${r.alreadyApplied} already in place`);
} finally {
  await db.stop();
}
