import { auth, isSecureRequest } from '@/lib/auth/better-auth';
import { handle } from '@/lib/http/handle';

// better-auth's endpoints. The proxy lets through only sign-in, sign-out, get-session and
// change-password (lib/auth/permissions.ts); everything else under /api/auth answers 404.
function serve(req: Request): Promise<Response> {
  return handle(() => auth({ secure: isSecureRequest(req) }).handler(req));
}

export const GET = serve;
export const POST = serve;
