import { z } from 'zod';
import { StageFailure } from '../result/stage-failure';
import type { EvidenceClaim } from './visual-claims';

const replySchema = z.object({
  claims: z.array(
    z.object({
      id: z.string(),
      verdict: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/[\s-]+/g, '_') : v), z.enum(['supported', 'contradicted', 'not_visible'])),
      reason: z.string().default(''),
    }),
  ),
});

export type EvidenceVerdicts = Map<string, { verdict: 'supported' | 'contradicted' | 'not_visible'; reason: string }>;

/** The model's verdicts, one per claim asked; a reply that is not JSON or misses a claim fails the item (raw kept). */
export function parseEvidence(content: string, claims: EvidenceClaim[]): EvidenceVerdicts {
  const json = /\{[\s\S]*\}/.exec(content.replace(/```(?:json)?/g, ''))?.[0];
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '');
  } catch {
    throw new StageFailure('The evidence reply is not JSON', { raw: content });
  }
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success) throw new StageFailure(`The evidence reply does not match the schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { raw: content });
  const out: EvidenceVerdicts = new Map();
  for (const c of parsed.data.claims) out.set(c.id, { verdict: c.verdict, reason: c.reason.trim().slice(0, 500) });
  const missing = claims.filter((c) => !out.has(c.id)).map((c) => c.id);
  if (missing.length > 0) throw new StageFailure(`The evidence reply has no verdict for claim${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, { raw: content });
  return out;
}
