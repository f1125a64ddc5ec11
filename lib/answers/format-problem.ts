import { checkFormat } from './extract';

/**
 * Why a CoT fails the trainers' format check (`<think>…</think>` then `<answer>…</answer>`,
 * nothing before or after), in words an editor can act on; null when it passes.
 */
export function describeFormatProblem(text: string): string | null {
  if (checkFormat(text)) return null;
  if (text.trim() === '') return 'The CoT is empty: write <think>…</think><answer>…</answer>.';
  if (!text.startsWith('<think>')) return text.trimStart().startsWith('<think>') ? 'Remove the space or blank line before <think>.' : 'It must start with <think>.';
  const thinkEnd = text.indexOf('</think>');
  if (thinkEnd < 0) return 'The reasoning is not closed: add </think>.';
  const afterThink = text.slice(thinkEnd + '</think>'.length);
  const answerStart = afterThink.indexOf('<answer>');
  if (answerStart < 0) return 'There is no <answer>…</answer> after </think>.';
  if (afterThink.slice(0, answerStart).trim() !== '') return 'Only whitespace may sit between </think> and <answer>.';
  const answerEnd = afterThink.lastIndexOf('</answer>');
  if (answerEnd < 0) return 'The answer is not closed: add </answer>.';
  if (afterThink.slice(answerEnd + '</answer>'.length) !== '') return 'Nothing may follow </answer> (a trailing space or newline counts).';
  return 'It does not match <think>…</think><answer>…</answer>.';
}
