import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// The frames strip's thumbnails on disk: the first request for a video's plan samples it once
// (ffmpeg, through the stages' in-memory frame cache) and writes every frame as a JPEG under
// <data dir>/frame-cache/<key>/<index>.jpg; later requests — other items of the same video,
// a reload, another web process, a restart — read one small file instead of running ffmpeg.
// The key holds the clip's path and modification time and the plan's parameters, so a replaced
// clip or a changed setting is sampled again; files are written under a temporary name and
// renamed, so a reader never sees half a frame.

/** The cache directory of one clip version and plan. */
export function frameCacheDir(dataDir: string, parts: (string | number | null)[]): string {
  const key = crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
  return path.join(dataDir, 'frame-cache', key);
}

const inFlight = new Map<string, Promise<Buffer[]>>();

/** Frame `index` of the plan cached in `dir`, sampling (`make`) and writing the whole plan on a miss. */
export async function cachedFrame(dir: string, index: number, make: () => Promise<Buffer[]>): Promise<Buffer | undefined> {
  const hit = await readIfThere(path.join(dir, `${index}.jpg`));
  if (hit) return hit;
  // A complete plan (its `count` is written last) without this index: out of range, no sampling.
  if (await readIfThere(path.join(dir, 'count'))) return undefined;
  let p = inFlight.get(dir);
  if (!p) {
    p = (async () => {
      const jpegs = await make();
      await fs.mkdir(dir, { recursive: true });
      await Promise.all(
        jpegs.map((jpeg, i) => writeAtomic(dir, `${i}.jpg`, jpeg)),
      );
      await writeAtomic(dir, 'count', Buffer.from(String(jpegs.length)));
      return jpegs;
    })().finally(() => inFlight.delete(dir));
    inFlight.set(dir, p);
  }
  return (await p)[index];
}

async function readIfThere(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function writeAtomic(dir: string, name: string, data: Buffer): Promise<void> {
  const tmp = path.join(dir, `.${name}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, path.join(dir, name));
}
