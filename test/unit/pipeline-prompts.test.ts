import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftMessages } from '@/lib/pipeline/draft/prompt';
import { listPromptVersions, loadPrompt, parsePromptFile, renderTemplate, PROMPT_STAGES } from '@/lib/pipeline/prompts/load-prompt';
import { ANSWER_FORMATS, questionText } from '@/lib/pipeline/question';
import { representMessages } from '@/lib/pipeline/represent/prompt';
import { reviseMessages } from '@/lib/pipeline/revise/prompt';
import type { VisualInput } from '@/lib/pipeline/visual-input';

const visual: VisualInput = {
  mode: 'frames',
  parts: [
    { type: 'text', text: '[00:00:00]' },
    { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAAA' } },
  ],
  frameCount: 1,
  description: 'Below is one image, preceded by its timestamp.',
  frameRule: 'Give exactly one entry.',
};

describe('prompts', () => {
  it('every stage has a versioned prompt whose placeholders its builder fills', () => {
    for (const stage of PROMPT_STAGES) expect(listPromptVersions(stage)).toContain('v1');
    const rep = representMessages(loadPrompt('represent'), visual);
    const user = rep[1]!.content as { type: string; text?: string }[];
    expect(user.map((p) => p.type)).toEqual(['text', 'text', 'image_url', 'text']);
    expect(user[3]!.text).toContain('"video_caption"');

    const draft = draftMessages(loadPrompt('draft', 'v1'), {
      representation: { video_caption: 'A ball.', frames: [{ timestamp: '00:00:01', caption: 'A ball rolls.', key_elements: { objects: ['ball'], actions: [], scene: 's', notable_features: [], spatial_relations: [], human_attributes: { gender: 'f', clothing: 'red coat', posture: 'standing' }, potential_interactions: [] } }] },
      problem: 'How many balls?',
      options: [],
      problemType: 'numerical',
    });
    const text = draft[1]!.content as string;
    expect(text).toContain('[00:00:01] A ball rolls.');
    expect(text).toContain('person: f, red coat, standing');
    expect(text).toContain(ANSWER_FORMATS.numerical.instruction);
    expect(text).not.toMatch(/\{\{/);

    const rev = reviseMessages(loadPrompt('revise'), { visual, problem: 'Q?', options: ['A. x', 'B. y'], draftText: '<think>d</think><answer>A</answer>' });
    const parts = rev[1]!.content as { type: string; text?: string }[];
    expect(parts.some((p) => p.type === 'image_url')).toBe(true);
    expect(parts.at(-1)!.text).toContain('Q?\nOptions:\nA. x\nB. y');
  });

  it('orders versions numerically and refuses an unknown one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    fs.mkdirSync(path.join(dir, 'draft'));
    for (const v of ['v1', 'v2', 'v10']) fs.writeFileSync(path.join(dir, 'draft', `${v}.md`), `<!-- system -->\ns ${v}\n<!-- user -->\nu {{x}}`);
    fs.writeFileSync(path.join(dir, 'draft', 'notes.md'), 'ignored');
    expect(listPromptVersions('draft', dir)).toEqual(['v1', 'v2', 'v10']);
    expect(loadPrompt('draft', null, dir)).toMatchObject({ id: 'draft/v10', system: 's v10', user: 'u {{x}}' });
    expect(() => loadPrompt('draft', 'v3', dir)).toThrow('No prompt draft/v3: versions available are v1, v2, v10');
  });

  it('reads the two parts of a prompt file and fills placeholders', () => {
    expect(() => parsePromptFile('just text')).toThrow(/<!-- system -->/);
    expect(renderTemplate('a {{ x }} b {{y}}', { x: '1', y: '2' })).toBe('a 1 b 2');
    expect(() => renderTemplate('{{missing}}', {})).toThrow('Prompt placeholder {{missing}} has no value');
  });

  it('appends options unless the question already holds them', () => {
    expect(questionText('Which?', ['A. red', 'B. blue'])).toBe('Which?\nOptions:\nA. red\nB. blue');
    expect(questionText('Which?\nA. red\nB. blue', ['A. red', 'B. blue'])).toBe('Which?\nA. red\nB. blue');
    expect(questionText(' How many? ', [])).toBe('How many?');
  });
});
