import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { isPlantedDemoError } from '../../demo/planted-steps';
import { ScriptedBatchEndpoint } from './scripted-batch-endpoint';

// An OpenAI-compatible HTTP server of our own, on 127.0.0.1, for tests, e2e runs and
// benchmarks: it answers /v1/chat/completions and /v1/embeddings with scripted replies —
// content with or without tags, a reasoning model's separate thinking, delays, 429 with
// Retry-After, 5xx, hangs (timeouts) and bodies that are not JSON. Never a network.

export type ScriptedRequest = {
  /** Request number, from 1. */
  n: number;
  path: string;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
};

export type ScriptedReply = { delayMs?: number } & (
  | {
      kind: 'chat';
      content: string;
      /** A reasoning model's thinking, sent beside the content. */
      reasoning?: string;
      reasoningField?: 'reasoning_content' | 'reasoning';
      usage?: { prompt: number; completion: number };
      finishReason?: string;
    }
  | { kind: 'embedding'; vectors: number[][] }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status?: number; body: string; contentType?: string }
  /** Never answers (the client's timeout fires); the socket is closed when the server stops. */
  | { kind: 'hang' }
);

export type Responder = (req: ScriptedRequest) => ScriptedReply | Promise<ScriptedReply>;

export type ScriptedServerOptions = {
  port?: number;
  /** Added to every reply's own delay. */
  delayMs?: number;
  respond?: Responder;
  /** Keep request bodies (tests inspect them; benchmarks turn this off). */
  record?: boolean;
};

// ---------------------------------------------------------------------------------------
// The default responder: a plausible answer for each stage, recognised from our prompts.

type Part = { type: string; text?: string; image_url?: { url: string }; video_url?: { url: string } };

function parts(body: Record<string, unknown>): { text: string; images: number; labels: string[] } {
  const messages = (body.messages as { content: string | Part[] }[] | undefined) ?? [];
  let text = '';
  let images = 0;
  const labels: string[] = [];
  for (const m of messages) {
    if (typeof m.content === 'string') text += `${m.content}\n`;
    else
      for (const p of m.content) {
        if (p.type === 'text') {
          text += `${p.text ?? ''}\n`;
          const l = /^\[(\d{2}:\d{2}:\d{2})\]$/.exec(p.text ?? '');
          if (l) labels.push(l[1]!);
        } else if (p.type === 'image_url' || p.type === 'video_url') images++;
      }
  }
  return { text, images, labels };
}

export function representation(labels: string[], n: number) {
  const stamps = labels.length ? labels : Array.from({ length: Math.max(1, n) }, (_, i) => `00:00:${String(i).padStart(2, '0')}`);
  return {
    video_caption: 'Coloured shapes move across a plain background.',
    frames: stamps.map((timestamp, i) => ({
      timestamp,
      caption: `A scene with coloured shapes on a plain background, moment ${i + 1}. ${i > 0 ? 'The shapes continue moving, as in the previous frame.' : 'The shapes start to move.'}`,
      key_elements: {
        objects: ['red circle', 'blue square'],
        actions: [i > 0 ? 'continues moving right, as in the previous frame' : 'moves right'],
        scene: 'plain background',
        notable_features: ['[Uncertain] small shadow under the circle'],
        spatial_relations: ['the circle is left of the square'],
        human_attributes: null,
        potential_interactions: ['the circle may touch the square'],
      },
    })),
  };
}

/** First option letter for multiple choice, a number or a word otherwise. */
function guessAnswer(text: string): string {
  if (/single option letter/.test(text)) return 'A';
  if (/numerical value/.test(text)) return '3';
  return 'a red circle';
}

/** A small stable hash of a question, so answers depend on the question and nothing else. */
export function questionBucket(text: string): number {
  let h = 0;
  // The question's first line: frame labels ("[00:00:01]") come before it in rollout requests.
  const line = text.split('\n').find((l) => l.trim() !== '' && !/^\[\d{2}:\d{2}:\d{2}\]$/.test(l.trim())) ?? '';
  for (const ch of line) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 3;
}

/**
 * rollout / blind (the trainers' question template): deterministic per question and sample
 * seed, some right and some wrong. Bucket 0 always answers A (or 3), bucket 1 alternates
 * between A and B (3 and 4) by seed, bucket 2 always answers B (or 4).
 */
function trainerAnswer(text: string, seed: number, images: number): ScriptedReply {
  const bucket = questionBucket(text);
  const first = bucket === 0 || (bucket === 1 && seed % 2 === 0);
  const answer = /single option letter/.test(text) ? (first ? 'A' : 'B') : /numerical value/.test(text) ? (first ? '3' : '4') : first ? 'a red circle' : 'a blue square';
  const seeing = images > 0 ? 'In the frames I can see' : 'Without the video, I guess';
  return { kind: 'chat', content: `<think>\nLet me think. ${seeing} the answer is ${answer}.\n</think>\n<answer>${answer}</answer>`, usage: { prompt: 300 + images * 85, completion: 40 } };
}

export const autoResponder: Responder = (req) => {
  if (req.path.endsWith('/embeddings')) {
    const inputs = Array.isArray(req.body.input) ? (req.body.input as unknown[]) : [req.body.messages ?? req.body.input];
    return { kind: 'embedding', vectors: inputs.map((x) => pseudoEmbedding(JSON.stringify(x))) };
  }
  const { text, images, labels } = parts(req.body);
  if (text.includes('"video_caption"')) {
    return { kind: 'chat', content: JSON.stringify(representation(labels, images)), usage: { prompt: 200 + images * 85, completion: 120 * Math.max(1, images) } };
  }
  if (text.includes('# Draft reasoning')) {
    const draft = /<think>([\s\S]*?)<\/think>/.exec(text)?.[1]?.trim() ?? 'Let me look again.';
    return { kind: 'chat', content: `<think>\nWatching the video again: ${draft.replace(/description|caption/gi, 'video')}\n</think>`, usage: { prompt: 900, completion: 300 } };
  }
  if (text.includes('# Evidence check')) return evidenceReply(text);
  if (text.includes('as if you were a human pondering deeply')) return trainerAnswer(text, Number(req.body.seed ?? 0), images);
  const answer = guessAnswer(text);
  return {
    kind: 'chat',
    content: `<think>\nLet me picture the whole video first. Hmm, the shapes move from left to right. Wait, let me check the end again. I can see the answer is ${answer}.\n</think>\n<answer>${answer}</answer>`,
    reasoning: 'The user wants a CoT in tags; the description says shapes move right.',
    usage: { prompt: 700, completion: 180 },
  };
};

/**
 * The evidence stage's verdicts from the demo's known ground truth (demo/planted-steps.ts):
 * a claim that is one of the demo drafts' planted errors is contradicted, anything else supported.
 */
function evidenceReply(text: string): ScriptedReply {
  const claims = [...text.matchAll(/^- \[([a-z]\d+)\] \([^)]*\) (.*)$/gm)].map((m) => ({ id: m[1]!, claim: m[2]! }));
  const verdicts = claims.map(({ id, claim }) =>
    isPlantedDemoError(claim)
      ? { id, verdict: 'contradicted', reason: 'The frames show something else at that moment (demo ground truth).' }
      : { id, verdict: 'supported', reason: 'The frames agree with the claim.' },
  );
  return { kind: 'chat', content: JSON.stringify({ claims: verdicts }), usage: { prompt: 300 + 85 * claims.length, completion: 30 * claims.length } };
}

/** Deterministic, related vectors: a shared direction plus input-specific noise (cosines ≈ 0.3–0.6). */
export function pseudoEmbedding(s: string, dims = 32): number[] {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  const v: number[] = [];
  for (let i = 0; i < dims; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ i;
    v.push(1 + 1.6 * (((h >>> 0) % 2000) / 1000 - 1));
  }
  return v;
}

// ---------------------------------------------------------------------------------------

export class ScriptedModelServer {
  readonly requests: ScriptedRequest[] = [];
  private queue: ScriptedReply[] = [];
  private count = 0;
  private server: http.Server;
  private sockets = new Set<import('node:net').Socket>();
  private inFlightNow = 0;
  private maxInFlightSeen = 0;
  private busyIntegralMs = 0;
  private lastChange = performance.now();
  /** performance.now() of the first request since resetStats, and of the last response. */
  firstStartAt: number | null = null;
  lastEndAt: number | null = null;
  /** [start, end] of every model request since resetStats (numbers only, cheap to keep). */
  private spans: number[] = [];
  respond: Responder;
  delayMs: number;
  url = '';
  /**
   * What this server billed, as a provider would: the usage of every response it sent with a
   * usage block (successful completions and embeddings, and a 200 body that was not what the
   * client expected but reported usage). Errors and hangs bill nothing.
   */
  readonly billed = { responses: 0, tokensIn: 0, tokensOut: 0 };
  /** The Batch API (/v1/files, /v1/batches), answered by this server's responder. */
  readonly batch = new ScriptedBatchEndpoint(
    () => this.respond,
    (tokensIn, tokensOut) => this.bill(tokensIn, tokensOut),
  );

  private constructor(private readonly opts: ScriptedServerOptions) {
    this.respond = opts.respond ?? autoResponder;
    this.delayMs = opts.delayMs ?? 0;
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(opts: ScriptedServerOptions = {}): Promise<ScriptedModelServer> {
    const s = new ScriptedModelServer(opts);
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}/v1`;
    return s;
  }

  /** Replies used once each, in order, before the responder. */
  enqueue(...replies: ScriptedReply[]): void {
    this.queue.push(...replies);
  }

  get inFlight(): number {
    return this.inFlightNow;
  }

  get maxInFlight(): number {
    return this.maxInFlightSeen;
  }

  /** Sum over time of requests in flight (ms·requests): busy % = busyMs / (concurrency × wall). */
  get busyMs(): number {
    return this.busyIntegralMs + this.inFlightNow * (performance.now() - this.lastChange);
  }

  resetStats(): void {
    this.maxInFlightSeen = this.inFlightNow;
    this.busyIntegralMs = 0;
    this.lastChange = performance.now();
    this.requests.length = 0;
    this.firstStartAt = null;
    this.lastEndAt = null;
    this.spans = [];
  }

  /**
   * Requests in flight, averaged over [from, to] (performance.now() times), divided by
   * `concurrency`: how full the client kept its slots during that window.
   */
  busyShare(concurrency: number, from: number, to: number): number {
    let sum = 0;
    for (let i = 0; i < this.spans.length; i += 2) {
      const s = Math.max(from, this.spans[i]!);
      const e = Math.min(to, this.spans[i + 1]!);
      if (e > s) sum += e - s;
    }
    return to > from ? sum / (concurrency * (to - from)) : 0;
  }

  private track(delta: number): void {
    const now = performance.now();
    this.busyIntegralMs += this.inFlightNow * (now - this.lastChange);
    this.lastChange = now;
    if (delta > 0) this.firstStartAt ??= now;
    else this.lastEndAt = now;
    this.inFlightNow += delta;
    this.maxInFlightSeen = Math.max(this.maxInFlightSeen, this.inFlightNow);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/__')) {
      req.resume();
      return this.control(path, new URL(req.url ?? '/', 'http://x').searchParams, res);
    }
    if (ScriptedBatchEndpoint.handles(path)) {
      return this.batch.handle(req, res, path).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `scripted batch error: ${(e as Error).message}` } }));
      });
    }
    this.track(+1);
    const startedAt = performance.now();
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        this.track(-1);
        this.spans.push(startedAt, performance.now());
      }
    };
    res.on('close', end);
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'request body is not JSON' } }));
        return;
      }
      const sreq: ScriptedRequest = { n: ++this.count, path, body: this.opts.record === false ? {} : body, headers: req.headers };
      if (this.opts.record !== false) this.requests.push(sreq);
      if (!path.endsWith('/chat/completions') && !path.endsWith('/embeddings')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${path}` } }));
        return;
      }
      const reply = this.queue.shift() ?? (await this.respond({ ...sreq, body }));
      const delay = this.delayMs + (reply.delayMs ?? 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      this.send(res, reply, String(body.model ?? 'scripted-model'));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `scripted server error: ${(e as Error).message}` } }));
    }
  }

  /** For a server in another process (benchmarks): /__stats, /__reset, /__delay?ms=200. */
  private control(path: string, q: URLSearchParams, res: http.ServerResponse): void {
    if (path === '/__reset') this.resetStats();
    if (path === '/__delay') this.delayMs = Number(q.get('ms') ?? 0);
    // Busy share over the window without its first and last `trim` fraction (ramp-up, tail).
    const trim = Number(q.get('trim') ?? 0.1);
    const c = Number(q.get('concurrency') ?? 1);
    const [a, b] = [this.firstStartAt ?? 0, this.lastEndAt ?? 0];
    const steadyBusy = this.busyShare(c, a + (b - a) * trim, b - (b - a) * trim);
    const stats = {
      steadyBusy, requests: this.count, inFlight: this.inFlightNow, maxInFlight: this.maxInFlightSeen, busyMs: this.busyMs, firstStartAt: this.firstStartAt, lastEndAt: this.lastEndAt, delayMs: this.delayMs };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
  }

  private bill(tokensIn: number, tokensOut: number): void {
    this.billed.responses++;
    this.billed.tokensIn += tokensIn;
    this.billed.tokensOut += tokensOut;
  }

  private send(res: http.ServerResponse, reply: ScriptedReply, model: string): void {
    switch (reply.kind) {
      case 'hang':
        return;
      case 'raw':
        try {
          const u = (JSON.parse(reply.body) as { usage?: { prompt_tokens?: number; completion_tokens?: number } }).usage;
          if ((reply.status ?? 200) === 200 && u) this.bill(u.prompt_tokens ?? 0, u.completion_tokens ?? 0);
        } catch {
          // Not JSON: nothing billed.
        }
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' }).end(reply.body);
        return;
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) }).end(JSON.stringify(reply.body ?? { error: { message: `scripted status ${reply.status}` } }));
        return;
      case 'embedding':
        this.bill(8, 0);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ object: 'list', model, data: reply.vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })), usage: { prompt_tokens: 8, total_tokens: 8 } }),
        );
        return;
      case 'chat': {
        const message: Record<string, unknown> = { role: 'assistant', content: reply.content };
        if (reply.reasoning !== undefined) message[reply.reasoningField ?? 'reasoning_content'] = reply.reasoning;
        const usage = reply.usage ?? { prompt: 100, completion: 50 };
        this.bill(usage.prompt, usage.completion);
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: `chatcmpl-${this.count}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [{ index: 0, message, finish_reason: reply.finishReason ?? 'stop' }],
            usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
          }),
        );
        return;
      }
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// `npx tsx test/support/scripted-model-server.ts --port 8011 --delay-ms 200` serves the
// default responder, e.g. to try the studio without a model.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const server = await ScriptedModelServer.start({ port: Number(arg('--port') ?? 8011), delayMs: Number(arg('--delay-ms') ?? 0), record: false });
  console.log(`scripted model server on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
