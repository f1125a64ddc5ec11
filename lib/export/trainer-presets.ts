// Trainer presets: how each trainer reads an exported record, so `--trainer` sets option folding
// and the prompt shape in one go. The templates are copied from the trainers' source:
// VideoRFT src/r1-v/src/open_r1/sft_video.py and grpo.py (QiWang98/VideoRFT), Video-R1
// src/r1-v/src/open_r1/sft_video.py and grpo.py (tulerfeng/Video-R1) — identical in both.
import { optionsListed, foldOptions } from '../records/fold-options';

export const TRAINERS = ['videorft', 'video-r1', 'llama-factory'] as const;
export type Trainer = (typeof TRAINERS)[number];

export const QUESTION_TEMPLATE =
  '{Question}\n' +
  'Please think about this question as if you were a human pondering deeply. ' +
  "Engage in an internal dialogue using expressions such as 'let me think', 'wait', 'Hmm', 'oh, I see', 'let's break it down', etc, or other natural language thought expressions " +
  "It's encouraged to include self-reflection or verification in the reasoning process. " +
  'Provide your detailed reasoning between the <think> </think> tags, and then give your final answer between the <answer> </answer> tags.';

export const TYPE_TEMPLATE: Record<string, string> = {
  'multiple choice': ' Please provide only the single option letter (e.g., A, B, C, D, etc.) within the <answer> </answer> tags.',
  numerical: ' Please provide the numerical value (e.g., 42 or 3.14) within the <answer> </answer> tags.',
  OCR: ' Please transcribe text from the image/video clearly and provide your text answer within the <answer> </answer> tags.',
  'free-form': ' Please provide your text answer within the <answer> </answer> tags.',
  regression: ' Please provide the numerical value (e.g., 42 or 3.14) within the <answer> </answer> tags.',
};

export type TrainerPreset = {
  /** Option folding of `problem` in sft/rl files: VideoRFT reads problem alone, Video-R1 appends the options itself. */
  foldOptions: boolean;
  /** The only export format the trainer reads, when it has one. */
  format?: 'sharegpt';
  /** The question inside the template, as this trainer builds it. */
  question: (problem: string, options: string[], problemType: string) => string;
};

/** Video-R1's sft_video.py: `problem + "Options:\n" + each option + "\n"` for multiple choice. */
function videoR1Question(problem: string, options: string[], problemType: string): string {
  const stem = foldOptions(problem, options, false);
  // No options, or options the problem already lists (not as a trailing block): nothing to add.
  if (problemType !== 'multiple choice' || options.length === 0 || optionsListed(stem, options)) return stem;
  return `${stem}Options:\n${options.map((o) => `${o}\n`).join('')}`;
}

export const TRAINER_PRESETS: Record<Trainer, TrainerPreset> = {
  videorft: { foldOptions: true, question: (p, o) => foldOptions(p, o, true) },
  'video-r1': { foldOptions: false, question: videoR1Question },
  // LLaMA-Factory trains on the sharegpt file: the user turn carries the question with its
  // options (there is no options field to append them from) inside the trainers' template.
  'llama-factory': { foldOptions: true, format: 'sharegpt', question: (p, o) => foldOptions(p, o, true) },
};

/** The user prompt the VideoRFT / Video-R1 trainers build: template + per-type answer instruction. */
export function trainerPrompt(question: string, problemType: string): string {
  return QUESTION_TEMPLATE.replace('{Question}', () => question) + (TYPE_TEMPLATE[problemType] ?? '');
}
