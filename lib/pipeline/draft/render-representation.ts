import type { Representation } from '../represent/schema';

const list = (xs: string[]) => (xs.length ? xs.join('; ') : '—');

/**
 * The representation as plain text for a text-only reasoning model: shorter than the JSON and
 * easier to read, with every field kept.
 */
export function renderRepresentation(rep: Representation): string {
  const lines = [`Overall: ${rep.video_caption}`, '', 'Moment by moment:'];
  for (const f of rep.frames) {
    const k = f.key_elements;
    lines.push(`[${f.timestamp}] ${f.caption}`);
    lines.push(`  objects: ${list(k.objects)} | actions: ${list(k.actions)} | scene: ${k.scene || '—'}`);
    lines.push(`  notable: ${list(k.notable_features)} | spatial: ${list(k.spatial_relations)} | interactions: ${list(k.potential_interactions)}`);
    if (k.human_attributes) lines.push(`  person: ${k.human_attributes.gender}, ${k.human_attributes.clothing}, ${k.human_attributes.posture}`);
  }
  return lines.join('\n');
}
