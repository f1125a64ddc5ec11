import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createExport } from '@/lib/export/create-export';
import { exportOptionsSchema } from '@/lib/export/export-options';
import { getExport, listExports } from '@/lib/export/list-exports';

export async function GET(): Promise<Response> {
  return handle(async () => json({ exports: await listExports(prisma()) }, { headers: { 'cache-control': 'no-store' } }));
}

/** Body: { filter: { dataset, status?, type?, source? }, format, fileFormat?, foldOptions?, includeMismatched?, trainer? } */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const db = prisma();
    const row = await createExport(db, exportOptionsSchema.parse(await readJson(req)), requestUser(req.headers)?.id ?? null);
    return json({ export: await getExport(db, row.id) }, { status: 201 });
  });
}
