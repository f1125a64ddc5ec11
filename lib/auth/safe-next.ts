const BASE = 'http://studio.invalid';

/**
 * Where to go after signing in: only a path on this site. The target is parsed as the browser
 * would parse it (which drops tabs and newlines, so `/%09/evil.example` becomes `//evil.example`)
 * and kept only when it stays on this origin and its normalised form cannot be read as another
 * host (`//host`, `/\host`). Anything else, and the sign-in page itself, goes to `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f\\]/.test(url.pathname)) return '/';
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/sign-in/')) return '/';
  return path;
}
