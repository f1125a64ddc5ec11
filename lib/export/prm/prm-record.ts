import { splitSteps } from '../../steps/split-steps';

// One process-reward record (PRM800K's shape, for video): a reviewed CoT cut into steps, each
// with the reviewer's label (+1 / 0 / −1, null = not reviewed) and the evidence stage's verdict
// beside it, the index of the first wrong step, the question, media path and final answer.

export type PrmSourceRow = {
  item_id: number;
  problem_id: string;
  problem_id_is_number: boolean;
  problem: string;
  options: string[];
  problem_type: string;
  data_type: string;
  path: string;
  data_source: string;
  ground_truth: string;
  review_status: string;
  version_id: number;
  kind: string;
  text: string;
  answer: string | null;
  answer_correct: boolean | null;
  steps: { start: number; end: number; kind: string; seconds?: number[] }[] | null;
  first_error: number | null;
  finish_reason: string | null;
  reviewer_id: string | null;
  verdicts: { i: number; label: number; note: string | null }[] | null;
  evidence: { i: number; verdict: string; reason: string }[] | null;
};

export function buildPrmRecord(r: PrmSourceRow): Record<string, unknown> {
  const steps = r.steps ?? splitSteps(r.text).map((s) => ({ start: s.start, end: s.end, kind: s.kind, seconds: [] }));
  const labels = new Map((r.verdicts ?? []).map((v) => [v.i, v]));
  const evidence = new Map((r.evidence ?? []).map((e) => [e.i, e]));
  return {
    problem_id: r.problem_id_is_number ? Number(r.problem_id) : r.problem_id,
    question: r.problem,
    options: r.options,
    problem_type: r.problem_type,
    data_type: r.data_type,
    path: r.path,
    data_source: r.data_source,
    ground_truth: r.ground_truth,
    final_answer: r.answer,
    answer_correct: r.answer_correct,
    cot_version_id: r.version_id,
    cot_kind: r.kind,
    review_status: r.review_status,
    steps: steps.map((s, i) => {
      const v = labels.get(i);
      const e = evidence.get(i);
      return {
        index: i,
        text: r.text.slice(s.start, s.end),
        kind: s.kind,
        seconds: s.seconds ?? [],
        label: v ? v.label : null,
        note: v?.note ?? null,
        evidence: e ? { verdict: e.verdict, reason: e.reason } : null,
      };
    }),
    first_error_index: r.first_error,
    finish_reason: r.finish_reason,
    reviewer_id: r.reviewer_id,
  };
}

/** A dataset_info-like description of the records, for the manifest (Hugging Face's card fields). */
export function prmDatasetInfo(records: number, stepReviewedOnly: boolean) {
  return {
    description:
      'Process-reward data for video reasoning: each record is one chain of thought about a video, cut into steps (paragraphs, sentences, reflection markers), ' +
      'with a human label per step in PRM800K’s scheme (1 correct, 0 neutral, −1 wrong; reviewers may stop at the first wrong step, finish_reason "found_error", ' +
      'after which later steps carry no label) and, beside it, an automatic check of the step’s visual claim against the video’s frames. ' +
      (stepReviewedOnly ? 'Only CoTs with at least one labelled step are included.' : 'CoTs without labels are included with null labels.'),
    features: {
      problem_id: { dtype: 'int64|string', description: 'the item’s problem_id as imported' },
      question: { dtype: 'string', description: 'the question (problem), options as imported' },
      options: { dtype: 'list<string>', description: 'multiple-choice options, [] otherwise' },
      problem_type: { dtype: 'string', description: 'multiple choice | numerical | OCR | free-form | regression' },
      data_type: { dtype: 'string', description: 'video | image' },
      path: { dtype: 'string', description: 'media path relative to the dataset’s media root' },
      ground_truth: { dtype: 'string', description: 'the reference answer' },
      final_answer: { dtype: 'string|null', description: 'the CoT’s <answer>' },
      answer_correct: { dtype: 'bool|null', description: 'the final answer scored correct by the per-type rule' },
      steps: {
        dtype: 'list<struct>',
        description: 'index, text (exact slice of the CoT), kind (reasoning | answer), seconds (video times the step refers to), label (1 | 0 | −1 | null), note, evidence {verdict: supported | contradicted | not_visible, reason} or null',
      },
      first_error_index: { dtype: 'int|null', description: '0-based index of the first step labelled −1' },
      finish_reason: { dtype: 'string|null', description: 'found_error (stopped at the first wrong step) | solution (every step labelled) | null (partly labelled)' },
      cot_version_id: { dtype: 'int', description: 'the studio’s CoT version id (labels belong to this exact text)' },
      cot_kind: { dtype: 'string', description: 'draft | revision | edit | imported' },
    },
    labels: { '1': 'correct', '0': 'neutral', '-1': 'wrong' },
    splits: { train: { num_examples: records } },
    reference: 'PRM800K (Lightman et al., 2023, "Let’s Verify Step by Step") step-label scheme',
  };
}
