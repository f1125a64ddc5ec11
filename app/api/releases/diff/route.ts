import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { diffReleases } from '@/lib/releases/diff-releases';

const querySchema = z.object({ from: dbIdParam, to: dbIdParam });

/** `?from=&to=`: items added, removed, with a changed CoT or decision, with counts per reason. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => json(await diffReleases(prisma(), querySchema.parse(Object.fromEntries(new URL(req.url).searchParams)))));
}
