import { describe, expect, it } from 'vitest';
import { parseChatBody } from '@/lib/models/chat';
import { parseDraft } from '@/lib/pipeline/draft/parse';
import { parseRepresentation } from '@/lib/pipeline/represent/parse';
import { parseRevision } from '@/lib/pipeline/revise/parse';
import { StageFailure } from '@/lib/pipeline/result/stage-failure';

const frame = (timestamp: string) => ({
  timestamp,
  caption: 'A red ball rolls.',
  key_elements: { objects: ['ball'], actions: ['rolls'], scene: 'floor', notable_features: [], spatial_relations: [], human_attributes: null, potential_interactions: [] },
});

describe('represent output', () => {
  it('accepts the schema, also inside a ```json fence', () => {
    const rep = { video_caption: 'A ball rolls.', frames: [frame('00:00:00'), frame('00:00:01')] };
    expect(parseRepresentation(JSON.stringify(rep), { maxFrames: 2 })).toEqual(rep);
    expect(parseRepresentation(`Sure!\n\`\`\`json\n${JSON.stringify(rep)}\n\`\`\``, { maxFrames: 2 })).toEqual(rep);
  });

  it('rejects malformed output with messages that group across videos', () => {
    const bad = { video_caption: 'x', frames: [{ ...frame('0:1'), key_elements: { ...frame('00:00:00').key_elements, human_attributes: {} } }] };
    const e = (() => {
      try {
        parseRepresentation(JSON.stringify(bad), { maxFrames: 4 });
      } catch (err) {
        return err as StageFailure;
      }
    })();
    expect(e).toBeInstanceOf(StageFailure);
    expect(e!.message).toMatch(/^Representation does not match the schema — frames\[\]\.timestamp: must be HH:MM:SS; frames\[\]\.key_elements\.human_attributes\.gender/);
    expect(e!.raw).toContain('"0:1"');
    expect(() => parseRepresentation('{"video_caption": "x", "frames": [', { maxFrames: 1 })).toThrow('Representation is not a JSON object');
    expect(() => parseRepresentation('{"video_caption": "x", frames: []}', { maxFrames: 1 })).toThrow('Representation is not valid JSON');
    expect(() => parseRepresentation(JSON.stringify({ video_caption: 'x', frames: [frame('00:00:00'), frame('00:00:01')] }), { maxFrames: 1 })).toThrow(/more frames than were sampled/);
  });
});

describe('draft output', () => {
  it('normalises <think> then <answer>', () => {
    expect(parseDraft('  <think> I see it. </think>\n\n<answer> B </answer>\n')).toEqual({ text: '<think>\nI see it.\n</think>\n<answer>B</answer>', think: 'I see it.', answer: 'B' });
  });

  it('names what is missing', () => {
    expect(() => parseDraft('B')).toThrow('Draft is missing <think>…</think> and <answer>…</answer>');
    expect(() => parseDraft('<think>x</think> B')).toThrow('Draft is missing <answer>…</answer>');
    expect(() => parseDraft('<answer>B</answer><think>x</think>')).toThrow('Draft does not have <think>…</think> followed by <answer>…</answer>');
    expect(() => parseDraft('<think> </think><answer>B</answer>')).toThrow('Draft has an empty <think> block');
  });
});

describe('revise output', () => {
  it('takes the last think block and keeps the draft answer', () => {
    expect(parseRevision('<think>mine</think>\n<think>The video shows a red ball.</think>', 'A').text).toBe('<think>\nThe video shows a red ball.\n</think>\n<answer>A</answer>');
    expect(() => parseRevision('Looks right to me.', 'A')).toThrow('Revision is missing <think>…</think>');
  });
});

describe('chat completion bodies', () => {
  it('keeps a reasoning model thinking from any of the fields servers use', () => {
    const body = (message: object) => JSON.stringify({ model: 'm', choices: [{ message: { content: 'c', ...message }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 4 } });
    expect(parseChatBody(body({ reasoning_content: 'r1' }))).toMatchObject({ content: 'c', reasoning: 'r1', tokensIn: 3, tokensOut: 4, model: 'm', finishReason: 'stop' });
    expect(parseChatBody(body({ reasoning: 'r2' })).reasoning).toBe('r2');
    expect(parseChatBody(body({ thinking: 'r3' })).reasoning).toBe('r3');
    expect(parseChatBody(body({})).reasoning).toBeNull();
  });

  it('treats a body without choices as a bad response, keeping it', () => {
    expect(() => parseChatBody('{"choices": []}')).toThrow(expect.objectContaining({ kind: 'bad_response', raw: '{"choices": []}' }));
  });
});
