/**
 * DOMAIN.md stage 5 (the paper's RL reward): the text is the <think> content after its first
 * sentence, limited to its first 64 tokens; the score is the mean over frames of
 * min(1, 2·max(cos(text, frame), 0)).
 */
export const CONSISTENCY_TEXT_TOKENS = 64;

/** The reasoning after its first sentence, cut to 64 whitespace-separated words (the embedding
 * model's tokenizer truncates further when its limit is lower). */
export function consistencyText(think: string): string {
  const t = think.trim();
  const m = /[.!?。](?:\s|$)/.exec(t);
  const rest = m ? t.slice(m.index + m[0].length).trim() : '';
  const body = rest || t;
  return body.split(/\s+/).filter(Boolean).slice(0, CONSISTENCY_TEXT_TOKENS).join(' ');
}

export function consistencyScore(cosines: number[]): number {
  if (cosines.length === 0) return 0;
  const sum = cosines.reduce((acc, c) => acc + Math.min(1, 2 * Math.max(c, 0)), 0);
  return sum / cosines.length;
}
