import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../lib/errors';
import type { PipelineSettings } from '../lib/pipeline/settings';
import { cancelPipelineRun, CHAIN_TARGETS, createPipelineRun, getPipelineRun, planPipelineRun, retryPipelineRun, type PipelinePlan, type PipelineRunInput, type PipelineRunView } from '../lib/runs/pipeline-run';

type Out = { log: (s: string) => void };

export function pipelinePlanText(p: PipelinePlan): string {
  const lines = [`plan: pipeline run up to ${p.target} on ${p.dataset.name} (${p.items} items; each item moves on as soon as its previous stage is done)`];
  for (const s of p.stages) {
    const e = s.estimate;
    const unit = s.unit === 'video' ? 'videos' : 'items';
    const cost = e.basis === 'no model' ? 'no model' : e.costUsd === null ? 'no price set' : `$${e.costUsd.toFixed(2)}`;
    lines.push(
      `  ${s.stage.padEnd(9)} ${s.toRun} to run · ${s.skipped} skipped of ${s.matching} ${unit}${s.model ? ` · ${s.model}` : ''}` +
        (e.basis === 'no model' ? '' : ` · ${e.requests} requests, ${e.tokensIn}/${e.tokensOut} tokens, ${cost}, about ${e.seconds} s (${e.limitedBy})`),
    );
  }
  const t = p.total;
  lines.push(`  total: ${t.requests} requests, ${t.tokensIn} tokens in / ${t.tokensOut} out, ${t.costUsd === null ? 'no price set' : `$${t.costUsd.toFixed(2)}`}, at most about ${t.seconds} s (stages overlap)`);
  return lines.join('\n');
}

export function pipelineLine(v: PipelineRunView): string {
  const parts = v.stages.map((s) => {
    const c = s.counts;
    return `${s.stage} ${c.done + c.skipped + c.failed + c.cancelled}/${s.total}${c.failed ? ` (${c.failed} failed)` : ''}`;
  });
  return `pipeline run #${v.id}: ${v.status} · ${parts.join(' → ')}`;
}

async function followPipeline(db: PrismaClient, runId: number, out: Out, o: { wait: boolean; json: boolean }): Promise<number> {
  let last = '';
  for (;;) {
    const v = (await getPipelineRun(db, runId))!;
    const l = pipelineLine(v);
    if (!o.json && l !== last) out.log(l);
    last = l;
    if (!o.wait || v.status !== 'running') {
      if (o.json) out.log(JSON.stringify(v, null, 2));
      if (!o.wait) return 0;
      return v.stages.some((s) => s.counts.failed > 0) ? 3 : 0;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `cot-studio run STAGE --dataset NAME --with-missing-stages [--dry-run] [--wait] [--json]`. */
export async function pipelineRunCommand(db: PrismaClient, settings: PipelineSettings, input: PipelineRunInput, out: Out, o: { dryRun: boolean; wait: boolean; json: boolean }): Promise<number> {
  if (!(CHAIN_TARGETS as readonly string[]).includes(input.stage)) throw new AppError('BAD_REQUEST', `--with-missing-stages works up to ${CHAIN_TARGETS.join(', ')}`);
  if (o.dryRun) {
    const plan = await planPipelineRun(db, settings, input);
    out.log(o.json ? JSON.stringify(plan, null, 2) : pipelinePlanText(plan));
    return 0;
  }
  const created = await createPipelineRun(db, settings, input, { actorId: null });
  return followPipeline(db, created.id, out, o);
}

/** --retry / --resume / --cancel on a run of a pipeline run act on the whole pipeline run. Null: a plain run. */
export async function pipelineRunAction(db: PrismaClient, settings: PipelineSettings, action: 'retry' | 'resume' | 'cancel', runId: number, out: Out, o: { wait: boolean; json: boolean }): Promise<number | null> {
  const v = await getPipelineRun(db, runId);
  if (!v) return null;
  if (action === 'cancel') {
    const r = await cancelPipelineRun(db, runId, { actorId: null });
    if (!o.json) out.log(`pipeline run #${r.id} cancelled: ${r.cancelled} queued results dropped; requests in flight finish`);
  } else {
    if (action === 'resume' && v.status !== 'cancelled') throw new AppError('CONFLICT', `Pipeline run ${v.id} is ${v.status}; only a cancelled run can be resumed (use --retry for failed items)`);
    if (action === 'retry' && v.status === 'cancelled') throw new AppError('CONFLICT', `Pipeline run ${v.id} is cancelled; use --resume`);
    const r = await retryPipelineRun(db, settings, runId, { actorId: null });
    if (!o.json) out.log(`pipeline run #${r.id}: ${r.requeued} results back to pending, ${r.released} queued now`);
  }
  return followPipeline(db, runId, out, o);
}
