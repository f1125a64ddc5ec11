import path from 'node:path';
import { config } from '@/lib/config';
import { resolveDatabaseUrl } from '@/lib/db/resolve-url';
import { migrate } from '@/lib/db/migrate';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { seedDemo } from '@/demo/seed';

// `npm run seed`: create the demo dataset (and its media) without starting the studio.
const db = await resolveDatabaseUrl();
process.env.DATABASE_URL = db.url;
try {
  await migrate({ databaseUrl: db.url, onLog: (l) => console.log(l) });
  await seedDemo(prisma(), { mediaDir: path.join(config().dataDir, 'media'), onProgress: (m) => console.log(m) });
} finally {
  await disconnectPrisma();
  await db.stop();
}
