// The signed-in user of a request, as established by the auth layer. The proxy (proxy.ts)
// verifies the session or API token, strips any client-sent copies of these headers, and sets
// them; handlers read them through this function only.
export const USER_ID_HEADER = 'x-cot-user-id';
export const USER_ROLE_HEADER = 'x-cot-user-role';
// For display only (the nav bar); never use it to decide anything.
export const USER_EMAIL_HEADER = 'x-cot-user-email';
export const IDENTITY_HEADERS = [USER_ID_HEADER, USER_ROLE_HEADER, USER_EMAIL_HEADER] as const;

export type RequestUser = { id: string; role: 'admin' | 'reviewer' };

export function requestUser(headers: Headers): RequestUser | null {
  const id = headers.get(USER_ID_HEADER);
  const role = headers.get(USER_ROLE_HEADER);
  if (!id || (role !== 'admin' && role !== 'reviewer')) return null;
  return { id, role };
}

export function requestUserEmail(headers: Headers): string | null {
  return headers.get(USER_EMAIL_HEADER);
}
