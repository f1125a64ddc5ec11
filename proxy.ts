import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '@/lib/db/client';
import { DENIED_HEADER, guardRequest } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/http/handle';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';

// Every page and API request passes here (Next.js 16 runs the proxy on the Node.js runtime, so
// it can read the database). The decision is lib/auth/guard.ts + the table in
// lib/auth/permissions.ts; this file only turns it into a response, with the security headers
// (lib/http/security-headers.ts) on every answer.
export async function proxy(req: NextRequest): Promise<Response> {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== 'production' });
  const secure = (res: Response): Response => {
    for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
    res.headers.set('content-security-policy', csp);
    return res;
  };
  try {
    const outcome = await guardRequest(prisma(), { method: req.method, url: req.url, headers: req.headers });
    let res: NextResponse;
    switch (outcome.kind) {
      case 'json':
        return secure(NextResponse.json(outcome.body, { status: outcome.status, headers: outcome.headers }));
      case 'redirect':
        res = NextResponse.redirect(new URL(outcome.location, req.url));
        res.headers.set(DENIED_HEADER, 'proxy');
        break;
      case 'rewrite':
        // Next.js reads the nonce from the request's policy and stamps it on its scripts.
        outcome.requestHeaders.set('content-security-policy', csp);
        res = NextResponse.rewrite(new URL(outcome.pathname, req.url), { status: outcome.status, request: { headers: outcome.requestHeaders } });
        res.headers.set(DENIED_HEADER, 'proxy');
        break;
      case 'next':
        outcome.requestHeaders.set('content-security-policy', csp);
        res = NextResponse.next({ request: { headers: outcome.requestHeaders } });
        break;
    }
    for (const c of outcome.setCookies) res.headers.append('set-cookie', c);
    return secure(res);
  } catch (e) {
    // Nearly always the database being unreachable. That must not open the door: fail closed,
    // with a 503 the client may retry, and the internals only in the server log.
    log('error', 'proxy could not check access', { path: req.nextUrl.pathname, error: e instanceof Error ? e.message : String(e) });
    return secure(errorResponse(new AppError('UNAVAILABLE', 'Cannot check your access right now (the database is unavailable). Try again shortly.')));
  }
}

export const config = {
  // Everything but build assets (next.config.ts gives those the static security headers).
  // Pages, API routes and server actions all come through.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
