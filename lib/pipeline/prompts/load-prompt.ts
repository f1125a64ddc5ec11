import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors';

export const PROMPT_STAGES = ['represent', 'draft', 'revise', 'evidence'] as const;
export type PromptStage = (typeof PROMPT_STAGES)[number];

export type PromptTemplate = {
  stage: PromptStage;
  /** "v1" */
  version: string;
  /** "draft/v1": what outputs record as their prompt version. */
  id: string;
  system: string;
  user: string;
  /** Of the file's text, so an edited version can be told apart in outputs' params. */
  sha256: string;
};

// Prompts are files in the repository (prompts/<stage>/vN.md), read at run time.
function promptsDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'prompts');
}

export function listPromptVersions(stage: PromptStage, dir = promptsDir()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(dir, stage));
  } catch {
    return [];
  }
  return names
    .map((n) => /^(v(\d+))\.md$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[2]) - Number(b[2]))
    .map((m) => m[1]!);
}

export function parsePromptFile(text: string): { system: string; user: string } {
  const m = /<!--\s*system\s*-->([\s\S]*?)<!--\s*user\s*-->([\s\S]*)$/.exec(text);
  if (!m) throw new Error('A prompt file needs a <!-- system --> part followed by a <!-- user --> part');
  return { system: m[1]!.trim(), user: m[2]!.trim() };
}

const cache = new Map<string, PromptTemplate>();

/** The given version of a stage's prompt, or the newest when none is given. */
export function loadPrompt(stage: PromptStage, version?: string | null, dir = promptsDir()): PromptTemplate {
  const versions = listPromptVersions(stage, dir);
  const v = version ?? versions[versions.length - 1];
  if (!v || !versions.includes(v)) {
    throw new AppError('BAD_REQUEST', `No prompt ${stage}/${version ?? '(any)'}: versions available are ${versions.join(', ') || 'none'} (in prompts/${stage}/)`);
  }
  const file = path.join(dir, stage, `${v}.md`);
  const text = fs.readFileSync(file, 'utf8');
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  const key = `${file}|${sha256}`;
  let t = cache.get(key);
  if (!t) {
    t = { stage, version: v, id: `${stage}/${v}`, ...parsePromptFile(text), sha256 };
    cache.set(key, t);
  }
  return t;
}

/** Fills {{name}} placeholders; a placeholder without a value is a bug in the stage, not the file. */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`Prompt placeholder {{${name}}} has no value`);
    return v;
  });
}
