import { parseArgs } from 'node:util';
import { config } from '../config';
import { prisma } from '../db/client';
import { AppError } from '../errors';
import { itemFilterSchema } from '../items/filter';
import { createRun, STAGES } from '../runs/create-run';
import { followRun } from '../runs/follow-run';
import type { RunView } from '../runs/run-view';
import type { PipelineSettings } from '../pipeline/settings';

export const RUN_USAGE = `cot-studio run STAGE --dataset NAME [filters] [options]

  STAGE              ${STAGES.join(' | ')}
  --dataset NAME     dataset name (or id)
  --filter QUERY     the items table's filter in its URL form, e.g. "hasDraft=false&type=numerical"
  --<key> VALUE      one filter field, e.g. --hasDraft false --type "multiple choice" --status pending
  --force            redo items already done with the same model and prompt version
  --model NAME       another model on the stage's endpoint (re-run with another model)
  --temperature T    sampling temperature for this run
  --prompt-version V prompt version, e.g. v2 (default: the newest in prompts/STAGE/)
  --wait             follow the run until it finishes (exit 0: no failures, 3: some failed)
  --json             print the run as JSON`;

const FILTER_KEYS = Object.keys(itemFilterSchema.shape).filter((k) => k !== 'dataset' && k !== 'sort' && k !== 'dir');

function line(r: RunView): string {
  const finished = r.done + r.failed + r.skipped + r.cancelled;
  const parts = [`run #${r.id} ${r.stage} on ${r.datasetName}: ${r.status}`, `${finished}/${r.total}`, `${r.done} done`];
  if (r.failed) parts.push(`${r.failed} failed`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  if (r.inFlight) parts.push(`${r.inFlight} in flight`);
  if (r.ratePerMinute) parts.push(`${r.ratePerMinute.toFixed(1)}/min`);
  if (r.etaSeconds !== null) parts.push(`ETA ${r.etaSeconds}s`);
  if (r.tokensIn || r.tokensOut) parts.push(`${r.tokensIn}/${r.tokensOut} tokens`, `$${r.costUsd.toFixed(4)}`);
  return parts.join(' · ');
}

/**
 * `cot-studio run STAGE --dataset NAME [filters]`: starts a run exactly as the jobs page does
 * (the workers do the work), and with --wait follows it to the end. Returns the exit code.
 */
export async function runCommand(argv: string[], out: { log: (s: string) => void } = console, settings: PipelineSettings = config().pipeline): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    dataset: { type: 'string' },
    filter: { type: 'string' },
    force: { type: 'boolean' },
    model: { type: 'string' },
    temperature: { type: 'string' },
    'prompt-version': { type: 'string' },
    wait: { type: 'boolean' },
    json: { type: 'boolean' },
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, { type: 'string' as const }])),
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AppError('BAD_REQUEST', `${(e as Error).message}\n\n${RUN_USAGE}`);
  }
  const { values, positionals } = parsed;
  const stage = positionals[0];
  if (!stage || positionals.length > 1 || !(STAGES as readonly string[]).includes(stage)) throw new AppError('BAD_REQUEST', `run takes one STAGE (${STAGES.join(', ')})\n\n${RUN_USAGE}`);
  if (typeof values.dataset !== 'string') throw new AppError('BAD_REQUEST', `run needs --dataset NAME\n\n${RUN_USAGE}`);

  const filter = new URLSearchParams(typeof values.filter === 'string' ? values.filter : '');
  for (const k of FILTER_KEYS) if (typeof values[k] === 'string') filter.set(k, values[k] as string);
  const temperature = typeof values.temperature === 'string' ? Number(values.temperature) : undefined;
  if (temperature !== undefined && !Number.isFinite(temperature)) throw new AppError('BAD_REQUEST', '--temperature must be a number');
  const overrides = { ...(typeof values.model === 'string' ? { model: values.model } : {}), ...(temperature !== undefined ? { temperature } : {}) };

  const db = prisma();
  const dataset = /^\d+$/.test(values.dataset) ? Number(values.dataset) : values.dataset;
  const created = await createRun(
    db,
    settings,
    {
      stage: stage as (typeof STAGES)[number],
      dataset,
      filter: filter.toString(),
      force: values.force === true,
      ...(typeof values['prompt-version'] === 'string' ? { promptVersion: values['prompt-version'] } : {}),
      ...(Object.keys(overrides).length ? { overrides } : {}),
    },
    { actorId: null },
  );
  let last = '';
  const final = await followRun(db, created.id, {
    intervalMs: 1000,
    onProgress: (r) => {
      const l = line(r);
      if (!values.json && l !== last) out.log(l);
      last = l;
    },
    ...(values.wait ? {} : { signal: AbortSignal.abort() }),
  });
  if (values.json) out.log(JSON.stringify(final, null, 2));
  if (!values.wait) return 0;
  if (final.note) out.log(final.note);
  return final.failed > 0 ? 3 : 0;
}
