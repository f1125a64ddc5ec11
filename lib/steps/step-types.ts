// What the review page receives for the steps of one item's shown versions.
import type { GroundedStep } from './ground-steps';

export type StepLabel = -1 | 0 | 1;
export type EvidenceVerdict = 'supported' | 'contradicted' | 'not_visible';

export type StepVerdictView = { stepIndex: number; label: StepLabel; note: string | null };
export type StepEvidenceView = { stepIndex: number; verdict: EvidenceVerdict; reason: string; frames: number[]; model: string | null; promptVersion: string | null };
export type StepReviewState = { labelled: number; firstError: number | null; finishReason: string | null; rev: number; reviewer: { id: string; name: string } | null; updatedAt: string };

export type VersionSteps = {
  versionId: number;
  kind: 'draft' | 'revision' | 'edit' | 'imported';
  steps: GroundedStep[];
  verdicts: StepVerdictView[];
  review: StepReviewState | null;
  evidence: StepEvidenceView[];
  contradicted: number;
};

export type ItemSteps = { itemId: number; versions: VersionSteps[] };
