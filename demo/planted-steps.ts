import { splitSteps } from '../lib/steps/split-steps';
import { demoItems } from './records';

// The demo's deliberately wrong draft steps, known by construction: in a draft with a planted
// error, the steps the revision rewrote are the ones that contradict the video (records.ts
// writes each revision as the edits a visual model would make). Drafts without a planted error
// are revised only in wording, so none of their steps is wrong.

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

export type DemoStepTruth = { problemId: string | number; text: string; wrong: boolean };

/** Every reasoning step of every demo draft, with whether it contradicts the video. */
export function demoDraftStepTruth(): DemoStepTruth[] {
  const out: DemoStepTruth[] = [];
  for (const item of demoItems()) {
    const revision = norm(item.revision.text);
    for (const s of splitSteps(item.draft.text)) {
      if (s.kind !== 'reasoning') continue;
      const text = norm(item.draft.text.slice(s.start, s.end));
      out.push({ problemId: item.record.problem_id, text, wrong: item.plantedError !== null && !revision.includes(text) });
    }
  }
  return out;
}

let wrongTexts: Set<string> | null = null;

/** Whether a claim (a step's text) is one of the demo drafts' planted errors. */
export function isPlantedDemoError(claim: string): boolean {
  wrongTexts ??= new Set(demoDraftStepTruth().filter((s) => s.wrong).map((s) => s.text));
  return wrongTexts.has(norm(claim));
}
