import { StageFailure } from '../result/stage-failure';
import { representationSchema, type Representation } from './schema';

/** The JSON object in a reply, tolerating a ```json fence or a sentence around it. */
export function extractJsonObject(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = fenced ? fenced[1]! : content;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) throw new StageFailure('Representation is not a JSON object', { raw: content });
  try {
    return JSON.parse(body.slice(start, end + 1));
  } catch {
    throw new StageFailure('Representation is not valid JSON', { raw: content });
  }
}

/**
 * Validates a represent reply against DOMAIN.md's schema. Issue paths are reported without
 * array indices ("frames[].caption") so the same mistake on many videos groups as one failure.
 */
export function parseRepresentation(content: string, opts: { maxFrames: number }): Representation {
  const json = extractJsonObject(content);
  const r = representationSchema.safeParse(json);
  if (!r.success) {
    const issues = [...new Set(r.error.issues.map((i) => `${i.path.map((p) => (typeof p === 'number' ? '[]' : `.${String(p)}`)).join('').replace(/^\./, '').replace(/\.\[\]/g, '[]')}: ${i.message}`))];
    throw new StageFailure(`Representation does not match the schema — ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? '; …' : ''}`, { raw: content });
  }
  if (r.data.frames.length > opts.maxFrames) {
    throw new StageFailure(`Representation describes more frames than were sampled (at most ${opts.maxFrames})`, { raw: content });
  }
  return r.data;
}
