import type { Stage } from '@/generated/prisma/enums';
import { checkStage } from '../check/definition';
import { consistencyStage } from '../consistency/definition';
import { draftStage } from '../draft/definition';
import { representStage } from '../represent/definition';
import { reviseStage } from '../revise/definition';
import { evidenceStage } from '../evidence/definition';
import { rolloutStage } from '../rollout/definition';
import { blindStage } from '../blind/definition';
import type { AnyStageDefinition } from './stage-definition';

/**
 * Every pipeline stage, by name. Runners (live: run-live.ts), run creation (skip rules) and
 * the claim statement (what to load) all read their stage from here.
 *
 * How to add a stage (e.g. `evidence`):
 *  1. `lib/pipeline/evidence/definition.ts` exporting an `evidenceStage: StageDefinition<In, Out>`
 *     (skip rule, request builder, response parser, result saver; see stage-definition.ts and
 *     draft/definition.ts for a model stage, check/definition.ts for one without a model);
 *  2. register it below;
 *  3. add `evidence` to `enum Stage` in prisma/schema.prisma with a migration
 *     (`ALTER TYPE "Stage" ADD VALUE 'evidence';`) and run `npx prisma generate`;
 *  4. add `'stage.evidence': stageJob` to JOB_SCHEMAS and `STAGE_QUEUE` to QUEUE_POLICY in
 *     lib/queue/contract.ts (the compiler points there until it is done).
 * If the stage calls a model with an endpoint of its own, also add it to MODEL_STAGES in
 * lib/models/model-config.ts (COT_EVIDENCE_* settings); a stage may instead reuse another
 * stage's endpoint (`model: 'draft'`). A stage with prompt files (prompts/evidence/vN.md) is
 * added to PROMPT_STAGES in lib/pipeline/prompts/load-prompt.ts.
 */
export const STAGE_DEFINITIONS = {
  represent: representStage,
  draft: draftStage,
  revise: reviseStage,
  check: checkStage,
  consistency: consistencyStage,
  evidence: evidenceStage,
  rollout: rolloutStage,
  blind: blindStage,
} satisfies Record<Stage, AnyStageDefinition>;

export function stageDefinition(stage: Stage): AnyStageDefinition {
  return STAGE_DEFINITIONS[stage];
}

/** Every stage name, in pipeline order. */
export const STAGES = Object.keys(STAGE_DEFINITIONS) as [Stage, ...Stage[]];

/** The stages whose claim loads `what` (used by the claim statement). */
export function stagesLoading(what: keyof AnyStageDefinition['loads']): Stage[] {
  return STAGES.filter((s) => stageDefinition(s).loads[what] === true);
}
