import { z } from 'zod';
import { parseClock } from './time-refs';

// A video's representation is model output: validated here before the page shows it, so a
// malformed one degrades to "no captions" instead of breaking the review page.
const frameSchema = z.object({
  timestamp: z.string(),
  caption: z.string(),
  key_elements: z
    .object({
      objects: z.array(z.string()).optional(),
      actions: z.array(z.string()).optional(),
      scene: z.string().optional(),
    })
    .passthrough()
    .optional(),
});

const representationSchema = z.object({
  video_caption: z.string().default(''),
  frames: z.array(frameSchema).default([]),
});

export type RepresentationFrame = { seconds: number; timestamp: string; caption: string; objects: string[]; actions: string[] };
export type Representation = { videoCaption: string; frames: RepresentationFrame[] };

export function parseRepresentation(raw: unknown): Representation | null {
  if (raw === null || raw === undefined) return null;
  const parsed = representationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const frames: RepresentationFrame[] = [];
  for (const f of parsed.data.frames) {
    const seconds = parseClock(f.timestamp);
    if (seconds === null) continue;
    frames.push({ seconds, timestamp: f.timestamp, caption: f.caption, objects: f.key_elements?.objects ?? [], actions: f.key_elements?.actions ?? [] });
  }
  frames.sort((a, b) => a.seconds - b.seconds);
  return { videoCaption: parsed.data.video_caption, frames };
}

/** The frame caption in force at `time`: the last one at or before it. */
export function captionIndexAt(rep: Representation | null, time: number): number {
  if (!rep) return -1;
  let at = -1;
  for (let i = 0; i < rep.frames.length; i++) {
    if (rep.frames[i]!.seconds <= time + 1e-3) at = i;
    else break;
  }
  return at;
}

/**
 * Captions of consecutive frames often open the same way ("On a plain dark background, the
 * frame shows …"); the track labels each segment with what differs.
 */
export function distinctCaptions(captions: string[]): string[] {
  if (captions.length < 2) return captions;
  const words = captions.map((c) => c.split(' '));
  let common = 0;
  const first = words[0]!;
  while (common < first.length - 1 && words.every((w) => w[common] === first[common] && common < w.length - 1)) common++;
  return words.map((w) => w.slice(common).join(' '));
}
