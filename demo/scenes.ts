import type { ProblemType } from '@/lib/answers/problem-types';

/**
 * The demo dataset's scenes, described declaratively so that one description drives both
 * the ffmpeg render (render.ts) and the per-second ground truth (records.ts). Because the
 * pixels and the representation come from the same numbers, every answer is known by
 * construction and the 1 fps representation cannot drift from what was drawn.
 */

export const CANVAS = { width: 640, height: 360, fps: 25 } as const;

export const COLORS = {
  red: 'E53935',
  green: '43A047',
  blue: '1E88E5',
  yellow: 'FDD835',
  orange: 'FB8C00',
  purple: '8E24AA',
  white: 'F5F5F5',
  grey: '9E9E9E',
  darkgrey: '455A64',
  black: '111111',
  slate: '263238',
  night: '101820',
  cream: 'F3EFE0',
  dimred: '4A1C1C',
  dimyellow: '4A431C',
  dimgreen: '1C4A26',
} as const;
export type ColorName = keyof typeof COLORS;

export type DemoProblemType = ProblemType;
export type DemoDataType = 'video' | 'image';

/** Centre of the layer at time t (seconds); positions between waypoints are linear. */
export interface Waypoint {
  t: number;
  x: number;
  y: number;
}

interface LayerBase {
  /** Noun phrase used in descriptions, e.g. "red square". */
  label: string;
  path: readonly Waypoint[];
  /** Visible for from <= t < to. Half-second boundaries keep events away from the 1 fps
   * sample instants, where float rounding of frame timestamps could flip the outcome. */
  from?: number;
  to?: number;
  /** Props are static scenery: listed and related to, but never narrated as actors. */
  prop?: boolean;
  /** Layers sharing a group are listed once under this name (e.g. a ruler's ticks). */
  group?: string;
}

export interface ShapeLayer extends LayerBase {
  kind: 'rect' | 'circle';
  color: ColorName;
  w: number;
  h: number;
}

export interface TextLayer extends LayerBase {
  kind: 'text';
  text: string;
  size: number;
  color: ColorName;
}

export type Layer = ShapeLayer | TextLayer;

export interface Scene {
  id: string;
  file: string;
  dataType: DemoDataType;
  /** 0 for images. */
  durationSec: number;
  background: ColorName;
  /** Bottom-to-top draw order. */
  layers: readonly Layer[];
  videoCaption: string;
  /** key_elements.scene */
  setting: string;
  /** Opening words of every frame caption, e.g. "On a dark slate background". */
  settingPhrase: string;
  notes?: (t: number) => string[];
  interactions?: (t: number) => string[];
}

export interface DemoQuestion {
  key: string;
  sceneId: string;
  problemId: number | string;
  problemType: DemoProblemType;
  /** The question without its options. */
  question: string;
  options: string[];
  answer: string;
}

// ---------------------------------------------------------------------------
// geometry shared by the renderer and the representation

export function positionAt(path: readonly Waypoint[], t: number): { x: number; y: number } {
  const first = path[0];
  if (!first) throw new Error('layer path needs at least one waypoint');
  if (t < first.t) return { x: first.x, y: first.y };
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    if (t < b.t) {
      const k = (t - a.t) / (b.t - a.t);
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
  }
  const last = path[path.length - 1]!;
  return { x: last.x, y: last.y };
}

/** Forward-looking velocity (px/s) of the segment that t falls in. */
export function velocityAt(path: readonly Waypoint[], t: number): { vx: number; vy: number } {
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    if (t >= a.t && t < b.t) return { vx: (b.x - a.x) / (b.t - a.t), vy: (b.y - a.y) / (b.t - a.t) };
  }
  return { vx: 0, vy: 0 };
}

export function inWindow(layer: Layer, t: number): boolean {
  return (layer.from === undefined || t >= layer.from) && (layer.to === undefined || t < layer.to);
}

/** Text extents are estimated (DejaVu Sans Bold caps ≈ 0.72 em wide); good enough for
 * deciding where a word sits and whether it is cut off, never used for pixel checks. */
export function layerSize(layer: Layer): { w: number; h: number } {
  if (layer.kind === 'text') return { w: layer.text.length * layer.size * 0.72, h: layer.size * 0.75 };
  return { w: layer.w, h: layer.h };
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function layerBox(layer: Layer, t: number): Box {
  const { x, y } = positionAt(layer.path, t);
  const { w, h } = layerSize(layer);
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

function area(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

function intersect(a: Box, b: Box): Box {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

/**
 * Share of the layer that a viewer can see at t: clipped by the canvas and by opaque
 * shapes drawn above it. Occluders are assumed not to overlap each other, which holds
 * for every scene here.
 */
export function visibleFraction(scene: Scene, index: number, t: number): number {
  const layer = scene.layers[index];
  if (!layer || !inWindow(layer, t)) return 0;
  const box = layerBox(layer, t);
  const total = area(box);
  if (total === 0) return 0;
  const canvas: Box = { x0: 0, y0: 0, x1: CANVAS.width, y1: CANVAS.height };
  const onCanvas = intersect(box, canvas);
  let visible = area(onCanvas);
  for (let j = index + 1; j < scene.layers.length; j++) {
    const above = scene.layers[j]!;
    if (above.kind === 'text' || !inWindow(above, t)) continue;
    visible -= area(intersect(onCanvas, layerBox(above, t)));
  }
  return Math.max(0, visible) / total;
}

// ---------------------------------------------------------------------------
// builders

const still = (x: number, y: number): Waypoint[] => [{ t: 0, x, y }];

function rect(
  label: string,
  color: ColorName,
  w: number,
  h: number,
  path: Waypoint[],
  extra: Partial<Pick<ShapeLayer, 'from' | 'to' | 'prop' | 'group'>> = {},
): ShapeLayer {
  return { kind: 'rect', label, color, w, h, path, ...extra };
}

function circle(
  label: string,
  color: ColorName,
  d: number,
  path: Waypoint[],
  extra: Partial<Pick<ShapeLayer, 'from' | 'to' | 'prop' | 'group'>> = {},
): ShapeLayer {
  return { kind: 'circle', label, color, w: d, h: d, path, ...extra };
}

function text(
  label: string,
  value: string,
  color: ColorName,
  size: number,
  path: Waypoint[],
  extra: Partial<Pick<TextLayer, 'from' | 'to' | 'prop' | 'group'>> = {},
): TextLayer {
  return { kind: 'text', label, text: value, color, size, path, ...extra };
}

const fmtMetres = (m: number): string => (Number.isInteger(m) ? `${m}` : m.toFixed(2).replace(/0$/, ''));

// ---------------------------------------------------------------------------
// scenes

/** Left edge at -50 to left edge at 640, i.e. fully off-screen to fully off-screen. */
function crossing(color: ColorName, y: number, start: number): ShapeLayer {
  const speed = 200;
  return rect(`${color} square`, color, 50, 50, [
    { t: start, x: -25, y },
    { t: start + 690 / speed, x: 665, y },
  ]);
}

const RULER_X0 = 60;
const PX_PER_METRE = 100;
const WALL_LEFT = 560;
const FINISH_LEFT = 540;
const RULER = 'white ruler marked 0 m to 5 m';

export const SCENES: readonly Scene[] = [
  {
    id: 'squares-crossing',
    file: 'squares-crossing.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'slate',
    // Staggered starts mean no single frame shows all five: counting needs the whole clip.
    layers: [
      crossing('yellow', 115, -0.6),
      crossing('blue', 245, 0.5),
      crossing('red', 50, 1.2),
      crossing('green', 310, 1.8),
      crossing('orange', 180, 2.5),
    ],
    videoCaption:
      'Five coloured squares (yellow, blue, red, green and orange) slide one after another from the left edge to the right edge of a dark background, each at its own height.',
    setting: 'plain dark slate background, flat 2D animation',
    settingPhrase: 'On a plain dark slate background',
    interactions: () => ['squares keep to separate horizontal lanes and never touch'],
  },
  {
    id: 'word-sign',
    file: 'word-sign.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'slate',
    layers: [
      rect('blue sign', 'blue', 460, 130, still(320, 180)),
      text('white word "HORIZON"', 'HORIZON', 'white', 64, still(320, 182), { from: 0.5 }),
    ],
    videoCaption: 'A blue rectangular sign sits in the middle of a dark screen, and shortly after the start the word "HORIZON" appears on it in large white letters.',
    setting: 'dark slate background with a single sign, flat 2D graphic',
    settingPhrase: 'On a dark slate background',
    notes: (t) => (t < 0.5 ? ['the sign is still blank'] : ['large white capital letters centred on the sign']),
  },
  {
    id: 'code-plate',
    file: 'code-plate.mp4',
    dataType: 'video',
    durationSec: 5,
    background: 'slate',
    layers: [
      rect('yellow plate', 'yellow', 320, 100, [
        { t: 0, x: 820, y: 180 },
        { t: 2, x: 320, y: 180 },
      ]),
      text('black code "CX-4729"', 'CX-4729', 'black', 56, [
        { t: 0, x: 820, y: 182 },
        { t: 2, x: 320, y: 182 },
      ]),
    ],
    videoCaption: 'A yellow plate printed with the code "CX-4729" slides in from the right edge and stops in the centre of a dark screen.',
    setting: 'dark slate background, flat 2D graphic of a number plate',
    settingPhrase: 'On a dark slate background',
    notes: (t) => (t >= 2 ? ['the plate has settled in the centre; the code is fully readable'] : []),
  },
  {
    id: 'open-closed',
    file: 'open-closed.mp4',
    dataType: 'video',
    durationSec: 7,
    background: 'slate',
    layers: [
      text('green word "OPEN"', 'OPEN', 'green', 96, still(320, 180), { from: 0.5, to: 3.5 }),
      text('red word "CLOSED"', 'CLOSED', 'red', 96, still(320, 180), { from: 4.5 }),
    ],
    videoCaption: 'The word "OPEN" appears in green in the middle of a dark screen, disappears, and is followed by the word "CLOSED" in red, which stays until the end.',
    setting: 'dark slate background with centred text, flat 2D graphic',
    settingPhrase: 'On a dark slate background',
    notes: (t) => (t >= 3.5 && t < 4.5 ? ['the screen is empty between the two words'] : []),
  },
  {
    id: 'ruler-ball',
    file: 'ruler-ball.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'slate',
    layers: [
      rect('white ruler line', 'white', 504, 4, still(310, 290), { prop: true, group: RULER }),
      ...[0, 1, 2, 3, 4, 5].flatMap((m) => [
        rect(`${m} m tick`, 'white', 4, 20, still(RULER_X0 + m * PX_PER_METRE, 300), { prop: true, group: RULER }),
        text(`"${m} m" label`, `${m} m`, 'grey', 20, still(RULER_X0 + m * PX_PER_METRE, 328), { prop: true, group: RULER }),
      ]),
      circle('orange ball', 'orange', 40, [
        { t: 1.5, x: RULER_X0 + 1 * PX_PER_METRE, y: 268 },
        { t: 3.5, x: RULER_X0 + 4 * PX_PER_METRE, y: 268 },
      ]),
    ],
    videoCaption: 'An orange ball rests on a ruler marked 0 m to 5 m, rolls to the right from the 1 m mark to the 4 m mark, and stops there.',
    setting: 'dark slate background with a horizontal ruler marked in metres, flat 2D diagram',
    settingPhrase: 'On a dark slate background above a ruler marked 0 m to 5 m',
    notes: (t) => {
      const m = (positionAt(SCENE_PATHS.rulerBall, t).x - RULER_X0) / PX_PER_METRE;
      return [`the ball's centre is level with the ${fmtMetres(m)} m position on the ruler`];
    },
    interactions: () => ['the ball rolls along the top edge of the ruler'],
  },
  {
    id: 'wall-bounce',
    file: 'wall-bounce.mp4',
    dataType: 'video',
    durationSec: 7,
    background: 'slate',
    layers: [
      rect('grey wall', 'grey', 24, 280, still(WALL_LEFT + 12, 180), { prop: true }),
      circle('red ball', 'red', 50, [
        { t: 0, x: 60, y: 180 },
        { t: 3.8, x: WALL_LEFT - 25, y: 180 },
        { t: 7, x: 135, y: 180 },
      ]),
    ],
    videoCaption: 'A red ball rolls from the left toward a grey wall on the right, hits it a little before the four-second mark and bounces back to the left.',
    setting: 'dark slate background with a vertical grey wall near the right edge, flat 2D animation',
    settingPhrase: 'On a dark slate background with a grey wall at the right',
    notes: (t) => {
      const gap = Math.round(WALL_LEFT - (positionAt(SCENE_PATHS.wallBall, t).x + 25));
      return [gap <= 0 ? 'the ball is touching the wall' : `a gap of about ${gap} pixels separates the ball from the wall`];
    },
    interactions: (t) => (t < 3.8 ? ['the ball is about to hit the wall'] : ['the ball has rebounded off the wall']),
  },
  {
    id: 'colour-order',
    file: 'colour-order.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'cream',
    layers: [
      circle('green circle', 'green', 110, still(150, 180), { from: 0.5 }),
      circle('red circle', 'red', 110, still(320, 180), { from: 2.5 }),
      circle('blue circle', 'blue', 110, still(490, 180), { from: 4.5 }),
    ],
    videoCaption: 'On a cream background three large circles pop up one at a time and stay: first a green one on the left, then a red one in the middle, then a blue one on the right.',
    setting: 'plain cream background, flat 2D graphic',
    settingPhrase: 'On a plain cream background',
  },
  {
    id: 'colour-flashes',
    file: 'colour-flashes.mp4',
    dataType: 'video',
    durationSec: 7,
    background: 'slate',
    layers: [
      rect('large yellow square', 'yellow', 200, 200, still(320, 180), { from: 0.5, to: 2.5 }),
      rect('large purple square', 'purple', 200, 200, still(320, 180), { from: 2.5, to: 4.5 }),
      rect('large orange square', 'orange', 200, 200, still(320, 180), { from: 4.5, to: 6.5 }),
    ],
    videoCaption: 'A large square in the centre of a dark screen changes colour twice: it is yellow, then purple, then orange, before the screen goes blank.',
    setting: 'dark slate background, flat 2D graphic',
    settingPhrase: 'On a dark slate background',
  },
  {
    id: 'traffic-light',
    file: 'traffic-light.mp4',
    dataType: 'video',
    durationSec: 8,
    background: 'night',
    layers: [
      rect('traffic light pole', 'darkgrey', 20, 40, still(320, 345), { prop: true }),
      rect('traffic light housing', 'darkgrey', 110, 290, still(320, 180), { prop: true }),
      circle('unlit red lamp', 'dimred', 70, still(320, 90), { prop: true }),
      circle('unlit yellow lamp', 'dimyellow', 70, still(320, 180), { prop: true }),
      circle('unlit green lamp', 'dimgreen', 70, still(320, 270), { prop: true }),
      circle('lit red lamp', 'red', 70, still(320, 90), { to: 2.5 }),
      circle('lit green lamp', 'green', 70, still(320, 270), { from: 2.5, to: 5.5 }),
      circle('lit yellow lamp', 'yellow', 70, still(320, 180), { from: 5.5 }),
    ],
    videoCaption: 'A traffic light stands against a dark background; its red lamp is lit first, then the green lamp, and finally the yellow lamp.',
    setting: 'night-dark background with a single traffic light, flat 2D illustration',
    settingPhrase: 'Against a near-black background with a traffic light in the centre',
    notes: (t) => [`only the ${t < 2.5 ? 'red (top)' : t < 5.5 ? 'green (bottom)' : 'yellow (middle)'} lamp is lit`],
    interactions: () => ['traffic would stop or go according to the lit lamp'],
  },
  {
    id: 'stacking',
    file: 'stacking.mp4',
    dataType: 'video',
    durationSec: 7,
    background: 'cream',
    layers: [
      rect('dark grey floor', 'darkgrey', 640, 40, still(320, 340), { prop: true }),
      ...(['blue', 'red', 'yellow', 'green'] as const).map((color, i) =>
        rect(`${color} block`, color, 140, 50, [
          { t: 0.3 + 1.5 * i, x: 320, y: -25 },
          { t: 1.2 + 1.5 * i, x: 320, y: 295 - 50 * i },
        ]),
      ),
    ],
    videoCaption: 'Four coloured blocks drop one after another onto a floor and pile up into a tower: blue at the bottom, then red, yellow and green on top.',
    setting: 'cream background with a dark grey floor along the bottom, flat 2D animation',
    settingPhrase: 'On a cream background above a dark grey floor',
    notes: (t) => {
      const landed = (['blue', 'red', 'yellow', 'green'] as const).filter((_, i) => t >= 1.2 + 1.5 * i);
      return [landed.length === 0 ? 'no block has landed yet' : `the stack holds ${landed.length} block${landed.length > 1 ? 's' : ''} (${landed.join(', ')} from the bottom)`];
    },
    interactions: () => ['each falling block lands on top of the previous one'],
  },
  {
    id: 'race',
    file: 'race.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'slate',
    layers: [
      rect('lane divider', 'grey', 640, 4, still(320, 180), { prop: true }),
      rect('white finish line', 'white', 8, 320, still(FINISH_LEFT + 4, 180), { prop: true }),
      rect('red car', 'red', 80, 40, [
        { t: 0.5, x: 60, y: 110 },
        { t: 4.6, x: 500, y: 110 },
        { t: 5.2, x: 580, y: 110 },
      ]),
      rect('blue car', 'blue', 80, 40, [
        { t: 0.5, x: 60, y: 250 },
        { t: 3.7, x: 500, y: 250 },
        { t: 4.3, x: 580, y: 250 },
      ]),
    ],
    videoCaption: 'Two cars race from left to right in separate lanes toward a white finish line; the blue car in the lower lane pulls ahead and crosses first, the red car follows about a second later.',
    setting: 'dark slate track with two lanes and a white finish line near the right edge, flat 2D animation',
    settingPhrase: 'On a dark two-lane track with a white finish line at the right',
    notes: (t) => {
      const past = (p: readonly Waypoint[]): boolean => positionAt(p, t).x + 40 > FINISH_LEFT;
      const out: string[] = [];
      if (past(SCENE_PATHS.blueCar)) out.push('the blue car is past the finish line');
      if (past(SCENE_PATHS.redCar)) out.push('the red car is past the finish line');
      if (out.length === 0) out.push('neither car has reached the finish line yet');
      return out;
    },
    interactions: () => ['the two cars race each other to the finish line'],
  },
  {
    id: 'countdown',
    file: 'countdown.mp4',
    dataType: 'video',
    durationSec: 6,
    background: 'night',
    layers: [
      text('white digit "3"', '3', 'white', 160, still(320, 180), { to: 1.5 }),
      text('white digit "2"', '2', 'white', 160, still(320, 180), { from: 1.5, to: 2.5 }),
      text('white digit "1"', '1', 'white', 160, still(320, 180), { from: 2.5, to: 3.5 }),
      text('green word "GO"', 'GO', 'green', 140, still(320, 180), { from: 3.5 }),
    ],
    videoCaption: 'A countdown runs 3, 2, 1 in large white digits in the centre of a dark screen and ends with the green word "GO".',
    setting: 'near-black background with large centred text, flat 2D graphic',
    settingPhrase: 'On a near-black background',
  },
  {
    id: 'pillar-pass',
    file: 'pillar-pass.mp4',
    dataType: 'video',
    durationSec: 7,
    background: 'cream',
    layers: [
      circle('green ball', 'green', 60, [
        { t: 0.5, x: 40, y: 200 },
        { t: 6.5, x: 600, y: 200 },
      ]),
      // Drawn after the ball so the ball passes behind it.
      rect('grey pillar', 'grey', 160, 300, still(320, 180), { prop: true }),
    ],
    videoCaption: 'A green ball rolls from left to right, disappears behind a wide grey pillar in the middle, and comes out on the other side.',
    setting: 'cream background with a wide grey pillar in the middle, flat 2D animation',
    settingPhrase: 'On a cream background with a grey pillar in the middle',
    notes: (t) => {
      const x = positionAt(SCENE_PATHS.pillarBall, t).x;
      if (x + 30 <= 240) return ['the ball is to the left of the pillar'];
      if (x - 30 >= 400) return ['the ball has come out on the right of the pillar'];
      return ['the ball is hidden behind the pillar'];
    },
    interactions: (t) => (positionAt(SCENE_PATHS.pillarBall, t).x < 320 ? ['the ball is heading behind the pillar'] : ['the ball is moving away from the pillar']),
  },
  {
    id: 'shapes-count',
    file: 'shapes-count.png',
    dataType: 'image',
    durationSec: 0,
    background: 'cream',
    layers: [
      circle('red circle', 'red', 70, still(90, 90)),
      circle('red circle', 'red', 70, still(250, 270)),
      circle('red circle', 'red', 70, still(420, 90)),
      circle('red circle', 'red', 70, still(570, 250)),
      rect('blue square', 'blue', 70, 70, still(250, 100)),
      rect('blue square', 'blue', 70, 70, still(420, 260)),
      rect('blue square', 'blue', 70, 70, still(560, 100)),
    ],
    videoCaption: 'Four red circles and three blue squares are scattered over a cream background.',
    setting: 'plain cream background, flat 2D graphic',
    settingPhrase: 'On a plain cream background',
    notes: () => ['the shapes are spread out in two loose rows and none of them overlap', 'all circles are red and all squares are blue'],
  },
];

/** Paths that scene notes need to read back; defined once to keep the notes truthful. */
const SCENE_PATHS = {
  get rulerBall() {
    return layerPath('ruler-ball', 'orange ball');
  },
  get wallBall() {
    return layerPath('wall-bounce', 'red ball');
  },
  get pillarBall() {
    return layerPath('pillar-pass', 'green ball');
  },
  get redCar() {
    return layerPath('race', 'red car');
  },
  get blueCar() {
    return layerPath('race', 'blue car');
  },
};

function layerPath(sceneId: string, label: string): readonly Waypoint[] {
  const layer = getScene(sceneId).layers.find((l) => l.label === label);
  if (!layer) throw new Error(`scene ${sceneId} has no layer ${label}`);
  return layer.path;
}

export function getScene(id: string): Scene {
  const scene = SCENES.find((s) => s.id === id);
  if (!scene) throw new Error(`unknown demo scene ${id}`);
  return scene;
}

// ---------------------------------------------------------------------------
// questions: answers follow from the numbers above

export const QUESTIONS: readonly DemoQuestion[] = [
  {
    key: 'squares-count',
    sceneId: 'squares-crossing',
    problemId: 101,
    problemType: 'numerical',
    question: 'How many squares cross the screen in total during the video?',
    options: [],
    answer: '5',
  },
  {
    key: 'squares-first',
    sceneId: 'squares-crossing',
    problemId: 102,
    problemType: 'multiple choice',
    question: 'Which colour is the first square to enter the frame?',
    options: ['A. blue', 'B. red', 'C. yellow', 'D. green'],
    answer: 'C',
  },
  {
    key: 'sign-word',
    sceneId: 'word-sign',
    problemId: 'ocr-horizon',
    problemType: 'OCR',
    question: 'What word is written on the blue sign?',
    options: [],
    answer: 'HORIZON',
  },
  {
    key: 'plate-code',
    sceneId: 'code-plate',
    problemId: 'ocr-plate',
    problemType: 'OCR',
    question: 'What code is printed on the yellow plate?',
    options: [],
    answer: 'CX-4729',
  },
  {
    key: 'last-word',
    sceneId: 'open-closed',
    problemId: 401,
    problemType: 'OCR',
    question: 'What word is displayed at the end of the video?',
    options: [],
    answer: 'CLOSED',
  },
  {
    key: 'first-word',
    sceneId: 'open-closed',
    problemId: 402,
    problemType: 'multiple choice',
    question: 'Which word appears first in the video?',
    options: ['A) CLOSED', 'B) OPEN', 'C) EXIT', 'D) PUSH'],
    answer: 'B',
  },
  {
    key: 'ruler-distance',
    sceneId: 'ruler-ball',
    problemId: 501,
    problemType: 'regression',
    question: 'How many metres does the orange ball travel along the ruler?',
    options: [],
    answer: '3',
  },
  {
    key: 'ruler-speed',
    sceneId: 'ruler-ball',
    problemId: 502,
    problemType: 'regression',
    question: 'What is the speed of the orange ball while it is moving, in metres per second?',
    options: [],
    answer: '1.5',
  },
  {
    key: 'wall-time',
    sceneId: 'wall-bounce',
    problemId: 601,
    problemType: 'regression',
    question: 'At what second does the red ball first touch the wall?',
    options: [],
    answer: '3.8',
  },
  {
    key: 'wall-after',
    sceneId: 'wall-bounce',
    problemId: 602,
    problemType: 'multiple choice',
    question: 'What does the red ball do after it reaches the wall?',
    options: ['A. It stops against the wall', 'B. It bounces back to the left', 'C. It passes through the wall', 'D. It disappears'],
    answer: 'B',
  },
  {
    key: 'first-colour',
    sceneId: 'colour-order',
    problemId: 'mc-first-colour',
    problemType: 'multiple choice',
    question: 'Which colour appears first?',
    options: ['A. red', 'B. green', 'C. blue', 'D. yellow'],
    answer: 'B',
  },
  {
    key: 'last-colour',
    sceneId: 'colour-flashes',
    problemId: 801,
    problemType: 'multiple choice',
    question: 'Which colour is shown last?',
    options: ['A) yellow', 'B) orange', 'C) purple', 'D) white'],
    answer: 'B',
  },
  {
    key: 'light-story',
    sceneId: 'traffic-light',
    problemId: 901,
    problemType: 'free-form',
    question: 'What happens in the video?',
    options: [],
    answer: 'A traffic light shows red first, then switches to green, and finally changes to yellow.',
  },
  {
    key: 'green-duration',
    sceneId: 'traffic-light',
    problemId: 902,
    problemType: 'numerical',
    question: 'For how many seconds is the green light on?',
    options: [],
    answer: '3',
  },
  {
    key: 'stack-count',
    sceneId: 'stacking',
    problemId: 1001,
    problemType: 'numerical',
    question: 'How many blocks are stacked on the floor at the end of the video?',
    options: [],
    answer: '4',
  },
  {
    key: 'stack-story',
    sceneId: 'stacking',
    problemId: 1002,
    problemType: 'free-form',
    question: 'Describe what happens in the video.',
    options: [],
    answer: 'Four coloured blocks fall one after another onto the floor and pile up into a tower, with blue at the bottom, then red, yellow and green on top.',
  },
  {
    key: 'race-winner',
    sceneId: 'race',
    problemId: 'race-winner',
    problemType: 'multiple choice',
    question: 'Which car crosses the finish line first?',
    options: ['A. the red car', 'B. the blue car', 'C. both at the same time', 'D. neither car finishes'],
    answer: 'B',
  },
  {
    key: 'countdown-word',
    sceneId: 'countdown',
    problemId: 'countdown-go',
    problemType: 'OCR',
    question: 'What word appears on the screen when the countdown ends?',
    options: [],
    answer: 'GO',
  },
  {
    key: 'pillar-story',
    sceneId: 'pillar-pass',
    problemId: 'pillar-pass',
    problemType: 'free-form',
    question: 'What happens in the video?',
    options: [],
    answer: 'A green ball rolls from left to right, passes behind a grey pillar in the middle and comes out on the other side.',
  },
  {
    key: 'image-circles',
    sceneId: 'shapes-count',
    problemId: 'img-red-circles',
    problemType: 'numerical',
    question: 'How many red circles are in the image?',
    options: [],
    answer: '4',
  },
];
