import { describe, expect, it } from 'vitest';
import { buildRecord, jsonString, thinkBlock, type Built } from '@/lib/export/build-record';
import type { ExportRow } from '@/lib/export/export-query';
import { foldOptions, optionsInProblem } from '@/lib/records/fold-options';

/** An item as a test writes it; `encode` turns it into what the export query returns. */
type Row = {
  problem_id: string;
  problem_id_is_number: boolean;
  problem: string;
  options: string[];
  problem_type: string;
  data_type: string;
  path: string;
  data_source: string;
  solution: string;
  extra: Record<string, unknown>;
  field_order: string[];
  accepted_text: string | null;
};

function encode(r: Row): ExportRow {
  return {
    problemId: r.problem_id_is_number ? r.problem_id : JSON.stringify(r.problem_id),
    problem: JSON.stringify(r.problem),
    options: JSON.stringify(r.options),
    problemType: r.problem_type,
    dataType: r.data_type,
    path: JSON.stringify(r.path),
    dataSource: JSON.stringify(r.data_source),
    solution: JSON.stringify(r.solution),
    extra: JSON.stringify(r.extra),
    fieldOrder: JSON.stringify(r.field_order),
    acceptedText: r.accepted_text,
    extraRaw: null,
    stale: false,
    mismatched: false,
  };
}

function build(r: Row, format: 'rl' | 'sft' | 'sharegpt', opts: { foldOptions?: boolean } = {}): { record: Record<string, unknown> } | { skip: string } {
  const b: Built = buildRecord(encode(r), format, opts);
  return 'skip' in b ? b : { record: JSON.parse(b.json) as Record<string, unknown> };
}

const row: Row = {
  problem_id: '12',
  problem_id_is_number: true,
  problem: 'Which colour?\nA. red\nB. blue',
  options: ['A. red', 'B. blue'],
  problem_type: 'multiple choice',
  data_type: 'video',
  path: './STAR/a.mp4',
  data_source: 'STAR',
  solution: '<answer>B</answer>',
  extra: { answer: 'B', reward: 0.5 },
  field_order: ['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'process', 'answer', 'solution', 'reward'],
  accepted_text: 'Okay.\n<think>The ball is blue.</think>\n<answer>B</answer>',
};

describe('building export records', () => {
  it('rl: every field in its original order, no process, problem_id back to a number', () => {
    const b = build(row, 'rl');
    expect('record' in b && Object.entries(b.record)).toEqual([
      ['problem_id', 12],
      ['problem', row.problem],
      ['options', row.options],
      ['problem_type', 'multiple choice'],
      ['data_type', 'video'],
      ['path', './STAR/a.mp4'],
      ['data_source', 'STAR'],
      ['answer', 'B'],
      ['solution', '<answer>B</answer>'],
      ['reward', 0.5],
    ]);
  });

  it('sft: process is the accepted CoT’s <think>…</think>, at its original place or before solution', () => {
    const b = build(row, 'sft');
    expect('record' in b && b.record.process).toBe('<think>The ball is blue.</think>');
    expect('record' in b && Object.keys(b.record).slice(6, 10)).toEqual(['data_source', 'process', 'answer', 'solution']);
    const noProcessInSource = build({ ...row, field_order: row.field_order.filter((k) => k !== 'process') }, 'sft');
    expect('record' in noProcessInSource && Object.keys(noProcessInSource.record).slice(-3)).toEqual(['process', 'solution', 'reward']);
  });

  it('sft and sharegpt leave out items without an accepted CoT or without a think block, saying why', () => {
    expect(build({ ...row, accepted_text: null }, 'sft')).toEqual({ skip: 'noAcceptedCot' });
    expect(build({ ...row, accepted_text: '<answer>B</answer>' }, 'sharegpt')).toEqual({ skip: 'noThinkBlock' });
  });

  it('sharegpt: LLaMA-Factory messages with the media token, options in the question, media list', () => {
    const unfolded = { ...row, problem: 'Which colour?' };
    expect(build(unfolded, 'sharegpt')).toEqual({
      record: {
        messages: [
          { role: 'user', content: '<video>Which colour?\nA. red\nB. blue' },
          { role: 'assistant', content: '<think>The ball is blue.</think>\n<answer>B</answer>' },
        ],
        videos: ['./STAR/a.mp4'],
      },
    });
    const image = build({ ...row, data_type: 'image', path: './img/x.png' }, 'sharegpt');
    expect('record' in image && image.record).toMatchObject({ messages: [{ content: expect.stringMatching(/^<image>/) }, {}], images: ['./img/x.png'] });
  });

  it('folds options in or out on request, and keeps a field named __proto__', () => {
    const unfolded = build({ ...row, problem: 'Which colour?' }, 'rl', { foldOptions: true });
    expect('record' in unfolded && unfolded.record.problem).toBe('Which colour?\nA. red\nB. blue');
    const out = build(row, 'rl', { foldOptions: false });
    expect('record' in out && out.record.problem).toBe('Which colour?');
    const proto = build({ ...row, extra: JSON.parse('{"__proto__": {"x": 1}}'), field_order: ['problem_id', '__proto__'] }, 'rl');
    expect('record' in proto && Object.hasOwn(proto.record, '__proto__')).toBe(true);
  });

  it('writes extra fields that were not in the field order after the rest', () => {
    const b = build({ ...row, field_order: [], extra: { late: true } }, 'rl');
    expect('record' in b && Object.keys(b.record)).toEqual(['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'solution', 'late']);
  });
});

describe('the think block of a CoT', () => {
  it('is what the trainers’ regex <think>[\\s\\S]*?</think> finds', () => {
    const re = /<think>[\s\S]*?<\/think>/;
    for (const t of ['a <think>x</think> b <think>y</think>', '</think><think>x</think>', '<think><think>x</think></think>', '<think>open', 'none', '<think></think>', '<think>ü\n🎬 "q" \\ \t</think>\n<answer>"</answer>']) {
      expect(thinkBlock(t)).toBe(re.exec(t)?.[0] ?? null);
    }
  });
});

describe('jsonString', () => {
  it('writes exactly what JSON.stringify writes, escapes and surrogates included', () => {
    const samples = ['', 'plain <think>text</think>', 'quote " and \\ backslash', 'tab\t newline\n nul\u0000 unit\u001f del\u007f', 'ü 🎬 paired surrogates', 'lone \ud800 high', 'lone \udc00 low', '\u2028 \u2029 line separators', '</script>'];
    for (let c = 0; c < 0x110; c++) samples.push(`x${String.fromCharCode(c)}y`);
    for (const s of samples) expect(jsonString(s)).toBe(JSON.stringify(s));
  });
});

describe('folding options into the problem', () => {
  const opts = ['A) one', 'B) two'];
  it('recognises options at the end of the problem, with or without an Options: line', () => {
    expect(optionsInProblem('Q?\nA) one\nB) two\n', opts)).toBe(true);
    expect(optionsInProblem('Q?\nOptions:\nA) one\nB) two', opts)).toBe(true);
    expect(optionsInProblem('Q?\nA) one', opts)).toBe(false);
    expect(optionsInProblem('Q?', [])).toBe(false);
  });

  it('folds in (VideoRFT) and out (Video-R1) without doubling or losing an option', () => {
    expect(foldOptions('Q?', opts, true)).toBe('Q?\nA) one\nB) two');
    expect(foldOptions('Q?\nA) one\nB) two', opts, true)).toBe('Q?\nA) one\nB) two');
    expect(foldOptions('Q?\nOptions:\nA) one\nB) two', opts, false)).toBe('Q?');
    expect(foldOptions('Q?', opts, false)).toBe('Q?');
    expect(foldOptions('Q?\nA) one\nB) two', opts, undefined)).toBe('Q?\nA) one\nB) two');
  });
});
