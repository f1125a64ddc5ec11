import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { config } from '../config';
import { AppError } from '../errors';

// Uploaded files wait under <data dir>/uploads/ until their import job reads them. The id is
// random and checked against this pattern, so it can never name a file elsewhere.
const UPLOAD_ID = /^[a-f0-9]{24}\.(json|jsonl|ndjson)$/;

export function uploadsDir(): string {
  return path.join(config().dataDir, 'uploads');
}

export function uploadPath(uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new AppError('BAD_REQUEST', `Not an upload id: ${JSON.stringify(uploadId)}`);
  const file = path.join(uploadsDir(), uploadId);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `Upload ${uploadId} not found (uploads are kept until imported)`);
  return file;
}

export async function saveUpload(body: ReadableStream<Uint8Array> | null, fileName: string): Promise<{ uploadId: string; bytes: number }> {
  const ext = /\.(json|jsonl|ndjson)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) throw new AppError('BAD_REQUEST', `${fileName}: expected a .json (one array of records) or .jsonl (one record per line) file`);
  if (!body) throw new AppError('BAD_REQUEST', 'The upload has no body');
  const uploadId = `${crypto.randomBytes(12).toString('hex')}.${ext}`;
  const dir = uploadsDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, uploadId);
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), fs.createWriteStream(partial));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new AppError('BAD_REQUEST', `The upload did not complete: ${(e as Error).message}`);
  }
  fs.renameSync(partial, file);
  return { uploadId, bytes: fs.statSync(file).size };
}
