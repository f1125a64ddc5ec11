// The risk score's components (kept by the database's refresh_item_risk, migration
// 20261203140000_step_review) in words. Each component is a share of 1; the score is their sum,
// so the weights below say how much each signal can add at most.
export const RISK_WEIGHTS = {
  answerWrong: { max: 0.3, label: 'answer check failing' },
  contradictedSteps: { max: 0.2, label: 'steps contradicted by the video' },
  lowConsistency: { max: 0.15, label: 'low text–video consistency' },
  largeRevision: { max: 0.15, label: 'large draft → revision change' },
  reviewerDisagreement: { max: 0.1, label: 'reviewers disagree' },
  answerChanged: { max: 0.1, label: 'the revision changed the answer' },
} as const;

export type RiskComponent = keyof typeof RISK_WEIGHTS;

/** "risk 0.45: answer check failing +0.30, large draft → revision change +0.15". */
export function explainRisk(score: number, components: Record<string, number>): string {
  const parts = Object.entries(components)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${RISK_WEIGHTS[k as RiskComponent]?.label ?? k} +${v.toFixed(2)}`);
  return parts.length ? `risk ${score.toFixed(2)}: ${parts.join(', ')}` : 'risk 0: no warning signs';
}
