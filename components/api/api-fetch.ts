// The browser's one way to call the studio's API. Errors come back as { error: { code, message,
// details } } (better-auth's as { code, message }); they are thrown as ApiError carrying the
// server's own message, so forms and toasts can say what was wrong.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `json` is sent as the body (POST unless a method is given); a string body is sent as JSON too. */
export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const body = json !== undefined ? JSON.stringify(json) : rest.body;
  const res = await fetch(url, {
    ...rest,
    method: rest.method ?? (json !== undefined ? 'POST' : undefined),
    headers: { accept: 'application/json', ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}), ...rest.headers },
    body,
  });
  if (res.status === 204) return undefined as T;
  if (!res.ok) throw await apiErrorOf(res);
  return parseJson(await res.text()) as T;
}

/** The ApiError a failed response stands for (for callers that fetch themselves, e.g. uploads). */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const b = parseJson(await res.text().catch(() => '')) as ErrorBody | null;
  return new ApiError(res.status, b?.error?.code ?? b?.code ?? 'HTTP_ERROR', b?.error?.message ?? b?.message ?? `The server answered ${res.status}`, b?.error?.details);
}

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown }; code?: string; message?: string };

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // a proxy or crash page: the status says what happened
  }
}
