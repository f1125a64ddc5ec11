import type { ChatMessage } from '../../models/chat';
import { renderTemplate, type PromptTemplate } from '../prompts/load-prompt';
import { questionText } from '../question';
import { FRAMES_SENTINEL, withVisualParts, type VisualInput } from '../visual-input';

export function reviseMessages(prompt: PromptTemplate, input: { visual: VisualInput; problem: string; options: string[]; draftText: string }): ChatMessage[] {
  const user = renderTemplate(prompt.user, {
    input_description: input.visual.description,
    frames: FRAMES_SENTINEL,
    question: questionText(input.problem, input.options),
    draft: input.draftText,
  });
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: withVisualParts(user, input.visual.parts) },
  ];
}
