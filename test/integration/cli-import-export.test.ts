import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { testDb, uniq } from '../support/db';
import { record, writeJsonl } from '../support/import-helpers';

const root = path.resolve(import.meta.dirname, '../..');
const db = testDb();

function cli(args: string[], opts: { npx?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const [cmd, argv] = opts.npx ? ['npx', ['--no-install', 'cot-studio', ...args]] : [process.execPath, [path.join(root, 'scripts/cli.mjs'), ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd as string, argv as string[], { cwd: root, env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('the cot-studio CLI', () => {
  it('imports a JSON file with a progress line, idempotently, then exports it with a manifest', async () => {
    const name = uniq('cli');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-cli-'));
    const file = path.join(dir, 'data.json');
    const records = [record(1, { problem_type: 'multiple choice', options: ['A) x', 'B) y'], solution: '<answer>A</answer>' }), record('two'), record(3, { extra_field: { ok: true } })];
    fs.writeFileSync(file, JSON.stringify(records, null, 2));

    const first = await cli(['import', file, '--dataset', name, '--media-root', dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported 3 of 3 records from data\.json into dataset "[^"]+"/);
    expect(first.stdout).toMatch(/inserted 3 · updated 0 · unchanged 0 · rejected 0/);
    expect(first.stderr).toMatch(/import 100%/);
    expect(await db.item.count({ where: { dataset: { name } } })).toBe(3);

    const again = await cli(['import', file, '--dataset', name]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/inserted 0 · updated 0 · unchanged 3/);

    const out = path.join(dir, 'rl.jsonl');
    const exp = await cli(['export', '--dataset', name, '--format', 'rl', '--status', 'any', '--fold-options', '--out', out]);
    expect(exp.code).toBe(0);
    expect(exp.stdout).toMatch(/Wrote 3 records \(rl, jsonl\)/);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.problem_id)).toEqual([1, 'two', 3]);
    expect(lines[0].problem).toBe('Question 1?\nA) x\nB) y');
    expect(lines[2].extra_field).toEqual({ ok: true });
    const manifest = JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ records: 3, format: 'rl', filters: { status: ['pending', 'accepted', 'rejected', 'skipped', 'needs_adjudication'] }, options: { foldOptions: true } });
  });

  it('refuses a file with a bad record, naming the line and field, and imports nothing', async () => {
    const name = uniq('cli-bad');
    const file = writeJsonl([record(1), record(2, { problem_type: 'essay' })]);
    const r = await cli(['import', file, '--dataset', name, '--media-root', '/m']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2, problem_type: expected one of "multiple choice"/);
    expect(r.stderr).toMatch(/Nothing imported/);
    expect(await db.dataset.findUnique({ where: { name } })).toBeNull();

    const report = path.join(path.dirname(file), 'report.jsonl');
    const skip = await cli(['import', file, '--dataset', name, '--media-root', '/m', '--skip-bad', '--report', report]);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/Imported 1 of 2 records/);
    expect(JSON.parse(fs.readFileSync(report, 'utf8').trim())).toMatchObject({ line: 2, field: 'problem_type' });
  });

  it('explains its usage when arguments are missing', async () => {
    const r = await cli(['import', 'x.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/import needs --dataset NAME/);
    expect(r.stderr).toMatch(/Usage:/);
  });

  it('runs through npx from the project folder', async () => {
    const r = await cli(['help'], { npx: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cot-studio import FILE --dataset NAME/);
  });
});
