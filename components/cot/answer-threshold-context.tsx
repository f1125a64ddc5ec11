'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { answerOutcome, DEFAULT_OPEN_ENDED_MIN_SCORE, type AnswerOutcome, type CheckedAnswer } from '@/lib/answers/answer-check-rule';
import type { ProblemType } from '@/lib/answers/problem-types';

// COT_CHECK_OPEN_ENDED_MIN_SCORE, handed down by the server page, so the browser's ✓ / kept / ✗
// marks follow the same rule as the server's answer guard.
const AnswerThresholdContext = createContext(DEFAULT_OPEN_ENDED_MIN_SCORE);

export function AnswerThresholdProvider({ value, children }: { value: number; children: ReactNode }) {
  return <AnswerThresholdContext.Provider value={value}>{children}</AnswerThresholdContext.Provider>;
}

export function useAnswerOutcome(v: CheckedAnswer, problemType: ProblemType): AnswerOutcome {
  return answerOutcome(v, problemType, useContext(AnswerThresholdContext));
}

export function useOpenEndedMinScore(): number {
  return useContext(AnswerThresholdContext);
}
