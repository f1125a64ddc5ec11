import type { ChatMessage } from '../../models/chat';
import type { ProblemType } from '../../answers/problem-types';
import { renderTemplate, type PromptTemplate } from '../prompts/load-prompt';
import { ANSWER_FORMATS, questionText } from '../question';
import type { Representation } from '../represent/schema';
import { renderRepresentation } from './render-representation';

export function draftMessages(prompt: PromptTemplate, input: { representation: Representation; problem: string; options: string[]; problemType: ProblemType }): ChatMessage[] {
  const fmt = ANSWER_FORMATS[input.problemType];
  const user = renderTemplate(prompt.user, {
    representation: renderRepresentation(input.representation),
    question: questionText(input.problem, input.options),
    answer_kind: fmt.kind,
    answer_example: fmt.example,
    answer_instruction: fmt.instruction,
  });
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: user },
  ];
}
