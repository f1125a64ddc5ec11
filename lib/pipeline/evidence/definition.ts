import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { ChatPart } from '../../models/chat';
import type { ModelEndpoint } from '../../models/model-config';
import { ensureCotSteps } from '../../steps/ensure-steps';
import type { GroundedStep } from '../../steps/ground-steps';
import { curationFrames } from '../../frames/frame-cache';
import { jpegDataUrl } from '../../frames/sample-frames';
import { loadPrompt, renderTemplate, type PromptTemplate } from '../prompts/load-prompt';
import { questionText } from '../question';
import type { ClaimSubject } from '../result/claim-result';
import { doneResultCte } from '../result/save-done';
import { StageFailure, StageSkip } from '../result/stage-failure';
import { chatReply, type StageDefinition } from '../stages/stage-definition';
import { FRAMES_SENTINEL, resolveClip, withVisualParts } from '../visual-input';
import { parseEvidence, type EvidenceVerdicts } from './parse';
import { framesForClaim, visualClaims, type EvidenceClaim } from './visual-claims';

type EvidenceInput = {
  item: NonNullable<ClaimSubject['item']>;
  versions: { prefix: 'd' | 'r'; id: number; text: string }[];
  video: { path: string; durationSec: number | null; dataType: 'video' | 'image' };
  mediaRoot: string;
  remoteMediaPrefixes: readonly string[];
  endpoint: ModelEndpoint;
  prompt: PromptTemplate;
};

/** A claim as asked: which sampled frames it was checked on (indices and seconds). */
type AskedClaim = EvidenceClaim & { frames: number[]; frameSeconds: number[] };

/**
 * evidence: each visual claim of the item's current draft and revision (one step each) is
 * checked by an MLLM against the frames around the moment it names (all sampled frames when it
 * names none): supported / contradicted / not visible, with a reason. One request per item
 * carries every claim and the union of their frames (the curation sampling plan and cache,
 * each frame labelled with its timestamp), so it runs live or in a Batch file like any stage.
 */
export const evidenceStage: StageDefinition<EvidenceInput, EvidenceVerdicts> = {
  stage: 'evidence',
  model: 'evidence',
  subject: 'item',
  loads: { draft: true, revision: true },
  alreadyDone: sql<boolean>`EXISTS (SELECT 1 FROM step_evidence e WHERE e.version_id = coalesce(i.current_revision_id, i.current_draft_id) AND e.model = p.model AND e.prompt_version = p.prompt)`,

  input({ claim, endpoint }) {
    const { item, draft, revision } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    if (!draft && !revision) throw new StageFailure('The item has no CoT to check: run draft first');
    const versions = [
      ...(draft ? [{ prefix: 'd' as const, id: draft.id, text: draft.text }] : []),
      ...(revision ? [{ prefix: 'r' as const, id: revision.id, text: revision.text }] : []),
    ];
    const video = claim.subject.video ?? { path: item.path, durationSec: null, dataType: item.dataType };
    return { item, versions, video, mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, endpoint: endpoint(), prompt: loadPrompt('evidence', claim.promptVersion) };
  },

  async request({ item, versions, video, mediaRoot, remoteMediaPrefixes, prompt }, ctx) {
    await ensureCotSteps(ctx.db, versions.map((v) => v.id));
    const rows = await kdb(ctx.db)
      .selectFrom('cot_steps')
      .select(['version_id', 'steps'])
      .where(sql<boolean>`version_id = ANY(${versions.map((v) => v.id)}::int[])`)
      .$narrowType<{ steps: GroundedStep[] }>()
      .execute();
    const stepsOf = new Map(rows.map((r) => [r.version_id, r.steps]));
    const claims = visualClaims(versions.map((v) => ({ prefix: v.prefix, versionId: v.id, text: v.text, steps: stepsOf.get(v.id) ?? [] })));
    if (claims.length === 0) throw new StageSkip('No step of the CoTs states something visual');
    let sampled;
    try {
      sampled = await curationFrames(await resolveClip(mediaRoot, video.path, remoteMediaPrefixes), video.durationSec, ctx.settings.frames);
    } catch (e) {
      if (e instanceof StageFailure) throw e;
      throw new StageFailure(`Could not sample frames: ${(e as Error).message.split('\n')[0]}`);
    }
    const plan = sampled.plan;
    const asked: AskedClaim[] = claims.map((c) => {
      const frames = framesForClaim(c, plan.seconds);
      return { ...c, frames, frameSeconds: frames.map((i) => plan.seconds[i]!) };
    });
    const used = [...new Set(asked.flatMap((c) => c.frames))].sort((a, b) => a - b);
    const parts: ChatPart[] = [];
    for (const i of used) {
      parts.push({ type: 'text', text: `[${plan.timestamps[i]}]` });
      parts.push({ type: 'image_url', image_url: { url: jpegDataUrl(sampled.jpegs[i]!) } });
    }
    const everyFrame = used.length === plan.count;
    const claimLines = asked.map((c) => `- [${c.id}] (frames ${c.frames.length === plan.count ? 'all' : c.frames.map((i) => plan.timestamps[i]).join(', ')}) ${c.text}`).join('\n');
    const user = renderTemplate(prompt.user, {
      input_description: `Below are ${used.length} frame${used.length === 1 ? '' : 's'} ${everyFrame ? 'sampled from the video' : 'from the moments the claims refer to'}, each preceded by its timestamp (HH:MM:SS).`,
      frames: FRAMES_SENTINEL,
      question: questionText(item.problem, item.options),
      claims: claimLines,
    });
    return {
      request: { kind: 'chat', messages: [{ role: 'system', content: prompt.system }, { role: 'user', content: withVisualParts(user, parts) }], json: false },
      facts: { claims: JSON.stringify(asked), frames: used.length },
    };
  },

  parse(reply, _input, facts) {
    return parseEvidence(chatReply(reply).content, JSON.parse(String(facts.claims)) as AskedClaim[]);
  },

  save({ claim, usage, input: { versions, endpoint, prompt }, facts, output, reply }) {
    const asked = JSON.parse(String(facts.claims)) as AskedClaim[];
    // The request's tokens, shared evenly by the claims it carried.
    const share = (n: number) => Math.round(n / Math.max(1, asked.length));
    const rows = asked.flatMap((c) => c.targets.map((t) => ({ version_id: t.versionId, step_index: t.stepIndex, verdict: output.get(c.id)!.verdict, reason: output.get(c.id)!.reason, frames: c.frameSeconds })));
    const shown = versions.find((v) => v.prefix === 'r') ?? versions[0]!;
    const contradicted = rows.filter((r) => r.version_id === shown.id && r.verdict === 'contradicted').length;
    const counts = { claims: asked.length, contradicted: asked.filter((c) => output.get(c.id)!.verdict === 'contradicted').length, frames: facts.frames };
    const data = { model: endpoint.model, promptVersion: prompt.id, ...counts, responseModel: chatReply(reply).model };
    const payload = JSON.stringify(rows);
    return Prisma.sql`WITH ${doneResultCte({ claim, usage, data, raw: chatReply(reply).content })},
     x AS (SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS x(version_id int, step_index int, verdict text, reason text, frames jsonb)),
     e AS (
       INSERT INTO step_evidence (version_id, step_index, verdict, reason, frames, model, prompt_version, tokens_in, tokens_out, run_id)
       SELECT x.version_id, x.step_index, x.verdict, x.reason, x.frames, ${endpoint.model}, ${prompt.id}, ${share(usage.tokensIn)}::int, ${share(usage.tokensOut)}::int, r.run_id
         FROM x, r
       ON CONFLICT (version_id, step_index) DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, frames = EXCLUDED.frames,
              model = EXCLUDED.model, prompt_version = EXCLUDED.prompt_version, tokens_in = EXCLUDED.tokens_in, tokens_out = EXCLUDED.tokens_out,
              run_id = EXCLUDED.run_id, created_at = now()
     ),
     -- Steps checked by an earlier run but no longer claims (the text changed its split) lose their old verdict.
     d AS (
       DELETE FROM step_evidence s WHERE s.version_id = ANY(${versions.map((v) => v.id)}::int[]) AND EXISTS (SELECT 1 FROM r)
          AND NOT EXISTS (SELECT 1 FROM x WHERE x.version_id = s.version_id AND x.step_index = s.step_index)
     ),
     i AS (UPDATE item SET contradicted_steps = ${contradicted}::int FROM r WHERE item.id = r.item_id)
     SELECT count(*)::int AS saved FROM r`;
  },
};
