import { z } from 'zod';

// DOMAIN.md, curation stage 1: the representation every question on a video reasons over.
const humanAttributes = z.object({ gender: z.string(), clothing: z.string(), posture: z.string() });

const keyElements = z.object({
  objects: z.array(z.string()),
  actions: z.array(z.string()),
  scene: z.string(),
  notable_features: z.array(z.string()),
  spatial_relations: z.array(z.string()),
  human_attributes: humanAttributes.nullable(),
  potential_interactions: z.array(z.string()),
});

export const representationFrameSchema = z.object({
  timestamp: z.string().regex(/^\d{2}:[0-5]\d:[0-5]\d$/, 'must be HH:MM:SS'),
  caption: z.string().trim().min(1),
  key_elements: keyElements,
});

export const representationSchema = z.object({
  video_caption: z.string().trim().min(1),
  frames: z.array(representationFrameSchema).min(1),
});

export type Representation = z.infer<typeof representationSchema>;
