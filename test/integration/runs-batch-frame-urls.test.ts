import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBatchSettings } from '@/lib/pipeline/batch/batch-settings';
import { batchTick } from '@/lib/pipeline/batch/batch-tick';
import { frameUrlKey, readSignedFrame, studioFrameStore } from '@/lib/pipeline/batch/frame-urls';
import { curationFrames } from '@/lib/frames/frame-cache';
import { GET } from '@/app/api/frames/[token]/route';
import { seedDataset, startHarness, testClipDir, type Harness } from '../support/pipeline-harness';

// Batch API frames as URLs (COT_<STAGE>_BATCH_FRAMES=url): the same revise items sent inline and
// as links; the links' files are smaller, carry no data URL, and each link serves the frame.
// The ticks are driven here (no batch worker), against the scripted Batch endpoint.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-frame-urls-'));
process.env.COT_DATA_DIR = dataDir;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = { COT_BATCH_POLL_SECONDS: '0', COT_ORIGIN: 'https://studio.example.com' };
const inline = parseBatchSettings(base).settings;
const urls = parseBatchSettings({ ...base, COT_REVISE_BATCH_FRAMES: 'url' }).settings;

/** A revise batch run of two items, ticked to its end; the bodies of the JSONL files it uploaded. */
async function reviseRun(batch: typeof inline): Promise<string[]> {
  const { dataset } = await seedDataset(h.db, { items: [{ draft: '<think>The circle moves first.</think><answer>A</answer>' }, { draft: '<think>The square.</think><answer>A</answer>' }], withRepresentation: true });
  const run = await h.createRun({ stage: 'revise', dataset: dataset.id, mode: 'batch' });
  const deps = { db: h.db, settings: h.settings, batch, holder: 'frame-urls-test' };
  let last = await batchTick(deps, run.id);
  for (let i = 0; i < 20 && last.next !== 'finished'; i++) last = await batchTick(deps, run.id);
  expect(await h.db.pipelineRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'completed', done: 2, failed: 0 });
  const batches = await h.db.modelBatch.findMany({ where: { runId: run.id }, orderBy: { id: 'asc' } });
  return batches.map((b) => h.server.batch.files.get(b.inputFileId!)!.content);
}

describe('Batch API frames as URLs', () => {
  it('url mode sends links instead of data URLs, in smaller files; each link serves the frame; a tampered or expired link is refused', async () => {
    const inlineFiles = await reviseRun(inline);
    const urlFiles = await reviseRun(urls);
    const inlineText = inlineFiles.join('');
    const urlText = urlFiles.join('');
    expect(inlineText).toMatch(/data:image\/jpeg;base64,/);
    expect(urlText).not.toMatch(/data:/);
    expect(Buffer.byteLength(urlText)).toBeLessThan(Buffer.byteLength(inlineText));

    const lines = urlText.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(2);
    const links = lines.flatMap((l) =>
      (JSON.parse(l) as { body: { messages: { content: string | { type: string; image_url?: { url: string } }[] }[] } }).body.messages.flatMap((m) =>
        typeof m.content === 'string' ? [] : m.content.filter((p) => p.type === 'image_url').map((p) => p.image_url!.url),
      ),
    );
    // Both items show the same video's frames (COT_FRAMES_MAX 4 over a 3 s clip: 3 frames).
    expect(links.length).toBeGreaterThan(0);
    for (const u of links) expect(u).toMatch(/^https:\/\/studio\.example\.com\/api\/frames\/[0-9a-f]{64}\.\d+\.[\w-]{43}$/);

    // Fetching a link (the route handler, as the provider would) gives the frame the model would have had inline.
    const sampled = await curationFrames(path.join(testClipDir(), 'clip.mp4'), 3, h.settings.frames);
    const first = links[0]!;
    const token = first.slice(first.lastIndexOf('/') + 1);
    const res = await GET(new Request(first), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await res.arrayBuffer());
    expect(sampled.jpegs.some((j) => j.equals(served))).toBe(true);
    expect(served.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    // A link valid for the 48 h window: refused after it, and when tampered with.
    const exp = Number(token.split('.')[1]);
    expect(exp * 1000 - Date.now()).toBeGreaterThan(47 * 3600_000);
    const store = studioFrameStore();
    await expect(readSignedFrame(token, { ...store, now: new Date(exp * 1000 + 1000) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(readSignedFrame(token, { ...store, key: frameUrlKey('another secret, another studio, 32+ chars') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [hash, , sig] = token.split('.') as [string, string, string];
    const later = `${hash}.${exp + 3600 * 24 * 30}.${sig}`;
    expect((await GET(new Request(first), { params: Promise.resolve({ token: later }) })).status).toBe(403);
    // Not a token at all (a path, say): no such link.
    expect((await GET(new Request(first), { params: Promise.resolve({ token: '../../auth-secret' }) })).status).toBe(404);
  }, 120_000);
});
