import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '@/lib/db/client';
import { DENIED_HEADER, guardRequest } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/http/handle';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';

// Every page and API request passes here (Next.js 16 runs the proxy on the Node.js runtime, so
// it can read the database). The decision is lib/auth/guard.ts + the table in
// lib/auth/permissions.ts; this file only turns it into a response.
export async function proxy(req: NextRequest): Promise<Response> {
  try {
    const outcome = await guardRequest(prisma(), { method: req.method, url: req.url, headers: req.headers });
    let res: NextResponse;
    switch (outcome.kind) {
      case 'json':
        return NextResponse.json(outcome.body, { status: outcome.status, headers: outcome.headers });
      case 'redirect':
        res = NextResponse.redirect(new URL(outcome.location, req.url));
        res.headers.set(DENIED_HEADER, 'proxy');
        break;
      case 'rewrite':
        res = NextResponse.rewrite(new URL(outcome.pathname, req.url), { status: outcome.status, request: { headers: outcome.requestHeaders } });
        res.headers.set(DENIED_HEADER, 'proxy');
        break;
      case 'next':
        res = NextResponse.next({ request: { headers: outcome.requestHeaders } });
        break;
    }
    for (const c of outcome.setCookies) res.headers.append('set-cookie', c);
    return res;
  } catch (e) {
    // Nearly always the database being unreachable. That must not open the door: fail closed,
    // with a 503 the client may retry, and the internals only in the server log.
    log('error', 'proxy could not check access', { path: req.nextUrl.pathname, error: e instanceof Error ? e.message : String(e) });
    return errorResponse(new AppError('UNAVAILABLE', 'Cannot check your access right now (the database is unavailable). Try again shortly.'));
  }
}

export const config = {
  // Everything but build assets. Pages, API routes and server actions all come through.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
