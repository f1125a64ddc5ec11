import type { CurationSummary } from './curation-summary';
import type { ExportManifest } from './manifest';

// A Hugging Face dataset card (README.md: YAML metadata, then prose) generated from an export's
// manifest and the dataset's curation history, so a release can be pushed to a hub as is. The
// license is the one thing the studio cannot know: it is left for the user to fill in.

const STAGE_TEXT: Record<string, string> = {
  represent: 'an MLLM described each video (captions and key elements per sampled frame)',
  draft: 'a reasoning LLM drafted a chain of thought from the representation and the question',
  revise: 'an MLLM that sees the frames revised the draft against the video',
  check: 'answers were scored per problem type and items with wrong answers were filtered',
  consistency: 'text–visual consistency of each CoT was scored with an embedding model',
  rollout: 'a policy model answered each question several times; the pass rate measures difficulty',
  blind: 'a text-only model answered without the video; items it answers are flagged as shortcuts',
};

function sizeCategory(n: number): string {
  if (n < 1000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

const yamlString = (s: string) => JSON.stringify(s);

function countsTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return '';
  return [`| ${title} | records |`, '|---|---:|', ...rows.map(([k, n]) => `| ${k || '(none)'} | ${n} |`), ''].join('\n');
}

export function datasetCard(opts: { name: string; manifest: ExportManifest; curation: CurationSummary; columns: string[]; description?: string }): string {
  const m = opts.manifest;
  const kind = m.format === 'sft' ? 'supervised fine-tuning (chain-of-thought)' : m.format === 'rl' ? 'reinforcement learning' : m.format;
  const front = [
    '---',
    'license: # fill in, e.g. cc-by-4.0 (the studio does not know the license of your sources)',
    'language:',
    '- en',
    'task_categories:',
    '- video-text-to-text',
    'tags:',
    '- video-reasoning',
    '- chain-of-thought',
    `- ${m.format}`,
    'size_categories:',
    `- ${sizeCategory(m.records)}`,
    `pretty_name: ${yamlString(opts.name)}`,
    'configs:',
    '- config_name: default',
    '  data_files:',
    '  - split: train',
    `    path: ${yamlString(m.file)}`,
    '---',
    '',
  ];
  const stages = opts.curation.stages;
  const body = [
    `# ${opts.name}`,
    '',
    opts.description?.trim() || `A ${kind} dataset for video reasoning models, curated with CoT Studio from the dataset "${m.dataset.name}".`,
    '',
    '## Contents',
    '',
    `- File: \`${m.file}\` (${m.fileFormat}, ${m.records} records, SHA-256 \`${m.sha256}\`)`,
    `- Format: \`${m.format}\`${m.format === 'sft' ? ' — `process` holds the accepted `<think>…</think>`, `solution` the `<answer>…</answer>`' : m.format === 'rl' ? ' — no `process`; every other field kept for reward functions' : ''}`,
    `- Columns: ${opts.columns.map((c) => `\`${c}\``).join(', ')}`,
    `- Review status included: ${m.filters.status.join(', ')}`,
    ...(m.excluded ? [`- Left out as overlapping an evaluation set: ${m.excluded.contaminated}`] : []),
    ...(Object.values(m.skipped).some((n) => n > 0) ? [`- Left out without an accepted CoT: ${m.skipped.noAcceptedCot}; without a think block: ${m.skipped.noThinkBlock}`] : []),
    '',
    countsTable('problem_type', m.countsByProblemType),
    countsTable('data_source', m.countsBySource),
    countsTable('data_type', m.countsByDataType),
    '## How it was curated',
    '',
    stages.length === 0
      ? 'No pipeline stages were run in the studio: the records are as imported and reviewed.'
      : ['The VideoRFT recipe, stage by stage:', '', '| stage | what it did | models | prompt versions | items |', '|---|---|---|---|---:|', ...stages.map((s) => `| ${s.stage} | ${STAGE_TEXT[s.stage] ?? ''} | ${s.models.join(', ') || '—'} | ${s.promptVersions.join(', ') || '—'} | ${s.done} |`)].join('\n'),
    '',
    ...(opts.curation.sampling.length
      ? [
          'Acceptance sampling (a uniform random sample reviewed, the rest accepted when the lower bound of the share of good items cleared the bar):',
          '',
          '| sample | population | reviewed | good | estimate | interval | bar | accepted |',
          '|---:|---:|---:|---:|---:|---|---:|---:|',
          ...opts.curation.sampling.map((s) => `| ${s.sampleId} | ${s.population} | ${s.size} | ${s.good} | ${s.estimate.toFixed(3)} | ${s.low.toFixed(3)}–${s.high.toFixed(3)} (${Math.round(s.confidence * 100)}%) | ${s.bar} | ${s.acceptedItems} |`),
          '',
        ]
      : []),
    'Every other item was reviewed by a person in the studio (accepted, edited or rejected).',
    '',
    '## License',
    '',
    'Fill in the license in the metadata above, and check the licenses of the source datasets and videos.',
    '',
    `_Generated by ${m.studio.name} ${m.studio.version} on ${m.createdAt}._`,
    '',
  ];
  return [...front, ...body].join('\n');
}
