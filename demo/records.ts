import path from 'node:path';
import { renderScenes, type RenderProgress } from './render';
import {
  CANVAS,
  QUESTIONS,
  SCENES,
  getScene,
  inWindow,
  layerBox,
  positionAt,
  velocityAt,
  visibleFraction,
  type Box,
  type DemoDataType,
  type DemoProblemType,
  type DemoQuestion,
  type Layer,
  type Scene,
} from './scenes';

export const DEMO_SUBDIR = 'demo';
export const DEMO_DATA_SOURCE = 'CoT-Studio-Demo';
export const DEMO_PROMPT_VERSION = 'demo-v1';

// ---------------------------------------------------------------------------
// shapes (DOMAIN.md: "Records trainers read" and curation stage 1)

export type DemoRecord = {
  problem_id: number | string;
  problem: string;
  options: string[];
  problem_type: DemoProblemType;
  data_type: DemoDataType;
  path: string;
  data_source: string;
  solution: string;
};

// Type aliases rather than interfaces: they get implicit index signatures, so these values
// can be stored as JSON columns (Prisma's InputJsonValue) without casts.
export type HumanAttributes = {
  gender: string;
  clothing: string;
  posture: string;
};

export type KeyElements = {
  objects: string[];
  actions: string[];
  scene: string;
  notable_features: string[];
  spatial_relations: string[];
  human_attributes: HumanAttributes | null;
  potential_interactions: string[];
};

export type RepresentationFrame = {
  timestamp: string;
  caption: string;
  key_elements: KeyElements;
};

export type VideoRepresentation = {
  video_caption: string;
  frames: RepresentationFrame[];
};

export interface DemoCot {
  text: string;
  model: string;
  promptVersion: string;
}

export interface PlantedError {
  kind: 'colour' | 'count' | 'moment';
  /** What the draft gets wrong, for reviewers and tests. */
  note: string;
  /** Whether the draft's final answer is wrong because of it. */
  answerWrong: boolean;
}

export interface DemoItem {
  record: DemoRecord;
  /** Shared (same object) by every item of the same video. */
  representation: VideoRepresentation;
  draft: DemoCot & { model: 'demo-llm' };
  revision: DemoCot & { model: 'demo-mllm' };
  /** Set on the drafts that deliberately contradict the video. */
  plantedError: PlantedError | null;
}

export interface DemoVideo {
  sceneId: string;
  file: string;
  /** Relative to the media root, as it appears in records. */
  path: string;
  absPath: string;
  dataType: DemoDataType;
  /** 0 for images. */
  durationSec: number;
  fps: number;
  width: number;
  height: number;
  representation: VideoRepresentation;
}

// ---------------------------------------------------------------------------
// representation: derived from the scene geometry, so it is true by construction

export function formatTimestamp(sec: number): string {
  const s = Math.floor(sec);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Curation samples at 1 fps: one frame per started second; a still image is one frame. */
export function sampleTimes(scene: Scene): number[] {
  if (scene.dataType === 'image') return [0];
  return Array.from({ length: Math.ceil(scene.durationSec) }, (_, i) => i);
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function where(box: Box): string {
  const { width: W, height: H } = CANVAS;
  if (box.x0 < 0) return 'at the left edge';
  if (box.x1 > W) return 'at the right edge';
  if (box.y0 < 0) return 'at the top edge';
  if (box.y1 > H) return 'at the bottom edge';
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const h = cx < W / 3 ? 'left' : cx < (2 * W) / 3 ? 'centre' : 'right';
  const v = cy < H / 3 ? 'top' : cy < (2 * H) / 3 ? 'middle' : 'bottom';
  if (v === 'middle') return h === 'centre' ? 'in the centre' : `on the ${h} side`;
  return h === 'centre' ? `at the ${v} centre` : `in the ${v}-${h} area`;
}

function direction(vx: number, vy: number): string | null {
  if (vx === 0 && vy === 0) return null;
  if (Math.abs(vx) >= Math.abs(vy)) return vx > 0 ? 'right' : 'left';
  return vy > 0 ? 'down' : 'up';
}

const moving = (dir: string): string => (dir === 'down' ? 'falling' : `moving ${dir}`);

function isOffCanvas(box: Box): boolean {
  return box.x1 <= 0 || box.x0 >= CANVAS.width || box.y1 <= 0 || box.y0 >= CANVAS.height;
}

function occluderOf(scene: Scene, index: number, t: number): Layer | undefined {
  const box = layerBox(scene.layers[index]!, t);
  return scene.layers.slice(index + 1).find((l) => {
    if (l.kind === 'text' || !inWindow(l, t)) return false;
    const b = layerBox(l, t);
    return b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1;
  });
}

function actionFor(scene: Scene, index: number, t: number, first: boolean): string | null {
  const layer = scene.layers[index]!;
  const the = `the ${layer.label}`;
  const nowVisible = visibleFraction(scene, index, t) > 0;
  const prevVisible = !first && visibleFraction(scene, index, t - 1) > 0;
  const { vx, vy } = velocityAt(layer.path, t);
  const dir = direction(vx, vy);

  if (!nowVisible) {
    const hiddenNow = inWindow(layer, t) && !isOffCanvas(layerBox(layer, t));
    const behind = (): string => occluderOf(scene, index, t)?.label ?? 'foreground';
    if (!prevVisible) {
      const hiddenBefore = !first && inWindow(layer, t - 1) && !isOffCanvas(layerBox(layer, t - 1));
      return hiddenNow && hiddenBefore ? `${the} is still hidden behind the ${behind()}, as in the previous frame` : null;
    }
    if (!inWindow(layer, t)) return `${the} has disappeared since the previous frame`;
    if (!hiddenNow) return `${the} has left the frame since the previous frame`;
    return `${the} is now hidden behind the ${behind()}`;
  }
  if (first) return dir ? `${the} is ${moving(dir)}` : null;

  const prev = velocityAt(layer.path, t - 1);
  const prevDir = direction(prev.vx, prev.vy);
  if (!prevVisible) {
    const prevHidden = inWindow(layer, t - 1) && !isOffCanvas(layerBox(layer, t - 1));
    if (prevHidden && dir) return `${the} reappears from behind the ${occluderOf(scene, index, t - 1)?.label ?? 'foreground'}, ${moving(dir)}`;
    const box = layerBox(layer, t);
    const edge = box.x0 < 0 ? 'left' : box.x1 > CANVAS.width ? 'right' : box.y0 < 0 ? 'top' : null;
    if (dir && edge) return `${the} enters from the ${edge} edge, ${moving(dir)}`;
    if (dir) return `${the} appears, ${moving(dir)}`;
    return `${the} appears`;
  }
  if (dir && prevDir === dir) return `${the} keeps ${moving(dir)}, continuing from the previous frame`;
  if (dir && prevDir) return `${the} has reversed since the previous frame and is now ${moving(dir)}`;
  if (dir) return `${the} starts ${moving(dir)}`;
  const before = positionAt(layer.path, t - 1);
  const now = positionAt(layer.path, t);
  if (before.x !== now.x || before.y !== now.y) {
    return now.y > before.y && Math.abs(now.y - before.y) > Math.abs(now.x - before.x)
      ? `${the} has landed since the previous frame`
      : `${the} has come to rest since the previous frame`;
  }
  return null;
}

function relation(a: Layer, b: Layer, t: number): string {
  const A = layerBox(a, t);
  const B = layerBox(b, t);
  const inside = (p: Box, q: Box): boolean => p.x0 >= q.x0 && p.x1 <= q.x1 && p.y0 >= q.y0 && p.y1 <= q.y1;
  if (inside(A, B)) return `the ${a.label} is on the ${b.label}`;
  if (inside(B, A)) return `the ${b.label} is on the ${a.label}`;
  const overlapX = A.x0 < B.x1 && B.x0 < A.x1;
  const overlapY = A.y0 < B.y1 && B.y0 < A.y1;
  if (overlapX && overlapY) return `the ${a.label} overlaps the ${b.label}`;
  if (overlapX && Math.abs(A.y1 - B.y0) < 1) return `the ${a.label} rests on the ${b.label}`;
  if (overlapX && Math.abs(B.y1 - A.y0) < 1) return `the ${b.label} rests on the ${a.label}`;
  const dx = (B.x0 + B.x1) / 2 - (A.x0 + A.x1) / 2;
  const dy = (B.y0 + B.y1) / 2 - (A.y0 + A.y1) / 2;
  // Centre distances mislead next to long thin things (a ruler, a floor): when one box spans
  // the other along an axis, the relation is along the other axis.
  const spansX = (A.x0 >= B.x0 && A.x1 <= B.x1) || (B.x0 >= A.x0 && B.x1 <= A.x1);
  const spansY = (A.y0 >= B.y0 && A.y1 <= B.y1) || (B.y0 >= A.y0 && B.y1 <= A.y1);
  const horizontal = spansY && !spansX ? true : spansX && !spansY ? false : Math.abs(dx) >= Math.abs(dy);
  if (horizontal) return `the ${a.label} is to the ${dx > 0 ? 'left' : 'right'} of the ${b.label}`;
  return `the ${a.label} is ${dy > 0 ? 'above' : 'below'} the ${b.label}`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function describeFrame(scene: Scene, t: number, first: boolean): RepresentationFrame {
  const visible = scene.layers
    .map((layer, index) => ({ layer, index, fraction: visibleFraction(scene, index, t) }))
    .filter((v) => v.fraction > 0);

  // Objects: groups once, repeated labels counted ("4 red circles").
  const counts = new Map<string, number>();
  for (const { layer } of visible) {
    const name = layer.group ?? layer.label;
    counts.set(name, layer.group ? 1 : (counts.get(name) ?? 0) + 1);
  }
  const objects = [...counts].map(([name, n]) => (n > 1 ? `${n} ${name}s` : name));

  const actors = visible.filter((v) => !v.layer.prop);
  const withArticle = (label: string, fraction: number): string =>
    fraction < 0.5 ? `[Uncertain] a partly visible ${label}` : `${article(label)} ${label}`;
  const shapes = actors.filter((v) => v.layer.kind !== 'text');
  const texts = actors.filter((v) => v.layer.kind === 'text');
  const place = (v: (typeof actors)[number]): string => `${withArticle(v.layer.label, v.fraction)} ${where(layerBox(v.layer, t))}`;

  const sentences: string[] = [];
  if (shapes.length > 0) sentences.push(`${scene.settingPhrase}, the ${scene.dataType === 'image' ? 'picture' : 'frame'} shows ${joinList(shapes.map(place))}.`);
  else if (texts.length > 0) sentences.push(`${scene.settingPhrase}, the screen shows ${joinList(texts.map(place))}.`);
  else sentences.push(`${scene.settingPhrase}, nothing else is visible${first ? ' yet' : ''}.`);

  const actions = scene.layers
    .map((layer, index) => (layer.prop ? null : actionFor(scene, index, t, first)))
    .filter((a): a is string => a !== null);
  if (scene.dataType === 'video') {
    const resting = actors
      .filter((v) => !first && visibleFraction(scene, v.index, t - 1) > 0)
      .filter((v) => actionFor(scene, v.index, t, first) === null)
      .map((v) => `the ${v.layer.label}`);
    if (resting.length > 0) actions.push(`${joinList(resting)} ${resting.length > 1 ? 'stay' : 'stays'} where ${resting.length > 1 ? 'they were' : 'it was'} in the previous frame`);
  }
  if (actions.length > 0) sentences.push(`${capitalise(actions.join('; '))}.`);
  if (shapes.length > 0 && texts.length > 0) {
    for (const v of texts) {
      const box = layerBox(v.layer, t);
      sentences.push(
        v.fraction < 0.99 || box.x1 > CANVAS.width || box.x0 < 0
          ? `[Uncertain] The ${v.layer.label} is only partly in view ${where(box)}, cut off by the frame edge.`
          : `The ${v.layer.label} is shown ${where(box)}.`,
      );
    }
  }

  const notes = scene.notes?.(t) ?? [];
  // Captions are 2–3 sentences; a frame with nothing happening borrows its first note.
  if (sentences.length < 2) {
    const note = notes[0];
    sentences.push(note ? `${capitalise(note)}.` : scene.dataType === 'image' ? 'It is a still image.' : 'Nothing moves in this frame.');
  }

  const notable = [
    ...visible
      .filter((v) => v.fraction < 0.5 && !v.layer.prop)
      .map((v) => `the ${v.layer.label} is less than half visible`),
    ...notes,
  ];

  const relations: string[] = [];
  const seenGroups = new Set<string>();
  const others = visible.filter((v) => {
    if (!v.layer.group) return true;
    if (seenGroups.has(v.layer.group)) return false;
    seenGroups.add(v.layer.group);
    return true;
  });
  // Repeated labels ("red circle" ×4) are told apart by where each one is.
  const labelCount = new Map<string, number>();
  for (const v of visible) labelCount.set(v.layer.label, (labelCount.get(v.layer.label) ?? 0) + 1);
  const named = (layer: Layer): Layer => {
    if (layer.group) return { ...layer, label: layer.group };
    if ((labelCount.get(layer.label) ?? 0) > 1) return { ...layer, label: `${layer.label} ${where(layerBox(layer, t))}` };
    return layer;
  };
  for (const a of actors) {
    for (const b of others) {
      if (a === b || relations.length >= 4) continue;
      // A group is related through its first member but named by its group label.
      const bLayer = named(b.layer);
      const r = relation(named(a.layer), bLayer, t);
      const reverse = relation(bLayer, named(a.layer), t);
      if (!relations.includes(reverse)) relations.push(r);
    }
  }

  return {
    timestamp: formatTimestamp(t),
    caption: sentences.join(' '),
    key_elements: {
      objects,
      actions,
      scene: scene.setting,
      notable_features: notable,
      spatial_relations: relations,
      human_attributes: null,
      potential_interactions: scene.interactions?.(t) ?? [],
    },
  };
}

export function representScene(scene: Scene): VideoRepresentation {
  return {
    video_caption: scene.videoCaption,
    frames: sampleTimes(scene).map((t, i) => describeFrame(scene, t, i === 0)),
  };
}

// ---------------------------------------------------------------------------
// chains of thought: hand-written drafts, revisions expressed as the edits a visual model
// would make, so the diff between the two is exactly the correction

interface CotSpec {
  think: string;
  answer: string;
  /** [find, replace] applied to the draft's think; each find must occur exactly once. */
  edits: Array<[string, string]>;
  /** Defaults to the draft's answer. */
  revisedAnswer?: string;
  error?: PlantedError;
}

const COTS: Record<string, CotSpec> = {
  'squares-count': {
    think: `Okay, let me picture the whole clip first. It's about six seconds of a plain dark background with small coloured squares sliding from the left edge to the right edge, each at its own height. The question asks how many squares cross the screen in total, so I need one number: distinct squares over the whole video, not just the most on screen at once.

Let me go through it in order. Near the start, around 00:01, a blue square comes in low on the left. At 00:02 a red square shows up along the top and a green one is just peeking in at the bottom-left edge. Around 00:03 an orange square enters in the middle row on the left. So the order of arrivals is blue, red, green, orange.

Hmm, let me check the end of the clip too. By 00:04 the blue square has gone off the right edge, then the red one leaves, and in the last second only the green and orange squares are still crossing before they exit. Nothing new comes in after the orange one.

Wait, did any square come back a second time? No, each one leaves on the right and does not re-enter. So the count is blue, red, green and orange: 4 squares.`,
    answer: '4',
    edits: [
      [
        'Near the start, around 00:01, a blue square comes in low on the left.',
        'Right at the start, at 00:00, a yellow square is already in the upper-left part of the frame, moving right; by 00:02 it is near the right edge and it is gone before 00:03, which is easy to miss. Around 00:01 a blue square comes in low on the left.',
      ],
      ['So the order of arrivals is blue, red, green, orange.', 'So the order of arrivals is yellow, blue, red, green, orange.'],
      ['So the count is blue, red, green and orange: 4 squares.', 'So the count is yellow, blue, red, green and orange: 5 squares.'],
    ],
    revisedAnswer: '5',
    error: { kind: 'count', note: 'misses the yellow square that crosses first and has left by 00:03', answerWrong: true },
  },

  'squares-first': {
    think: `Let me picture the clip: a dark background, coloured squares gliding left to right one after another in separate lanes. The question asks which colour is the first square to enter the frame, and I need to answer with the option letter.

The key moment is the very beginning. The description of the first frame, at 00:00, mentions exactly one square on screen — a yellow one in the upper-left part of the frame, moving right. Nothing else is visible yet. The blue square only comes in around 00:01, low on the left, and the red and green ones show up later still, around 00:02.

Hmm, could the yellow one have entered after something that already left? No — it is alone at the start, so it must be the first. Checking the options: A is blue, B is red, C is yellow, D is green. The yellow square is option C.`,
    answer: 'C',
    edits: [
      [
        'The description of the first frame, at 00:00, mentions exactly one square on screen',
        'In the first frame, at 00:00, I can see exactly one square on screen',
      ],
    ],
  },

  'sign-word': {
    think: `Let me picture this: a dark screen with a blue rectangular sign in the middle. At the very start the sign is blank, and then, within the first second, white capital letters appear on it and stay for the rest of the video. The question asks what word is written on the blue sign, so I need to transcribe the text exactly.

Around 00:01 the letters are already there, large and centred: H, O, R, I, Z, O, N. The caption describes them as bold white capitals, so there's no ambiguity about the case. Hmm, let me make sure it doesn't change later — in the middle and at the end, around 00:05, the sign still reads the same. So the word is HORIZON.`,
    answer: 'HORIZON',
    edits: [['The caption describes them as bold white capitals', 'They are bold white capitals']],
  },

  'plate-code': {
    think: `Okay, picture the clip: a dark background, and a yellow plate slides in from the right edge, then stops in the middle of the screen. The question asks for the code printed on the plate, so the answer is a transcription.

At the very beginning the screen is empty. Around 00:01 the plate is coming in from the right and only part of it is in view — the start of the code is there but the rest is cut off by the edge, so I shouldn't read it from that moment. By 00:02 it has settled in the centre and the full code is readable: C, X, a hyphen, then 4, 7, 2, 9. Let me double-check against the end of the video: at 00:04 it reads the same, CX-4729.`,
    answer: 'CX-4729',
    edits: [
      [
        'the start of the code is there but the rest is cut off by the edge',
        'I can see "CX-47" on the plate but the last digits are cut off by the frame edge',
      ],
    ],
  },

  'last-word': {
    think: `Let me picture the video: a dark screen where words appear one at a time in the middle. First a green word shows up near the beginning and stays for a few seconds, then the screen goes blank for a moment, and after that a red word appears and remains until the end. The question asks which word is displayed at the end, so I need the text of that last word.

Early on, from about 00:01 to 00:03, the green word reads "OPEN". Around 00:04 there is nothing on screen. Then from 00:05 to the final frame at 00:06 the red word is shown: C, L, O, S, E, D. Hmm, let me make sure nothing replaces it right at the end — no, it is still there in the last frame. So the word at the end is CLOSED.`,
    answer: 'CLOSED',
    edits: [['Around 00:04 there is nothing on screen.', 'Around 00:04 the screen is plain dark with no text at all.']],
  },

  'first-word': {
    think: `Okay, the clip shows words appearing one after another in the centre of a dark screen. The question asks which word appears first; the options are A) CLOSED, B) OPEN, C) EXIT, D) PUSH, and I should answer with the letter.

At the very start, 00:00, the screen is blank. Shortly after, around 00:01, the first word shows up in green: "OPEN". It stays through about 00:03, then disappears, and only later, around 00:05, the red word "CLOSED" appears. EXIT and PUSH never show up at all.

Wait, let me check that "CLOSED" isn't briefly visible before "OPEN" — no, the opening frame is empty and the first text is the green one. So the first word is OPEN, which is option B.`,
    answer: 'B',
    edits: [['Okay, the clip shows words appearing', 'Watching the video, I see words appearing']],
  },

  'ruler-distance': {
    think: `Let me picture the scene: a dark background with a white ruler along the bottom, marked from 0 m to 5 m, and an orange ball sitting on top of it. The ball rolls to the right for a while and then stops. The question asks how many metres the ball travels, so I need a number: the distance between where it starts and where it stops.

The ball starts rolling right at the very beginning of the video, around 00:00, from the 1 m mark. A bit later, at 00:02, it is passing between the 1 m and 2 m marks, and around 00:03 it is a little past 3 m. By 00:04 it has come to rest right above the 4 m tick, and it stays there until the end.

So it goes from 1 m to 4 m. Hmm, let me double-check that it doesn't move back or continue later — at 00:05 it is still over the 4 m mark. The distance is 4 − 1 = 3 metres.`,
    answer: '3',
    edits: [
      [
        'The ball starts rolling right at the very beginning of the video, around 00:00, from the 1 m mark.',
        'At first the ball sits still on the 1 m mark — it is in the same place at 00:00 and at 00:01 — and it only starts rolling right after 00:01.',
      ],
    ],
    error: { kind: 'moment', note: 'says the ball starts moving at 00:00; it is still at 00:01 and starts at about 1.5 s', answerWrong: false },
  },

  'ruler-speed': {
    think: `Picture it: an orange ball on a ruler marked in metres, resting, then rolling right, then stopping. The question asks for its speed while it is moving, in metres per second, so the answer is a number.

I need distance over time for the moving part. At 00:01 the ball is still sitting at the 1 m mark. At 00:02 it is about three quarters of the way from 1 m to 2 m, roughly 1.75 m, and at 00:03 it is a quarter of the way past the 3 m mark, roughly 3.25 m. So between 00:02 and 00:03 it covers about 1.5 m in one second.

Let me check that against the whole trip: it moves 3 m in total (1 m to 4 m), it is at rest at 00:01 and already stopped at 00:04. At 1.5 m/s, 3 m takes 2 seconds, which fits inside that window — starting around 1.5 s and stopping around 3.5 s. Both views agree, so the speed is about 1.5 m/s.`,
    answer: '1.5',
    edits: [
      ['Picture it: an orange ball', 'The video shows an orange ball'],
      ['At 00:02 it is about three quarters of the way', 'At 00:02 the ball is visibly about three quarters of the way'],
    ],
  },

  'wall-time': {
    think: `Let me picture the clip: a red ball on the left of a dark screen rolls steadily to the right toward a grey wall near the right edge, hits it, and comes back. The question asks at what second the ball first touches the wall, so I need a time in seconds.

The motion looks steady: at 00:00 the ball is at the far left, and each second it moves about the same distance, roughly 125 pixels — the gap to the wall shrinks from about 475 pixels at the start to about 350 at 00:01, 225 at 00:02 and 100 at 00:03. At 00:04 the ball is already heading back to the left, so the contact happens between 00:03 and 00:04.

With 100 pixels left to cover at 125 pixels per second, that takes 100 / 125 = 0.8 seconds after 00:03. Hmm, let me check with the rebound: at 00:04 the ball is about 25 pixels from the wall moving left at the same speed, which is 0.2 s of travel after the bounce — 3.8 + 0.2 = 4.0. Consistent. So it touches the wall at about 3.8 seconds.`,
    answer: '3.8',
    edits: [['the gap to the wall shrinks', 'the dark gap between the ball and the wall visibly shrinks']],
  },

  'wall-after': {
    think: `Okay, the video: a red ball rolls right across a dark screen toward a grey wall near the right edge. The question is what the ball does after it reaches the wall; the options are A. it stops against the wall, B. it bounces back to the left, C. it passes through the wall, D. it disappears. I need a letter.

The contact happens in the middle of the clip, a little before 00:04. Before that the ball approaches from the left. Right after, at 00:04, the frame caption places the ball just left of the wall and says it now moves left; by 00:05 and 00:06 it is further and further to the left. It stays on the near side of the wall the whole time and stays visible.

So it doesn't stop, doesn't go through, and doesn't vanish — it rebounds to the left. That's option B.`,
    answer: 'B',
    edits: [
      [
        'the frame caption places the ball just left of the wall and says it now moves left',
        'the ball is just left of the wall and already rolling back to the left',
      ],
    ],
  },

  'first-colour': {
    think: `Let me picture the video: a cream background where big coloured circles pop up one by one and stay — one on the left, one in the middle, one on the right. The question asks which colour appears first, with options A. red, B. green, C. blue, D. yellow, and I need a letter.

At the very beginning, 00:00, the screen is empty. Then the first circle shows up around 00:01 — the red circle in the middle. Hmm, a bit later, around 00:03, another circle is there too, and near the end, around 00:05, the blue one on the right completes the row.

Let me check the order again: the middle circle came first, then the side ones filled in. Yellow never appears. So the first colour is red, option A.`,
    answer: 'A',
    edits: [
      [
        'Then the first circle shows up around 00:01 — the red circle in the middle.',
        'Then the first circle shows up around 00:01 — a green circle on the left; the middle is still empty at that point.',
      ],
      ['around 00:03, another circle is there too,', 'around 00:03, a red circle appears in the middle next to it,'],
      [
        'the middle circle came first, then the side ones filled in.',
        'the left (green) circle came first, then the middle (red) one, then the right (blue) one.',
      ],
      ['So the first colour is red, option A.', 'So the first colour is green, option B.'],
    ],
    revisedAnswer: 'B',
    error: { kind: 'colour', note: 'claims the red middle circle appears first; the green left circle appears at 00:01, red only at 00:03', answerWrong: true },
  },

  'last-colour': {
    think: `The clip shows one big square in the centre of a dark screen whose colour changes over time. The question asks which colour is shown last; the options are A) yellow, B) orange, C) purple, D) white. I need the letter.

The first frame is blank. Around 00:01 and 00:02 the square is yellow. In the middle of the video, about 00:03 to 00:04, it is purple. Then toward the end, from about 00:05 to 00:06, it is orange. According to the frame descriptions nothing new comes after the orange one — the screen just goes empty at the very end.

Hmm, white isn't one of the colours shown at all, and yellow and purple both come earlier. So the last colour shown is orange, option B.`,
    answer: 'B',
    edits: [['According to the frame descriptions nothing new comes after the orange one', 'Nothing new comes after the orange square']],
  },

  'light-story': {
    think: `Let me picture the video: it's a traffic light standing against a dark background, with red at the top, yellow in the middle and green at the bottom, and one lamp lit at a time. The question just asks what happens, so I need a short description of the sequence.

At the beginning, from 00:00 through about 00:02, the top red lamp is lit and the other two are dark. In the middle of the clip, around 00:03 to 00:05, the red goes dark and the bottom green lamp is on. Toward the end, around 00:06 and 00:07, the green turns off and the middle yellow lamp lights up, and it stays yellow until the video ends.

Wait, is that a sensible order? Red, then green, then yellow — yes, that's how a real signal cycles. Nothing else moves in the scene. So the traffic light goes from red to green and then to yellow.`,
    answer: 'A traffic light is red at first, then turns green, and finally changes to yellow.',
    edits: [["Let me picture the video: it's a traffic light standing", 'The video shows a traffic light standing']],
  },

  'green-duration': {
    think: `Picture it: a traffic light against a dark background, one lamp lit at a time — red first, then green, then yellow. The question asks for how many seconds the green light is on, so I need a number.

Let me find when the green lamp switches on and off. The red lamp is lit at the beginning, through about 00:02. The green lamp comes on around 00:03, and it looks like the yellow lamp has taken over by around 00:05. So green is on from about 00:03 to 00:05.

Hmm, that's 5 − 3 = 2 seconds. Let me double-check that the green doesn't come back later — no, after the yellow comes on, green stays dark to the end. So the green light is on for 2 seconds.`,
    answer: '2',
    edits: [
      [
        'and it looks like the yellow lamp has taken over by around 00:05. So green is on from about 00:03 to 00:05.',
        'and it is still the only lit lamp at 00:05; the yellow lamp only takes over at 00:06. So green is lit at 00:03, 00:04 and 00:05, switching on shortly before 00:03 and off shortly before 00:06.',
      ],
      ['Hmm, that\'s 5 − 3 = 2 seconds.', 'Hmm, that spans three one-second steps, so about 3 seconds.'],
      ['So the green light is on for 2 seconds.', 'So the green light is on for 3 seconds.'],
    ],
    revisedAnswer: '3',
    error: { kind: 'moment', note: 'has yellow taking over at 00:05; green is still lit at 00:05 and yellow starts at 5.5 s', answerWrong: true },
  },

  'stack-count': {
    think: `Let me picture this: a cream background with a dark grey floor along the bottom, and rectangular blocks dropping from the top one at a time, each landing on the one before. The question asks how many blocks are stacked on the floor at the end, so the answer is a count.

Going through it: around 00:01 a blue block is falling and by 00:02 it has landed on the floor. At 00:02 a red block is coming down from the top, and at 00:03 it sits on the blue one. Around 00:04 an orange block is falling, and by 00:05 it is on top of the red one, while a green block is just entering at the top edge. In the last frame, 00:06, the green block has landed on top.

So the final tower, bottom to top, is blue, red, orange, green. Let me check nothing falls off or gets removed — no, the stack just grows. That's 4 blocks.`,
    answer: '4',
    edits: [
      ['Around 00:04 an orange block is falling', 'Around 00:04 a yellow block is falling'],
      ['is blue, red, orange, green.', 'is blue, red, yellow, green.'],
    ],
    error: { kind: 'colour', note: 'calls the third block orange; it is yellow', answerWrong: false },
  },

  'stack-story': {
    think: `Picture the video: a floor along the bottom of a cream background and coloured blocks dropping from above. The question asks me to describe what happens, so a short narrative answer is needed.

At the start the floor is empty. Then, one after another, blocks fall straight down in the centre: blue first (around 00:01), then red (around 00:02), then yellow (around 00:04) and finally green near the end (00:05). Each lands on top of the previous one rather than on the floor beside it, so by the last frame at 00:06 there is a neat tower of four blocks.

Hmm, let me make sure the order is right: the blue one is at the very bottom, touching the floor, and the green one is on top. Yes. So the video shows four blocks being stacked into a tower.`,
    answer: 'Four coloured blocks fall one after another onto the floor and stack into a tower: blue at the bottom, then red, yellow and green on top.',
    edits: [['Picture the video: a floor along the bottom', 'The video shows a floor along the bottom']],
  },

  'race-winner': {
    think: `Let me picture the video: a dark two-lane track, a red car in the upper lane and a blue car in the lower lane, both driving right toward a white finish line near the right edge. The question asks which car crosses the finish line first; the options are A. the red car, B. the blue car, C. both at the same time, D. neither car finishes. I need a letter.

At the start both cars are lined up on the left. Around 00:01 they pull away together, and in the middle of the race, around 00:03, the red car seems to be slightly ahead of the blue one. At 00:04 the red car is the one at the line, and by 00:05 both cars have gone past it.

Hmm, so both finish, but not at the same moment: the red car gets there first. That's option A.`,
    answer: 'A',
    edits: [
      ['the red car seems to be slightly ahead of the blue one', "the blue car is clearly ahead — its front is well past the red car's"],
      [
        'At 00:04 the red car is the one at the line,',
        'At 00:04 the blue car is already over the line while the red car is still short of it,',
      ],
      ['the red car gets there first. That\'s option A.', 'the blue car gets there first. That\'s option B.'],
    ],
    revisedAnswer: 'B',
    error: { kind: 'colour', note: 'swaps the cars: the blue car leads from 00:01 and crosses first', answerWrong: true },
  },

  'countdown-word': {
    think: `Okay, picture it: a dark screen with big white numbers in the centre counting down, and then something else appears at the end. The question asks what word appears when the countdown ends, so I need to transcribe it.

At the beginning, 00:00 and 00:01, the number 3 is shown. Around 00:02 it changes to 2, and around 00:03 to 1. Then, from 00:04 until the end, the digits are replaced by a green word: G, O. Hmm, let me check it isn't something longer like "GO!" — no, just the two letters, in capitals. So the word is GO.`,
    answer: 'GO',
    edits: [['Okay, picture it: a dark screen', 'The video shows a dark screen']],
  },

  'pillar-story': {
    think: `Let me picture the clip: a cream background with a wide grey pillar in the middle and a blue ball on the left. The question asks what happens in the video, so I need to describe the motion in words.

At the beginning, around 00:00 to 00:02, the blue ball rolls steadily to the right toward the pillar. In the middle of the video, at about 00:03 and 00:04, the ball can't be seen at all — it has gone behind the pillar. Then around 00:05 it reappears on the right side of the pillar and keeps rolling right until the end, near 00:06.

Wait, could it have stopped behind the pillar and a second ball come out? The speed and height look the same before and after, so it's the same ball passing behind. So a blue ball rolls from left to right, passes behind the grey pillar and comes out on the other side.`,
    answer: 'A blue ball rolls from left to right, passes behind a grey pillar in the middle and comes out on the other side.',
    edits: [
      ['and a blue ball on the left', 'and a green ball on the left'],
      ['the blue ball rolls steadily', 'the green ball rolls steadily'],
      ['So a blue ball rolls', 'So a green ball rolls'],
    ],
    revisedAnswer: 'A green ball rolls from left to right, passes behind a grey pillar in the middle and comes out on the other side.',
    error: { kind: 'colour', note: 'calls the ball blue; it is green', answerWrong: true },
  },

  'image-circles': {
    think: `Let me picture the image: a plain cream background with a handful of shapes scattered around — red circles and blue squares. The question asks how many red circles there are, so I need a count.

Going across the top row from left to right: a red circle at the far left, then a blue square, then a red circle, then a blue square at the right. Along the bottom: a red circle left of centre, a blue square right of centre, and a red circle near the right edge. Hmm, let me count only the red circles: two on top and two at the bottom — 4. The blue squares (3 of them) don't count. So there are 4 red circles.`,
    answer: '4',
    edits: [['Let me picture the image: a plain cream background', 'The image shows a plain cream background']],
  },
};

export function formatCot(think: string, answer: string): string {
  return `<think>\n${think}\n</think>\n<answer>${answer}</answer>`;
}

function applyEdits(key: string, text: string, edits: Array<[string, string]>): string {
  let out = text;
  for (const [find, replace] of edits) {
    const at = out.indexOf(find);
    if (at < 0 || out.indexOf(find, at + 1) >= 0) {
      throw new Error(`demo CoT ${key}: edit target must occur exactly once: "${find}"`);
    }
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}

// ---------------------------------------------------------------------------
// assembly

export function buildRecord(q: DemoQuestion): DemoRecord {
  const scene = getScene(q.sceneId);
  return {
    problem_id: q.problemId,
    // VideoRFT's trainers read `problem` alone, so the options are folded in.
    problem: q.options.length > 0 ? `${q.question}\n${q.options.join('\n')}` : q.question,
    options: [...q.options],
    problem_type: q.problemType,
    data_type: scene.dataType,
    path: `./${DEMO_SUBDIR}/${scene.file}`,
    data_source: DEMO_DATA_SOURCE,
    solution: `<answer>${q.answer}</answer>`,
  };
}

/** All demo items, without touching the disk. */
export function demoItems(): DemoItem[] {
  const representations = new Map(SCENES.map((s) => [s.id, representScene(s)]));
  return QUESTIONS.map((q) => {
    const spec = COTS[q.key];
    if (!spec) throw new Error(`demo question ${q.key} has no CoT`);
    const representation = representations.get(q.sceneId);
    if (!representation) throw new Error(`demo question ${q.key} refers to unknown scene ${q.sceneId}`);
    return {
      record: buildRecord(q),
      representation,
      draft: { text: formatCot(spec.think, spec.answer), model: 'demo-llm', promptVersion: DEMO_PROMPT_VERSION },
      revision: {
        text: formatCot(applyEdits(q.key, spec.think, spec.edits), spec.revisedAnswer ?? spec.answer),
        model: 'demo-mllm',
        promptVersion: DEMO_PROMPT_VERSION,
      },
      plantedError: spec.error ?? null,
    };
  });
}

/** The media files the demo items point at, located under `<mediaDir>/demo/`. */
export function demoVideos(mediaDir: string): DemoVideo[] {
  return SCENES.map((scene) => ({
    sceneId: scene.id,
    file: scene.file,
    path: `./${DEMO_SUBDIR}/${scene.file}`,
    absPath: path.join(mediaDir, DEMO_SUBDIR, scene.file),
    dataType: scene.dataType,
    durationSec: scene.durationSec,
    fps: scene.dataType === 'video' ? CANVAS.fps : 0,
    width: CANVAS.width,
    height: CANVAS.height,
    representation: representScene(scene),
  }));
}

export interface BuildDemoOptions {
  /** The media root; files go to `<mediaDir>/demo/`. */
  mediaDir: string;
  /** A log-ready line per file; the structured event is there for progress bars. */
  onProgress?: (message: string, progress: RenderProgress) => void;
  concurrency?: number;
}

/** Renders whatever media is missing (existing non-empty files are kept) and returns the dataset. */
export async function buildDemo(options: BuildDemoOptions): Promise<{ videos: DemoVideo[]; items: DemoItem[] }> {
  await renderScenes({
    outDir: path.join(options.mediaDir, DEMO_SUBDIR),
    scenes: SCENES,
    concurrency: options.concurrency,
    onProgress: (p) =>
      options.onProgress?.(`demo media ${p.done}/${p.total}: ${p.file} ${p.status === 'skipped' ? 'already present' : 'rendered'}`, p),
  });
  const items = demoItems();
  const videos = demoVideos(options.mediaDir);
  // Items and videos must share representation objects: one representation per video.
  const byPath = new Map(videos.map((v) => [v.path, v.representation]));
  for (const item of items) item.representation = byPath.get(item.record.path) ?? item.representation;
  return { videos, items };
}
