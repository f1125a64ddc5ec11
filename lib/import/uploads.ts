import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { config } from '../config';
import { AppError } from '../errors';

// Uploaded files wait under <data dir>/uploads/ until their import job reads them. Browsers send
// them in chunks: a request body passing through Next.js's proxy is buffered and cut at 10 MB,
// and chunks also give the upload its progress bar. Each chunk says where it starts, so a
// repeated or out-of-order chunk is refused instead of corrupting the file.
const UPLOAD_ID = /^[a-f0-9]{24}\.(json|jsonl|ndjson)$/;
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

export const startUploadSchema = z.object({
  fileName: z.string().min(1).max(500),
  size: z.number().int().min(1, 'the file is empty'),
});

const metaSchema = z.object({ fileName: z.string(), size: z.number().int() });

export function uploadsDir(): string {
  return path.join(config().dataDir, 'uploads');
}

function files(uploadId: string) {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('BAD_REQUEST', `Not an upload id: ${JSON.stringify(uploadId)}`);
  const base = path.join(uploadsDir(), uploadId);
  return { done: base, partial: `${base}.partial`, meta: `${base}.meta.json` };
}

function readMeta(uploadId: string) {
  const f = files(uploadId);
  if (!fs.existsSync(f.meta)) throw new AppError('NOT_FOUND', `Upload ${uploadId} not found`);
  return { ...f, ...metaSchema.parse(JSON.parse(fs.readFileSync(f.meta, 'utf8'))) };
}

export function startUpload(input: z.input<typeof startUploadSchema>): { uploadId: string; chunkBytes: number } {
  const req = startUploadSchema.parse(input);
  const max = config().uploadMaxBytes;
  // The declared size is checked before anything is written: no file may claim more than the cap.
  if (req.size > max) throw new AppError('PAYLOAD_TOO_LARGE', `size: ${req.size} bytes is more than the ${max} bytes an upload may have (COT_UPLOAD_MAX_BYTES)`);
  const ext = /\.(json|jsonl|ndjson)$/i.exec(req.fileName)?.[1]?.toLowerCase();
  if (!ext) throw new AppError('BAD_REQUEST', `${req.fileName}: expected a .json (one array of records) or .jsonl (one record per line) file`);
  const uploadId = `${crypto.randomBytes(12).toString('hex')}.${ext}`;
  const f = files(uploadId);
  fs.mkdirSync(uploadsDir(), { recursive: true });
  fs.writeFileSync(f.partial, '');
  fs.writeFileSync(f.meta, JSON.stringify({ fileName: req.fileName, size: req.size }));
  return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
}

/** Appends one chunk at `offset`; returns the bytes received so far. */
export async function appendUpload(uploadId: string, offset: number, chunk: ArrayBuffer): Promise<{ received: number; size: number }> {
  const u = readMeta(uploadId);
  if (!fs.existsSync(u.partial)) throw new AppError('CONFLICT', `Upload ${uploadId} is already complete`);
  const have = fs.statSync(u.partial).size;
  if (offset !== have) throw new AppError('CONFLICT', `Upload ${uploadId} has ${have} bytes; a chunk at ${offset} does not continue it`);
  if (chunk.byteLength === 0 || chunk.byteLength > UPLOAD_CHUNK_BYTES) throw new AppError('BAD_REQUEST', `A chunk must hold 1 to ${UPLOAD_CHUNK_BYTES} bytes`);
  if (have + chunk.byteLength > u.size) throw new AppError('BAD_REQUEST', `The chunk goes past the declared size of ${u.size} bytes`);
  await fs.promises.appendFile(u.partial, Buffer.from(chunk));
  const received = have + chunk.byteLength;
  if (received === u.size) fs.renameSync(u.partial, u.done);
  return { received, size: u.size };
}

/** A complete upload's file and original name, for creating its import. */
export function uploadedFile(uploadId: string): { file: string; fileName: string } {
  const u = readMeta(uploadId);
  if (!fs.existsSync(u.done)) {
    const have = fs.existsSync(u.partial) ? fs.statSync(u.partial).size : 0;
    throw new AppError('CONFLICT', `Upload ${uploadId} is incomplete: ${have} of ${u.size} bytes received`);
  }
  return { file: u.done, fileName: u.fileName };
}
