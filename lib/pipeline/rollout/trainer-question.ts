import type { ProblemType } from '../../answers/problem-types';
import { ANSWER_FORMATS, questionText } from '../question';

// The question as the RL trainers (Video-R1 / VideoRFT) ask it: the question, the request to
// think like a person pondering, reasoning in <think>, the answer in <answer>, and the
// per-type answer instruction (DOMAIN.md, "The trainers' prompt"). Rollouts must be asked the
// way training will ask, or their pass rate says nothing about training difficulty.

/** Recorded as the stages' prompt version: change it when the template changes. */
export const TRAINER_TEMPLATE_VERSION = 'trainer-v1';

const THINK_REQUEST =
  "Please think about this question as if you were a human pondering deeply. Engage in an internal dialogue using expressions such as 'let me think', 'wait', 'Hmm', 'oh, I see', 'let's break it down', etc, or other natural language thought expressions. It's encouraged to include self-reflection or verification in the reasoning process. Provide your detailed reasoning between the <think> </think> tags, and then give your final answer between the <answer> </answer> tags.";

export function trainerQuestion(opts: { problem: string; options: string[]; problemType: ProblemType }): string {
  return `${questionText(opts.problem, opts.options)}\n${THINK_REQUEST}\n${ANSWER_FORMATS[opts.problemType].instruction}`;
}
