import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '@/lib/db/migrate';
import { assertTestDatabaseUrl } from '../support/test-database';

const MIGRATION = '20261203110000_imported_cots_stale_lossless';
let dbName: string | null = null;
const serverUrl = () => {
  const u = new URL(inject('databaseUrl'));
  u.pathname = '/postgres';
  return u.toString();
};

afterAll(async () => {
  if (!dbName) return;
  const c = new pg.Client({ connectionString: serverUrl() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await c.end();
});

// A database as it was before this migration (imported CoTs stored as process + "\n" + solution,
// never the item's draft), then the migration: the data is repaired in place.
describe(`migration ${MIGRATION}`, () => {
  it('stores imported CoTs once, fails two answers, and makes the imported CoT the draft where none was generated', async () => {
    dbName = `cot_test_backfill_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const u = new URL(inject('databaseUrl'));
    u.pathname = `/${dbName}`;
    const url = u.toString();
    assertTestDatabaseUrl(url);

    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-migrations-'));
    for (const d of fs.readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })) {
      if (d.isDirectory() && d.name < MIGRATION) fs.cpSync(path.join(DEFAULT_MIGRATIONS_DIR, d.name), path.join(before, d.name), { recursive: true });
    }
    await migrate({ databaseUrl: url, migrationsDir: before });

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const ds = (await c.query<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) VALUES ('old', '/m', now()) RETURNING id`)).rows[0]!.id;
      const item = async (pid: string) =>
        (
          await c.query<{ id: number }>(
            `INSERT INTO item (dataset_id, problem_id, problem, problem_type, data_type, path, solution, updated_at)
             VALUES ($1, $2, 'Q?', 'multiple choice', 'video', './v.mp4', '<answer>B</answer>', now()) RETURNING id`,
            [ds, pid],
          )
        ).rows[0]!.id;
      const version = async (itemId: number, kind: string, text: string, correct: boolean) =>
        (
          await c.query<{ id: number }>(
            `INSERT INTO cot_version (item_id, kind, text, answer, format_ok, answer_score, answer_correct) VALUES ($1, $2, $3, 'B', true, $4, $5) RETURNING id`,
            [itemId, kind, text, correct ? 1 : 0, correct],
          )
        ).rows[0]!.id;
      const doubled = await item('doubled');
      const vDoubled = await version(doubled, 'imported', '<think>x</think>\n<answer>B</answer>\n<answer>B</answer>', true);
      const differ = await item('differ');
      const vDiffer = await version(differ, 'imported', '<think>x</think>\n<answer>A</answer>\n<answer>B</answer>', false);
      const thinkOnly = await item('think-only');
      const vThink = await version(thinkOnly, 'imported', '<think>x</think>\n<answer>B</answer>', true);
      const drafted = await item('drafted');
      await version(drafted, 'imported', '<think>x</think>\n<answer>B</answer>', true);
      const vDraft = await version(drafted, 'draft', '<think>generated</think><answer>B</answer>', true);
      await c.query(`UPDATE item SET current_draft_id = $1 WHERE id = $2`, [vDraft, drafted]);

      await migrate({ databaseUrl: url });

      const v = async (id: number) => (await c.query(`SELECT text, format_ok FROM cot_version WHERE id = $1`, [id])).rows[0];
      expect(await v(vDoubled)).toEqual({ text: '<think>x</think>\n<answer>B</answer>', format_ok: true });
      expect(await v(vDiffer)).toEqual({ text: '<think>x</think>\n<answer>A</answer>', format_ok: true });
      expect(await v(vThink)).toEqual({ text: '<think>x</think>\n<answer>B</answer>', format_ok: true });
      const items = (await c.query(`SELECT problem_id, current_draft_id, draft_correct, cot_length FROM item ORDER BY id`)).rows;
      expect(items).toEqual([
        { problem_id: 'doubled', current_draft_id: vDoubled, draft_correct: true, cot_length: 35 },
        { problem_id: 'differ', current_draft_id: vDiffer, draft_correct: false, cot_length: 35 },
        { problem_id: 'think-only', current_draft_id: vThink, draft_correct: true, cot_length: 35 },
        { problem_id: 'drafted', current_draft_id: vDraft, draft_correct: null, cot_length: null },
      ]);
    } finally {
      await c.end();
    }
  });
});
