import { StageFailure } from '../result/stage-failure';

/**
 * The revised reasoning: the reply's `<think>…</think>` (the last one, when a reasoning model
 * leaks its own first). The answer is the draft's: revision keeps the conclusion (DOMAIN.md).
 */
export function parseRevision(content: string, draftAnswer: string | null): { text: string; think: string } {
  const blocks = [...content.matchAll(/<think>([\s\S]*?)<\/think>/g)];
  const last = blocks[blocks.length - 1];
  if (!last) throw new StageFailure('Revision is missing <think>…</think>', { raw: content });
  const think = last[1]!.trim();
  if (!think) throw new StageFailure('Revision has an empty <think> block', { raw: content });
  const answer = draftAnswer ?? '';
  return { text: `<think>\n${think}\n</think>\n<answer>${answer}</answer>`, think };
}
