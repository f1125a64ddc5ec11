import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '@/lib/queue/contract';
import { ensureQueues, QUEUE_SCHEMA } from '@/lib/queue/client';
import { createTestDatabase, type TestDatabase } from '@/test/support/test-database';

// Several workers started at once on a fresh database (bench/scale-out with 2 and 4 workers)
// create the same queues at the same moment; one used to die with "deadlock detected".
describe('workers starting together', () => {
  let db: TestDatabase;
  const bosses: PgBoss[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('queue-race');
  });
  afterAll(async () => {
    await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true }).catch(() => undefined)));
    await db.drop();
  });

  it('four queue clients creating every queue at once all start, and each queue exists once', async () => {
    for (let i = 0; i < 4; i++) bosses.push(new PgBoss({ connectionString: db.url, schema: QUEUE_SCHEMA, max: 4, supervise: false, schedule: false }));
    for (const b of bosses) b.on('error', () => undefined);
    await bosses[0]!.start(); // the schema itself: pg-boss serialises its own install
    await Promise.all(bosses.slice(1).map((b) => b.start()));
    await Promise.all(bosses.map((b) => ensureQueues(b, db.url)));
    const queues = await bosses[0]!.getQueues();
    for (const n of JOB_NAMES) expect(queues.filter((q) => q.name === n)).toHaveLength(1);
  });
});
