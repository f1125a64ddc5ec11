import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePipelineSettings } from '@/lib/pipeline/settings';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ffmpegPath } from '@/lib/media/ffmpeg-path';
import { seedDataset, startHarness, testClipDir, type Harness } from '../support/pipeline-harness';
import { autoResponder, type ScriptedRequest } from '../support/scripted-model-server';

let h: Harness;
let main: Awaited<ReturnType<Harness['startWorker']>>;
beforeAll(async () => {
  h = await startHarness();
  main = await h.startWorker();
});

/** Runs `fn` with the default worker stopped, so a test's own worker takes the jobs. */
async function withoutMainWorker(fn: () => Promise<void>) {
  await main.stop(2000);
  try {
    await fn();
  } finally {
    main = await h.startWorker();
  }
}
afterAll(async () => h?.stop());

type Part = { type: string; text?: string; image_url?: { url: string }; video_url?: { url: string } };
const userParts = (r: ScriptedRequest) => (r.body.messages as { role: string; content: Part[] }[]).find((m) => m.role === 'user')!.content;

describe('represent, revise, check and consistency', () => {
  it('represent runs once per video, sends timestamped JPEG frames, and stores a valid representation', async () => {
    const { dataset, videoIds } = await seedDataset(h.db, { items: [{}, {}, {}], sharedVideo: true });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'represent', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', total: 1, done: 1 });
    expect(h.server.requests).toHaveLength(1);
    const parts = userParts(h.server.requests[0]!);
    const images = parts.filter((p) => p.type === 'image_url');
    // A 3-second clip at 1 fps, capped at COT_FRAMES_MAX=4: three frames, each after its timestamp.
    expect(images).toHaveLength(3);
    expect(images[0]!.image_url!.url).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(parts.filter((p) => p.type === 'text').map((p) => p.text)).toEqual(expect.arrayContaining(['[00:00:00]', '[00:00:01]', '[00:00:02]']));
    const video = await h.db.video.findUniqueOrThrow({ where: { id: videoIds[0]! } });
    expect(video.representationModel).toBe('scripted-model');
    expect(video.representationPromptVersion).toBe('represent/v1');
    expect((video.representation as { frames: { timestamp: string }[] }).frames.map((f) => f.timestamp)).toEqual(['00:00:00', '00:00:01', '00:00:02']);
    const [r] = await h.results(run.id);
    expect(r!.rawOutput).toContain('video_caption');
  });

  it('represent rejects output that does not match the schema, keeping the raw text, and a retry fixes it', async () => {
    const { dataset, videoIds } = await seedDataset(h.db, { items: [{}] });
    const bad = JSON.stringify({ video_caption: 'x', frames: [{ timestamp: '0:01', caption: 'c', key_elements: {} }] });
    h.server.enqueue({ kind: 'chat', content: `Here you go:\n\`\`\`json\n${bad}\n\`\`\`` });
    const run = await h.waitForRun((await h.createRun({ stage: 'represent', dataset: dataset.id })).id);
    expect(run).toMatchObject({ failed: 1, done: 0 });
    const [r] = await h.results(run.id);
    expect(r!.error).toMatch(/^Representation does not match the schema — frames\[\]\.timestamp: must be HH:MM:SS/);
    // The whole response is kept (content, usage), as for a done result.
    expect((JSON.parse(r!.rawOutput!) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toContain('"0:01"');
    expect(r!.tokensIn).toBe(100);
    expect((await h.db.video.findUniqueOrThrow({ where: { id: videoIds[0]! } })).representation).toBeNull();

    const { retryRun } = await import('@/lib/runs/retry-run');
    await retryRun(h.db, h.settings, run.id, { actorId: null });
    const again = await h.waitForRun(run.id);
    expect(again).toMatchObject({ status: 'completed', done: 1, failed: 0 });
    expect((await h.db.video.findUniqueOrThrow({ where: { id: videoIds[0]! } })).representation).not.toBeNull();
  });

  it('an image item is represented from its one picture', async () => {
    const { dataset, videoIds } = await seedDataset(h.db, { items: [{}] });
    const png = path.join(testClipDir(), 'still.png');
    if (!fs.existsSync(png)) execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=200x100', '-frames:v', '1', png]);
    await h.db.video.update({ where: { id: videoIds[0]! }, data: { path: './still.png', dataType: 'image', durationSec: 0 } });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'represent', dataset: dataset.id })).id);
    expect(run.done).toBe(1);
    const parts = userParts(h.server.requests[0]!);
    expect(parts.filter((p) => p.type === 'image_url')).toHaveLength(1);
    expect(parts.map((p) => p.text ?? '').join(' ')).toContain('Below is one image');
  });

  it('video_url input sends the clip itself when the endpoint takes video', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}] });
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'vl', COT_REPRESENT_VIDEO_INPUT: 'video_url' }).settings;
    h.server.resetStats();
    await withoutMainWorker(async () => {
      const w = await h.startWorker({ settings: s });
      await h.waitForRun((await h.createRun({ stage: 'represent', dataset: dataset.id }, s)).id);
      await w.stop(1000);
    });
    const parts = h.server.requests.flatMap((r) => userParts(r));
    expect(parts.filter((p) => p.type === 'video_url')[0]?.video_url?.url).toMatch(/^data:video\/mp4;base64,/);
    expect(parts.some((p) => p.type === 'image_url')).toBe(false);
  });

  it('revise sees the frames and the draft, and keeps the draft answer', async () => {
    const draft = '<think>\nThe description says the circle is blue. So the answer is A.\n</think>\n<answer>A</answer>';
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft }] });
    h.server.resetStats();
    const run = await h.waitForRun((await h.createRun({ stage: 'revise', dataset: dataset.id, filter: 'hasDraft=true' })).id);
    expect(run).toMatchObject({ done: 1, failed: 0 });
    const parts = userParts(h.server.requests[0]!);
    expect(parts.filter((p) => p.type === 'image_url').length).toBe(3);
    expect(parts.map((p) => p.text ?? '').join('\n')).toContain('The description says the circle is blue');
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! }, include: { cotVersions: { orderBy: { id: 'asc' } } } });
    const revision = item.cotVersions.find((v) => v.kind === 'revision')!;
    expect(item.currentRevisionId).toBe(revision.id);
    expect(revision.parentVersionId).toBe(item.currentDraftId);
    expect(revision.text).toMatch(/^<think>\nWatching the video again: The video says the circle is blue\. So the answer is A\.\n<\/think>\n<answer>A<\/answer>$/);
    expect(revision).toMatchObject({ promptVersion: 'revise/v1', formatOk: true, answerCorrect: true });
    expect(item.revisionCorrect).toBe(true);
  });

  it('revise fails items without a draft, and a reply without <think> is a failure with its text kept', async () => {
    const { dataset } = await seedDataset(h.db, { items: [{}, { draft: '<think>x</think><answer>A</answer>' }] });
    h.server.enqueue({ kind: 'chat', content: 'The revised reasoning is fine as is.' });
    const run = await h.waitForRun((await h.createRun({ stage: 'revise', dataset: dataset.id })).id);
    expect(run).toMatchObject({ failed: 2, done: 0 });
    const content = (raw: string | null) => (raw === null ? null : (JSON.parse(raw) as { choices: { message: { content: string } }[] }).choices[0]!.message.content);
    const errors = (await h.results(run.id)).map((r) => [r.error, content(r.rawOutput)]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['The item has no draft to revise: run draft first', null],
        ['Revision is missing <think>…</think>', 'The revised reasoning is fine as is.'],
      ]),
    );
  });

  it('check scores draft and revision and writes the verdict with its reason', async () => {
    const ok = '<think>It is A.</think>\n<answer>A</answer>';
    const { dataset, itemIds } = await seedDataset(h.db, {
      items: [
        { draft: ok }, // keep
        { draft: '<think>It is B.</think>\n<answer>B</answer>' }, // wrong answer
        { draft: 'A' }, // bad format
        { draft: '<think>wrong</think><answer>B</answer>', revision: ok }, // the revision decides
        { type: 'free_form', answer: 'a red circle rolls to the right', draft: '<think>x</think><answer>a red circle rolls right</answer>' },
        { type: 'free_form', answer: 'a red circle rolls to the right', draft: '<think>x</think><answer>nothing happens</answer>' },
        {}, // nothing to check
      ],
    });
    const run = await h.waitForRun((await h.createRun({ stage: 'check', dataset: dataset.id })).id);
    expect(run).toMatchObject({ status: 'completed', done: 6, skipped: 1 });
    const items = await h.db.item.findMany({ where: { id: { in: itemIds } }, orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.verdict, i.verdictReason?.replace(/ \(.*/, '')])).toEqual([
      ['keep', 'passes the answer and format checks'],
      ['drop', 'wrong answer'],
      ['drop', 'bad format'],
      ['keep', 'passes the answer and format checks'],
      ['keep', 'passes the answer and format checks'],
      ['drop', 'answer far from the reference'],
      [null, undefined],
    ]);
    expect(items[1]).toMatchObject({ draftCorrect: false, draftScore: 0 });
    expect(items[3]).toMatchObject({ draftCorrect: false, revisionCorrect: true });
    const skipped = (await h.results(run.id)).find((r) => r.status === 'skipped')!;
    expect(skipped.data).toEqual({ reason: 'Nothing to check: the item has no draft or revision' });
  });

  it('consistency scores the CoT against frames with the embedding endpoint', async () => {
    // Text and frames get the same direction except one frame: cos = 1, 1, 1, 0 → mean of min(1, 2·cos) = 0.75.
    h.server.respond = (req) => {
      if (!req.path.endsWith('/embeddings')) return autoResponder(req);
      if (req.body.input) return { kind: 'embedding', vectors: [[1, 0]] };
      const n = h.server.requests.filter((r) => r.path.endsWith('/embeddings') && !r.body.input).length;
      return { kind: 'embedding', vectors: [n === 4 ? [0, 1] : [1, 0]] };
    };
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm', COT_CONSISTENCY_BASE_URL: h.server.url, COT_CONSISTENCY_MODEL: 'siglip', COT_CONSISTENCY_FRAMES: '4', COT_FRAMES_MAX_SIDE: '64' }).settings;
    const { dataset, itemIds } = await seedDataset(h.db, { items: [{ draft: '<think>First I look. Then the red circle rolls right and stops.</think><answer>A</answer>' }] });
    h.server.resetStats();
    let run!: Awaited<ReturnType<Harness['waitForRun']>>;
    await withoutMainWorker(async () => {
      const w = await h.startWorker({ settings: s });
      run = await h.waitForRun((await h.createRun({ stage: 'consistency', dataset: dataset.id }, s)).id);
      await w.stop(1000);
    });
    h.server.respond = autoResponder;
    expect(run).toMatchObject({ done: 1, failed: 0 });
    const text = h.server.requests.find((r) => r.body.input)!.body.input as string[];
    expect(text).toEqual(['Then the red circle rolls right and stops.']);
    expect(h.server.requests.filter((r) => r.body.messages)).toHaveLength(4);
    const item = await h.db.item.findUniqueOrThrow({ where: { id: itemIds[0]! }, include: { cotVersions: true } });
    expect(item.consistencyScore).toBeCloseTo(0.75, 6);
    expect(item.cotVersions[0]).toMatchObject({ consistencyModel: 'siglip' });
    expect(item.cotVersions[0]!.consistencyScore).toBeCloseTo(0.75, 6);
  });

  it('consistency without an embedding endpoint is skipped with a clear message', async () => {
    const s = parsePipelineSettings({ COT_DEFAULT_BASE_URL: h.server.url, COT_DEFAULT_MODEL: 'm' }).settings;
    const { dataset } = await seedDataset(h.db, { items: [{ draft: '<think>x</think><answer>A</answer>' }, {}] });
    const run = await h.createRun({ stage: 'consistency', dataset: dataset.id }, s);
    expect(run).toMatchObject({ status: 'completed', total: 2, skipped: 2 });
    expect(run.note).toMatch(/no embedding endpoint is configured \(set COT_CONSISTENCY_BASE_URL/);
  });

  it('a model stage without an endpoint is refused with the variables to set', async () => {
    const s = parsePipelineSettings({}).settings;
    const { dataset } = await seedDataset(h.db, { items: [{}] });
    await expect(h.createRun({ stage: 'draft', dataset: dataset.id }, s)).rejects.toThrow(/COT_DRAFT_BASE_URL and COT_DRAFT_MODEL/);
    expect(await h.db.pipelineRun.count({ where: { datasetId: dataset.id } })).toBe(0);
  });
});
