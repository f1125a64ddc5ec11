// Why a CoT is rejected: a short list reviewers pick by number key, plus free text. The list
// follows what the VideoRFT pipeline gets wrong (DOMAIN.md, curation stages 2–4).
export const REJECT_REASONS = [
  { code: 'wrong-answer', label: 'Wrong final answer' },
  { code: 'contradicts-video', label: 'Contradicts the video' },
  { code: 'hallucination', label: 'Describes things not in the video' },
  { code: 'text-leak', label: 'Reveals it reasoned from text' },
  { code: 'bad-format', label: 'Broken <think>/<answer> format' },
  { code: 'weak-reasoning', label: 'Reasoning missing or circular' },
  { code: 'bad-question', label: 'Question or ground truth is wrong' },
  { code: 'other', label: 'Other' },
] as const;

export type RejectReasonCode = (typeof REJECT_REASONS)[number]['code'];
export const REJECT_REASON_CODES = REJECT_REASONS.map((r) => r.code) as [RejectReasonCode, ...RejectReasonCode[]];

/** The stored form: the label, then the reviewer's note. */
export function formatRejectReason(code: RejectReasonCode, note: string | undefined): string {
  const label = REJECT_REASONS.find((r) => r.code === code)?.label ?? 'Other';
  const n = note?.trim();
  return n ? `${label} — ${n}` : label;
}
