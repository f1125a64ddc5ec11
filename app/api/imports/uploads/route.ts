import { handle, json, readJson } from '@/lib/http/handle';
import { startUpload, startUploadSchema } from '@/lib/import/uploads';

/** Body: { fileName, size }. Returns the upload id and the chunk size to send it in. */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => json(startUpload(startUploadSchema.parse(await readJson(req))), { status: 201 }));
}
