import { handle } from '@/lib/http/handle';
import { readSignedFrame, studioFrameStore } from '@/lib/pipeline/batch/frame-urls';

// A frame of a Batch API request line (COT_<STAGE>_BATCH_FRAMES=url), fetched by the provider
// without a session: the signed, expiring token is the credential (lib/pipeline/batch/frame-urls.ts).
// 403 for a tampered or expired token (404: not a token at all); the token names a frame hash, never a path.
type Ctx = { params: Promise<{ token: string }> };

async function serve(ctx: Ctx, method: 'GET' | 'HEAD'): Promise<Response> {
  return handle(async () => {
    const { token } = await ctx.params;
    const jpeg = await readSignedFrame(token, studioFrameStore());
    const headers = { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length), 'cache-control': 'private, max-age=3600, immutable' };
    return new Response(method === 'HEAD' ? null : new Uint8Array(jpeg), { status: 200, headers });
  });
}

export function GET(_req: Request, ctx: Ctx): Promise<Response> {
  return serve(ctx, 'GET');
}

export function HEAD(_req: Request, ctx: Ctx): Promise<Response> {
  return serve(ctx, 'HEAD');
}
