import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * Resolves a record's media path ("./x/y.mp4") under the dataset's media root. Anything that
 * leaves the root — `..`, an absolute path, or a symlink whose target is outside — is refused.
 * Returns the real path of an existing file.
 */
export function resolveMediaPath(mediaRoot: string, recordPath: string): string {
  if (recordPath.includes('\0')) throw new AppError('BAD_REQUEST', 'Media path contains a NUL byte');
  if (path.isAbsolute(recordPath)) throw new AppError('FORBIDDEN', `Media path ${recordPath} is absolute; paths are relative to the media root`);
  const root = path.resolve(mediaRoot);
  const candidate = path.resolve(root, recordPath);
  if (!isInside(root, candidate)) throw new AppError('FORBIDDEN', `Media path ${recordPath} leaves the media root`);

  let realRoot: string;
  let real: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    throw new AppError('NOT_FOUND', `Media root ${root} does not exist`);
  }
  try {
    real = fs.realpathSync(candidate);
  } catch {
    throw new AppError('NOT_FOUND', `Media file ${recordPath} not found under the media root`);
  }
  if (!isInside(realRoot, real)) throw new AppError('FORBIDDEN', `Media path ${recordPath} resolves outside the media root`);
  if (!fs.statSync(real).isFile()) throw new AppError('NOT_FOUND', `Media path ${recordPath} is not a file`);
  return real;
}

/** Lexical check only, for validating paths at import time before files exist. */
export function staysInsideRoot(recordPath: string): boolean {
  if (path.isAbsolute(recordPath) || recordPath.includes('\0')) return false;
  const root = path.resolve('/__root__');
  return isInside(root, path.resolve(root, recordPath));
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  // Climbing out is '..' as a whole segment: a folder genuinely named '..foo' stays inside.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export function isRemoteUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}
