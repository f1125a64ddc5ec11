import { z } from 'zod';

export const drawSampleBodySchema = z.object({
  // The items filter in its URL form; the sample is drawn from its pending items.
  filter: z.string().max(4000),
  confidence: z.number().min(0.5).max(0.999),
  margin: z.number().min(0.005).max(0.5),
  // The share of good items the rest must clear (compared with the interval's lower bound).
  bar: z.number().min(0).max(1),
});
export type DrawSampleBody = z.infer<typeof drawSampleBodySchema>;
