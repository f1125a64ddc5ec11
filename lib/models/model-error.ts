// Why a model call failed, sorted by what to do about it: retry (rate_limited, server,
// timeout, connection), give up with a clear message (client), or record the raw reply as a
// failed result the user can retry (bad_response).
export type ModelErrorKind = 'rate_limited' | 'server' | 'timeout' | 'connection' | 'client' | 'bad_response' | 'aborted';

export class ModelCallError extends Error {
  readonly kind: ModelErrorKind;
  readonly status: number | null;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs: number | null;
  /** The response body as received, kept for failed results. */
  readonly raw: string | null;
  readonly attempts: number;

  constructor(opts: { kind: ModelErrorKind; message: string; status?: number | null; retryAfterMs?: number | null; raw?: string | null; attempts?: number }) {
    super(opts.message);
    this.name = 'ModelCallError';
    this.kind = opts.kind;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.raw = opts.raw ?? null;
    this.attempts = opts.attempts ?? 1;
  }

  withAttempts(attempts: number): ModelCallError {
    return new ModelCallError({ kind: this.kind, message: this.message, status: this.status, retryAfterMs: this.retryAfterMs, raw: this.raw, attempts });
  }
}

export function isRetriable(kind: ModelErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'server' || kind === 'timeout' || kind === 'connection';
}
