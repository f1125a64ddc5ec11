import type { ReviewItem } from '@/lib/review/review-item';

/** An error answer from our API, with the code and details the server put in it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The item as it is now, when the server refused a change made against a stale revision. */
  get currentItem(): ReviewItem | null {
    if (this.status !== 409 || !this.details || typeof this.details !== 'object') return null;
    const item = (this.details as { item?: ReviewItem }).item;
    return item && typeof item === 'object' && typeof item.rev === 'number' ? item : null;
  }
}

export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy or crash page: report the status below.
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'HTTP_ERROR', err?.message ?? `The server answered ${res.status}`, err?.details);
  }
  return body as T;
}
