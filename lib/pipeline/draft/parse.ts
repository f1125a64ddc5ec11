import { StageFailure } from '../result/stage-failure';

/**
 * The CoT in a draft reply: `<think>…</think>` then `<answer>…</answer>`. Some servers put a
 * reasoning model's own thinking in a first think block of the content: the think block that
 * directly precedes the answer is the one the prompt asked for.
 */
export function parseDraft(content: string): { text: string; think: string; answer: string } {
  const m = /<think>([\s\S]*?)<\/think>\s*<answer>([\s\S]*?)<\/answer>/.exec(content);
  if (!m) {
    const missing = [!/<think>[\s\S]*?<\/think>/.test(content) && '<think>…</think>', !/<answer>[\s\S]*?<\/answer>/.test(content) && '<answer>…</answer>'].filter(Boolean);
    throw new StageFailure(missing.length ? `Draft is missing ${missing.join(' and ')}` : 'Draft does not have <think>…</think> followed by <answer>…</answer>', { raw: content });
  }
  let think = m[1]!;
  const inner = think.lastIndexOf('<think>');
  if (inner >= 0) think = think.slice(inner + '<think>'.length);
  think = think.trim();
  const answer = m[2]!.trim();
  if (!think) throw new StageFailure('Draft has an empty <think> block', { raw: content });
  if (!answer) throw new StageFailure('Draft has an empty <answer> block', { raw: content });
  return { text: `<think>\n${think}\n</think>\n<answer>${answer}</answer>`, think, answer };
}
