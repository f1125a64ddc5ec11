import type { ChatResult } from '../../models/chat';
import type { ProblemType } from '../../answers/problem-types';
import type { CheckSettings } from '../settings';
import { scoreCot } from '../score-cot';

export type SampledAnswer = { answer: string; score: number; correct: boolean; formatOk: boolean; text?: string };

export type SampleSummary = { k: number; pass: number; passRate: number; meanScore: number; answers: SampledAnswer[] };

/**
 * k answers scored with the studio's answer check (the reward rules per problem type). The
 * texts are kept only when asked (they are long; the answers and scores are what filters use).
 */
export function scoreSamples(chats: ChatResult[], item: { problemType: ProblemType; solution: string }, check: CheckSettings, keepTexts: boolean): SampleSummary {
  const answers = chats.map((c): SampledAnswer => {
    const s = scoreCot(c.content, item.problemType, item.solution, check);
    return { answer: s.answer, score: s.answerScore, correct: s.answerCorrect, formatOk: s.formatOk, ...(keepTexts ? { text: c.content } : {}) };
  });
  const k = answers.length;
  const pass = answers.filter((a) => a.correct).length;
  return { k, pass, passRate: k ? pass / k : 0, meanScore: k ? answers.reduce((a, x) => a + x.score, 0) / k : 0, answers };
}
