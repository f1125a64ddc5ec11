import type { ChatMessage } from '../../models/chat';
import { renderTemplate, type PromptTemplate } from '../prompts/load-prompt';
import { FRAMES_SENTINEL, withVisualParts, type VisualInput } from '../visual-input';

export function representMessages(prompt: PromptTemplate, visual: VisualInput): ChatMessage[] {
  const user = renderTemplate(prompt.user, { input_description: visual.description, frame_rule: visual.frameRule, frames: FRAMES_SENTINEL });
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: withVisualParts(user, visual.parts) },
  ];
}
