import type http from 'node:http';
import type { Responder, ScriptedReply } from './scripted-model-server';

// The OpenAI Batch API, scripted, for ScriptedModelServer (never a network): /v1/files upload
// (multipart, purpose batch) and /v1/files/:id/content download, /v1/batches create, retrieve
// and cancel. A batch moves validating → in_progress → completed, one step per retrieve; its
// lines are answered by the server's responder when it completes and billed then. Scripted
// faults: an upload refused, a batch that expires (half its lines answered, the rest in the
// error file as batch_expired), per-line errors (error file), a duplicated output line, and
// batches held in progress (to cancel them).

export type BatchFaults = {
  /** The next N uploads answer 500. */
  failUploads: number;
  /** The next N batches created expire. */
  expire: number;
  /** A per-line error for a request (by its body), or null to answer it. */
  lineError: ((body: Record<string, unknown>, customId: string) => { code: string; message: string } | null) | null;
  /** The next N output files repeat their first line. */
  duplicateFirstLine: number;
  /** Batches stay in_progress while true. */
  hold: boolean;
};

type StoredFile = { id: string; purpose: string; filename: string; bytes: number; content: string };

export type ScriptedBatch = {
  id: string;
  object: 'batch';
  endpoint: string;
  completion_window: string;
  input_file_id: string;
  status: 'validating' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled' | 'failed';
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  request_counts: { total: number; completed: number; failed: number };
  errors: null | { data: { code: string; message: string }[] };
  /** Fault chosen at creation. */
  willExpire: boolean;
};

export class ScriptedBatchEndpoint {
  readonly files = new Map<string, StoredFile>();
  readonly batches = new Map<string, ScriptedBatch>();
  readonly faults: BatchFaults = { failUploads: 0, expire: 0, lineError: null, duplicateFirstLine: 0, hold: false };
  /** Calls per route, e.g. `POST /batches`. */
  readonly calls = new Map<string, number>();
  private n = 0;

  constructor(
    private readonly respond: () => Responder,
    private readonly bill: (tokensIn: number, tokensOut: number) => void,
  ) {}

  static handles(path: string): boolean {
    return /\/v1\/(files|batches)(\/|$)/.test(path);
  }

  private count(route: string) {
    this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const send = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const sub = path.replace(/^.*\/v1/, '');
    let m: RegExpExecArray | null;
    if (method === 'POST' && sub === '/files') {
      this.count('POST /files');
      if (this.faults.failUploads > 0) {
        this.faults.failUploads--;
        return send(500, { error: { message: 'scripted: upload failed' } });
      }
      const form = parseMultipart(raw, String(req.headers['content-type'] ?? ''));
      const file = form.get('file');
      if (!file || form.get('purpose')?.content !== 'batch') return send(400, { error: { message: 'expected a file with purpose batch' } });
      const f: StoredFile = { id: `file-${++this.n}`, purpose: 'batch', filename: file.filename ?? 'input.jsonl', bytes: Buffer.byteLength(file.content), content: file.content };
      this.files.set(f.id, f);
      return send(200, { id: f.id, object: 'file', bytes: f.bytes, created_at: Math.floor(Date.now() / 1000), filename: f.filename, purpose: f.purpose, status: 'processed' });
    }
    if (method === 'GET' && (m = /^\/files\/([^/]+)\/content$/.exec(sub))) {
      this.count('GET /files/content');
      const f = this.files.get(m[1]!);
      if (!f) return send(404, { error: { message: `no file ${m[1]}` } });
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(f.content);
    }
    if (method === 'POST' && sub === '/batches') {
      this.count('POST /batches');
      const body = JSON.parse(raw.toString('utf8') || '{}') as { input_file_id?: string; endpoint?: string; completion_window?: string };
      const input = body.input_file_id ? this.files.get(body.input_file_id) : undefined;
      if (!input) return send(400, { error: { message: `no input file ${body.input_file_id}` } });
      if (body.endpoint !== '/v1/chat/completions' || body.completion_window !== '24h') return send(400, { error: { message: 'endpoint must be /v1/chat/completions, completion_window 24h' } });
      const total = input.content.split('\n').filter((l) => l.trim()).length;
      const willExpire = this.faults.expire > 0;
      if (willExpire) this.faults.expire--;
      const b: ScriptedBatch = {
        id: `batch_${++this.n}`,
        object: 'batch',
        endpoint: body.endpoint,
        completion_window: body.completion_window,
        input_file_id: input.id,
        status: 'validating',
        output_file_id: null,
        error_file_id: null,
        created_at: Math.floor(Date.now() / 1000),
        request_counts: { total, completed: 0, failed: 0 },
        errors: null,
        willExpire,
      };
      this.batches.set(b.id, b);
      return send(200, b);
    }
    if ((m = /^\/batches\/([^/]+)(\/cancel)?$/.exec(sub))) {
      const b = this.batches.get(m[1]!);
      if (!b) return send(404, { error: { message: `no batch ${m[1]}` } });
      if (method === 'POST' && m[2]) {
        this.count('POST /batches/cancel');
        if (['validating', 'in_progress', 'finalizing'].includes(b.status)) b.status = 'cancelling';
        return send(200, b);
      }
      if (method === 'GET' && !m[2]) {
        this.count('GET /batches');
        await this.advance(b);
        return send(200, b);
      }
    }
    return send(404, { error: { message: `no route ${method} ${path}` } });
  }

  /** One step of a batch's life per retrieve. */
  private async advance(b: ScriptedBatch): Promise<void> {
    if (b.status === 'validating') b.status = 'in_progress';
    else if (b.status === 'in_progress' && !this.faults.hold) await this.finish(b, b.willExpire ? 'expired' : 'completed');
    else if (b.status === 'cancelling') await this.finish(b, 'cancelled');
  }

  private async finish(b: ScriptedBatch, status: 'completed' | 'expired' | 'cancelled'): Promise<void> {
    const lines = this.files.get(b.input_file_id)!.content.split('\n').filter((l) => l.trim());
    const out: string[] = [];
    const errs: string[] = [];
    for (const [i, l] of lines.entries()) {
      const r = JSON.parse(l) as { custom_id: string; body: Record<string, unknown> };
      const id = `batch_req_${++this.n}`;
      // Cancelled batches answer nothing; expired ones the first half.
      if (status === 'cancelled' || (status === 'expired' && i >= Math.ceil(lines.length / 2))) {
        errs.push(JSON.stringify({ id, custom_id: r.custom_id, response: null, error: { code: status === 'expired' ? 'batch_expired' : 'batch_cancelled', message: `This request could not be executed before the batch was ${status}.` } }));
        continue;
      }
      const lineError = this.faults.lineError?.(r.body, r.custom_id) ?? null;
      if (lineError) {
        errs.push(JSON.stringify({ id, custom_id: r.custom_id, response: { status_code: 400, request_id: id, body: { error: { ...lineError, type: 'invalid_request_error' } } }, error: null }));
        b.request_counts.failed++;
        continue;
      }
      const reply: ScriptedReply = await this.respond()({ n: 0, path: '/v1/chat/completions', body: r.body, headers: {} });
      if (reply.kind !== 'chat') {
        errs.push(JSON.stringify({ id, custom_id: r.custom_id, response: { status_code: 500, request_id: id, body: { error: { message: `scripted ${reply.kind} reply`, type: 'server_error' } } }, error: null }));
        b.request_counts.failed++;
        continue;
      }
      const usage = reply.usage ?? { prompt: 100, completion: 50 };
      this.bill(usage.prompt, usage.completion);
      const message: Record<string, unknown> = { role: 'assistant', content: reply.content };
      if (reply.reasoning !== undefined) message[reply.reasoningField ?? 'reasoning_content'] = reply.reasoning;
      const body = {
        id: `chatcmpl-${id}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: String(r.body.model ?? 'scripted-model'),
        choices: [{ index: 0, message, finish_reason: reply.finishReason ?? 'stop' }],
        usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
      };
      out.push(JSON.stringify({ id, custom_id: r.custom_id, response: { status_code: 200, request_id: id, body }, error: null }));
      b.request_counts.completed++;
    }
    if (out.length > 0 && this.faults.duplicateFirstLine > 0) {
      this.faults.duplicateFirstLine--;
      out.push(out[0]!);
    }
    const store = (content: string[]) => {
      if (content.length === 0) return null;
      const f: StoredFile = { id: `file-${++this.n}`, purpose: 'batch_output', filename: 'out.jsonl', bytes: 0, content: content.map((c) => `${c}\n`).join('') };
      f.bytes = Buffer.byteLength(f.content);
      this.files.set(f.id, f);
      return f.id;
    };
    b.output_file_id = store(out);
    b.error_file_id = store(errs);
    b.status = status;
  }
}

/** The fields of a multipart/form-data body (enough for the SDK's file upload). */
function parseMultipart(body: Buffer, contentType: string): Map<string, { filename: string | null; content: string }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const out = new Map<string, { filename: string | null; content: string }>();
  if (!boundary) return out;
  const text = body.toString('utf8');
  for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? null;
    out.set(name, { filename, content: part.slice(sep + 4).replace(/\r\n$/, '') });
  }
  return out;
}
