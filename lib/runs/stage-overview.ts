import { publicModelConfig, type ModelConfig } from '../models/model-config';
import { listPromptVersions, PROMPT_STAGES, type PromptStage } from '../pipeline/prompts/load-prompt';
import type { PipelineSettings } from '../pipeline/settings';
import { STAGES } from './create-run';

export type StageOverview = {
  stage: (typeof STAGES)[number];
  /** Whether a run of this stage can call a model here; check needs none. */
  configured: boolean;
  /** The endpoint without its key (the key's variable name only). */
  model: ModelConfig | null;
  promptVersions: string[];
  defaultPromptVersion: string | null;
  /** A filter that usually makes sense for the stage (items table URL form). */
  suggestedFilter: string;
  hint: string;
};

const SUGGESTED: Record<StageOverview['stage'], { filter: string; hint: string }> = {
  represent: { filter: 'hasRepresentation=false', hint: 'Videos with no representation yet (one request per video)' },
  draft: { filter: 'hasDraft=false', hint: 'Items with no draft yet' },
  revise: { filter: 'hasDraft=true&hasRevision=false', hint: 'Items with a draft but no revision' },
  check: { filter: '', hint: 'Every item: scores and filter verdicts (no model)' },
  consistency: { filter: 'hasDraft=true', hint: 'Items with a CoT: text–visual consistency score' },
  evidence: { filter: 'hasDraft=true', hint: 'Items with a CoT: each visual claim checked against the frames it names' },
  rollout: { filter: '', hint: 'k answers of the policy model per item: pass rate (difficulty)' },
  blind: { filter: '', hint: 'k answers of a text-only model without the video: shortcut flag' },
};

/** What the jobs page shows about each stage's configuration. */
export function stageOverview(settings: PipelineSettings): { stages: StageOverview[]; frames: PipelineSettings['frames']; check: PipelineSettings['check'] } {
  return {
    stages: STAGES.map((stage) => {
      const endpoint = stage === 'check' ? undefined : settings.endpoints[stage];
      const versions = (PROMPT_STAGES as readonly string[]).includes(stage) ? listPromptVersions(stage as PromptStage) : [];
      return {
        stage,
        configured: stage === 'check' || endpoint !== undefined,
        model: endpoint ? publicModelConfig(endpoint) : null,
        promptVersions: versions,
        defaultPromptVersion: endpoint?.promptVersion ?? versions[versions.length - 1] ?? null,
        suggestedFilter: SUGGESTED[stage].filter,
        hint: SUGGESTED[stage].hint,
      };
    }),
    frames: settings.frames,
    check: settings.check,
  };
}
