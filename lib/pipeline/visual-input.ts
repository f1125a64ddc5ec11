import fs from 'node:fs/promises';
import type { ChatPart } from '../models/chat';
import { isRemoteUrl, resolveMediaPath } from '../media/resolve-path';
import { AppError } from '../errors';
import { assertRemoteMediaAllowed } from '../media/remote-media';
import { curationFrames } from '../frames/frame-cache';
import { jpegDataUrl } from '../frames/sample-frames';
import { planFrames } from '../frames/frame-plan';
import { StageFailure } from './result/stage-failure';
import type { FrameSettings } from '../frames/frame-settings';

export type VisualInput = {
  mode: 'frames' | 'video_url';
  parts: ChatPart[];
  /** How many frames the model sees (planned, for video_url). */
  frameCount: number;
  /** For the prompt's {{input_description}}. */
  description: string;
  /** For the represent prompt's {{frame_rule}}. */
  frameRule: string;
};

const VIDEO_URL_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The clip ffmpeg reads: a file under the media root, or a URL under one of the dataset's allowed
 * remote media prefixes (anything else is refused before a request is made).
 */
export async function resolveClip(mediaRoot: string, recordPath: string, remoteMediaPrefixes: readonly string[] = []): Promise<string> {
  try {
    if (isRemoteUrl(recordPath)) {
      await assertRemoteMediaAllowed(recordPath, remoteMediaPrefixes);
      return recordPath;
    }
    return resolveMediaPath(mediaRoot, recordPath);
  } catch (e) {
    if (e instanceof AppError) throw new StageFailure(`Media file unavailable: ${e.message.replace(recordPath, 'the item path')}`);
    throw e;
  }
}

/**
 * The video as a multimodal model receives it: sampled JPEG frames each labelled with its
 * timestamp (works everywhere), or the clip itself as one video_url part (vLLM, SGLang).
 */
export async function visualInput(opts: {
  mediaRoot: string;
  remoteMediaPrefixes?: readonly string[];
  video: { path: string; durationSec: number | null; dataType: 'video' | 'image' };
  frames: FrameSettings;
  mode: 'frames' | 'video_url';
}): Promise<VisualInput> {
  const clip = await resolveClip(opts.mediaRoot, opts.video.path, opts.remoteMediaPrefixes);
  const isImage = opts.video.dataType === 'image';
  if (opts.mode === 'video_url' && !isImage) {
    const plan = planFrames({ durationSec: opts.video.durationSec, fps: opts.frames.fps, maxFrames: opts.frames.maxFrames });
    let url = clip;
    if (!isRemoteUrl(clip)) {
      const stat = await fs.stat(clip);
      if (stat.size > VIDEO_URL_MAX_BYTES) throw new StageFailure(`Video is larger than ${VIDEO_URL_MAX_BYTES / 1024 / 1024} MB: use frames (COT_<STAGE>_VIDEO_INPUT=frames)`);
      url = `data:video/mp4;base64,${(await fs.readFile(clip)).toString('base64')}`;
    }
    const secs = opts.video.durationSec ? `${opts.video.durationSec.toFixed(1)}-second ` : '';
    return {
      mode: 'video_url',
      parts: [{ type: 'video_url', video_url: { url } }],
      frameCount: plan.count,
      description: `Below is a ${secs}video.`,
      frameRule: `Give one entry in "frames" for about every ${(1 / plan.fps).toFixed(plan.fps >= 1 ? 0 : 1)} second(s) of video (at most ${plan.count}), in order, with its timestamp.`,
    };
  }
  let sampled;
  try {
    sampled = await curationFrames(clip, opts.video.durationSec, opts.frames);
  } catch (e) {
    throw new StageFailure(`Could not sample frames: ${(e as Error).message.split('\n')[0]}`);
  }
  const parts: ChatPart[] = [];
  sampled.jpegs.forEach((jpeg, i) => {
    parts.push({ type: 'text', text: `[${sampled.plan.timestamps[i]}]` });
    parts.push({ type: 'image_url', image_url: { url: jpegDataUrl(jpeg) } });
  });
  const n = sampled.jpegs.length;
  const rate = sampled.plan.fps >= 0.995 ? `${Math.round(sampled.plan.fps)} frame${Math.round(sampled.plan.fps) === 1 ? '' : 's'} per second` : `one frame every ${(1 / sampled.plan.fps).toFixed(1)} seconds`;
  return {
    mode: 'frames',
    parts,
    frameCount: n,
    description: isImage || n === 1 ? 'Below is one image, preceded by its timestamp.' : `Below are ${n} frames sampled from a video at ${rate}, each preceded by its timestamp (HH:MM:SS).`,
    frameRule: `Give exactly one entry in "frames" per frame shown (${n}), in order, with that frame's timestamp.`,
  };
}

/** A user message whose text has the visual parts where the template says {{frames}}. */
export function withVisualParts(renderedUser: string, visual: ChatPart[]): ChatPart[] {
  const [before, after] = splitOnce(renderedUser, '\u0000FRAMES\u0000');
  const parts: ChatPart[] = [];
  if (before.trim()) parts.push({ type: 'text', text: before.trim() });
  parts.push(...visual);
  if (after.trim()) parts.push({ type: 'text', text: after.trim() });
  return parts;
}

export const FRAMES_SENTINEL = '\u0000FRAMES\u0000';

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  if (i < 0) throw new Error('The prompt has no {{frames}} placeholder for the video');
  return [s.slice(0, i), s.slice(i + sep.length)];
}
