/** How videos are sampled for the curation stages (parsed with the pipeline settings, lib/pipeline/settings.ts). */
export type FrameSettings = {
  /** Frames per second sampled for represent and revise (DOMAIN: 1 fps). */
  fps: number;
  /** Cap on frames per video; longer videos are sampled uniformly at a lower rate. */
  maxFrames: number;
  /** Longest side of a sampled frame in pixels (aspect ratio kept, never upscaled). */
  maxSide: number;
};
