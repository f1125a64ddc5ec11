import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { prisma } from '../lib/db/client';
import { AppError } from '../lib/errors';
import { itemFilterSchema } from '../lib/items/filter';
import { cancelRun } from '../lib/runs/cancel-run';
import { createRun, STAGES } from '../lib/runs/create-run';
import { followRun } from '../lib/runs/follow-run';
import { planRun, type RunPlan } from '../lib/runs/plan-run';
import { retryRun } from '../lib/runs/retry-run';
import { runSpend } from '../lib/runs/run-spend';
import type { RunView } from '../lib/runs/run-view';
import type { PipelineSettings } from '../lib/pipeline/settings';
import { pipelineRunAction, pipelineRunCommand } from './pipeline-run-command';

export const RUN_USAGE = `cot-studio run STAGE --dataset NAME [filters] [options]
cot-studio run --retry RUN | --resume RUN | --cancel RUN [--wait] [--json]

  STAGE              ${STAGES.join(' | ')}
  --dataset NAME     dataset name (or id)
  --filter QUERY     the items table's filter in its URL form, e.g. "hasDraft=false&type=numerical"
  --<key> VALUE      one filter field, e.g. --hasDraft false --type "multiple choice" --status pending
  --force            redo items already done with the same model and prompt version
  --model NAME       another model on the stage's endpoint (re-run with another model)
  --temperature T    sampling temperature for this run
  --prompt-version V prompt version, e.g. v2 (default: the newest in prompts/STAGE/)
  --batch            send the requests through the provider's Batch API (half price, results within
                     24 h; chat stages only; see README "Batch API mode")
  --with-missing-stages  a pipeline run: represent → draft → revise → check up to STAGE (draft, revise
                     or check), from the first stage an item is missing; each item moves on as soon
                     as its previous stage is done (--dry-run: the plan per stage)
  --dry-run          print the plan instead of starting: matching, skipped, cannot run yet and why,
                     estimated tokens, cost and time at the endpoint's limits (with --json: as JSON)
  --wait             follow the run until it finishes (exit 0: no failures, 3: some failed)
  --json             print the run as JSON (tokens and cost from the spend ledger, per model in "spend")
  --retry RUN        queue the run's failed items again (the jobs page's Retry)
  --resume RUN       queue a cancelled run's cancelled items again (the jobs page's Resume)
  --cancel RUN       cancel the run: queued work is dropped, requests in flight finish`;

const FILTER_KEYS = Object.keys(itemFilterSchema.shape).filter((k) => k !== 'dataset' && k !== 'sort' && k !== 'dir');

function line(r: RunView): string {
  const finished = r.done + r.failed + r.skipped + r.cancelled;
  const parts = [`run #${r.id} ${r.stage} on ${r.datasetName}: ${r.status}`, `${finished}/${r.total}`, `${r.done} done`];
  if (r.failed) parts.push(`${r.failed} failed`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  if (r.inFlight) parts.push(`${r.inFlight} in flight`);
  if (r.ratePerMinute) parts.push(`${r.ratePerMinute.toFixed(1)}/min`);
  if (r.etaSeconds !== null) parts.push(`ETA ${r.etaSeconds}s`);
  if (r.tokensIn || r.tokensOut) parts.push(`${r.tokensIn}/${r.tokensOut} tokens`, r.priceSet ? `$${r.costUsd.toFixed(4)}` : 'no price set');
  return parts.join(' · ');
}

function planText(p: RunPlan): string {
  const e = p.estimate;
  const unit = p.unit === 'video' ? 'videos' : 'items';
  const lines = [
    `plan: ${p.stage} on ${p.dataset.name}${p.model ? ` with ${p.model}` : ''}${p.promptVersion ? ` (${p.promptVersion})` : ''}${p.mode === 'batch' ? ' through the Batch API' : ''}`,
    `  ${p.matching} ${unit} match · ${p.skipped} skipped (already done with this model and prompt) · ${p.toRun} to run`,
    ...p.cannotRun.map((c) => `  ${c.count} cannot run yet (${c.endsAs === 'failed' ? 'will fail' : 'will be skipped'}): ${c.reason}`),
  ];
  if (e.basis !== 'no model') {
    const cost = e.costUsd === null ? 'no price set' : `$${e.costUsd.toFixed(2)}`;
    const time = e.seconds === null ? (e.limitedBy ?? '') : `about ${e.seconds} s (limited by ${e.limitedBy})`;
    const price = e.batchDiscount !== undefined && e.costUsd !== null ? ` at the batch price (${Math.round(e.batchDiscount * 100)}% of live)` : '';
    lines.push(`  estimate: ${e.requests} requests, ${e.tokensIn} tokens in / ${e.tokensOut} out, ${cost}${price}, ${time}`);
    lines.push(`  ${e.basisNote}`);
  }
  return lines.join('\n');
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
    batch: { type: 'boolean' },
    model: { type: 'string' },
    temperature: { type: 'string' },
    'prompt-version': { type: 'string' },
    wait: { type: 'boolean' },
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'with-missing-stages': { type: 'boolean' },
    retry: { type: 'string' },
    resume: { type: 'string' },
    cancel: { type: 'string' },
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, { type: 'string' as const }])),
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AppError('BAD_REQUEST', `${(e as Error).message}\n\n${RUN_USAGE}`);
  }
  const { values, positionals } = parsed;
  const db = prisma();
  const follow = async (runId: number): Promise<number> => {
    let last = '';
    const final = await followRun(db, runId, {
      intervalMs: 1000,
      onProgress: (r) => {
        const l = line(r);
        if (!values.json && l !== last) out.log(l);
        last = l;
      },
      ...(values.wait ? {} : { signal: AbortSignal.abort() }),
    });
    if (values.json) out.log(JSON.stringify({ ...final, spend: await runSpend(db, runId) }, null, 2));
    if (!values.wait) return 0;
    if (final.note) out.log(final.note);
    return final.failed > 0 ? 3 : 0;
  };

  // --retry / --resume / --cancel RUN: what the jobs page's buttons do.
  const actions = (['retry', 'resume', 'cancel'] as const).filter((a) => typeof values[a] === 'string');
  if (actions.length > 1) throw new AppError('BAD_REQUEST', `Use one of --retry, --resume, --cancel\n\n${RUN_USAGE}`);
  if (actions.length === 1) {
    const action = actions[0]!;
    const raw = values[action] as string;
    if (!/^\d+$/.test(raw)) throw new AppError('BAD_REQUEST', `--${action} takes a run number, got ${JSON.stringify(raw)}`);
    if (positionals.length) throw new AppError('BAD_REQUEST', `--${action} takes no STAGE\n\n${RUN_USAGE}`);
    const runId = Number(raw);
    const pipeline = await pipelineRunAction(db, settings, action, runId, out, { wait: values.wait === true, json: values.json === true });
    if (pipeline !== null) return pipeline;
    if (action === 'cancel') {
      const r = await cancelRun(db, runId, { actorId: null });
      if (!values.json) out.log(`run #${runId} cancelled: ${r.cancelled} queued items dropped; requests in flight finish`);
    } else {
      const run = await db.pipelineRun.findUnique({ where: { id: runId }, select: { status: true } });
      if (!run) throw new AppError('NOT_FOUND', `Run ${runId} not found`);
      if (action === 'resume' && run.status !== 'cancelled') throw new AppError('CONFLICT', `Run ${runId} is ${run.status}; only a cancelled run can be resumed (use --retry for failed items)`);
      if (action === 'retry' && run.status === 'cancelled') throw new AppError('CONFLICT', `Run ${runId} is cancelled; use --resume to queue its cancelled and failed items`);
      const r = await retryRun(db, settings, runId, { actorId: null });
      if (!values.json) out.log(`run #${runId}: ${r.requeued} items queued again`);
    }
    return follow(runId);
  }

  const stage = positionals[0];
  if (!stage || positionals.length > 1 || !(STAGES as readonly string[]).includes(stage)) throw new AppError('BAD_REQUEST', `run takes one STAGE (${STAGES.join(', ')})\n\n${RUN_USAGE}`);
  if (typeof values.dataset !== 'string') throw new AppError('BAD_REQUEST', `run needs --dataset NAME\n\n${RUN_USAGE}`);

  const filter = new URLSearchParams(typeof values.filter === 'string' ? values.filter : '');
  for (const k of FILTER_KEYS) if (typeof values[k] === 'string') filter.set(k, values[k] as string);
  const temperature = typeof values.temperature === 'string' ? Number(values.temperature) : undefined;
  if (temperature !== undefined && !Number.isFinite(temperature)) throw new AppError('BAD_REQUEST', '--temperature must be a number');
  const overrides = { ...(typeof values.model === 'string' ? { model: values.model } : {}), ...(temperature !== undefined ? { temperature } : {}) };

  const dataset = /^\d+$/.test(values.dataset) ? Number(values.dataset) : values.dataset;
  const runInput = {
      stage: stage as (typeof STAGES)[number],
      dataset,
      filter: filter.toString(),
      force: values.force === true,
      ...(values.batch === true ? { mode: 'batch' as const } : {}),
      ...(typeof values['prompt-version'] === 'string' ? { promptVersion: values['prompt-version'] } : {}),
      ...(Object.keys(overrides).length ? { overrides } : {}),
  };
  if (values['with-missing-stages']) {
    return pipelineRunCommand(db, settings, runInput as Parameters<typeof pipelineRunCommand>[2], out, { dryRun: values['dry-run'] === true, wait: values.wait === true, json: values.json === true });
  }
  if (values['dry-run']) {
    const plan = await planRun(db, settings, runInput);
    out.log(values.json ? JSON.stringify(plan, null, 2) : planText(plan));
    return 0;
  }
  const created = await createRun(db, settings, runInput, { actorId: null });
  return follow(created.id);
}
