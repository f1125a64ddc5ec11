import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createImport, createImportSchema } from '@/lib/import/create-import';
import { getImport, listImports } from '@/lib/import/list-imports';

export async function GET(): Promise<Response> {
  return handle(async () => json({ imports: await listImports(prisma()) }, { headers: { 'cache-control': 'no-store' } }));
}

/** Body: { dataset, mediaRoot?, description?, mode?, source: { kind: 'upload', uploadId } | { kind: 'path', path } } */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const db = prisma();
    const row = await createImport(db, createImportSchema.parse(await readJson(req)), requestUser(req.headers)?.id ?? null);
    return json({ import: await getImport(db, row.id) }, { status: 201 });
  });
}
