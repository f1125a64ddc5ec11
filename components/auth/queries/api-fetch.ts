// JSON fetch for the studio's own API: throws an Error carrying the server's message, so
// forms can show what was wrong.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string }; code?: string; message?: string } | null;
  if (!res.ok) {
    // The studio's errors are { error: { code, message } }; better-auth's are { code, message }.
    const code = body?.error?.code ?? body?.code ?? String(res.status);
    const message = body?.error?.message ?? body?.message ?? `Request failed (${res.status})`;
    throw new ApiError(res.status, code, message);
  }
  return body as T;
}
