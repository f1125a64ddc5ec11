import { ZodError } from 'zod';
import { AppError } from '../errors';
import { log } from '../log';

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function json(data: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(data, bigintSafe), {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(init.headers ?? {}) },
  });
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** The one place errors become HTTP responses; internals (stacks, SQL) never leave the server. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } };
    return json(body, { status: e.status });
  }
  if (e instanceof ZodError) {
    const details = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return json({ error: { code: 'BAD_REQUEST', message: `Invalid request — ${message}`, details } } satisfies ErrorBody, { status: 400 });
  }
  const ref = Math.random().toString(36).slice(2, 10);
  log('error', 'unhandled error in request', { ref, error: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  return json({ error: { code: 'INTERNAL', message: `Something went wrong on the server (reference ${ref}).` } } satisfies ErrorBody, { status: 500 });
}

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON');
  }
}
