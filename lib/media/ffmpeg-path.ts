import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ResolveBinaryInput {
  /** Executable name looked up on PATH, e.g. `ffmpeg`. */
  name: string;
  /** Value of the override variable (FFMPEG_PATH / FFPROBE_PATH); empty counts as unset. */
  envValue: string | undefined;
  /** The PATH string to search; passed in so tests need not mutate process.env. */
  pathEnv: string | undefined;
  /** Last resort, called lazily because loading the npm build throws on unsupported platforms. */
  fallback?: () => string | undefined;
  /** Defaults to process.platform; only decides whether `.exe` is tried. */
  platform?: NodeJS.Platform;
}

function isExecutableFile(candidate: string): boolean {
  try {
    // A directory named `ffmpeg` on PATH passes X_OK, so check it is a file too.
    if (!fs.statSync(candidate).isFile()) return false;
    fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides which binary to run: explicit override, then PATH, then the bundled npm build.
 * The override is returned untouched (not checked) so a deliberately odd value, such as a
 * bare command name, still reaches execFile and fails there with a clear error.
 */
export function resolveBinary(input: ResolveBinaryInput): string {
  const override = input.envValue?.trim();
  if (override) return override;

  const platform = input.platform ?? process.platform;
  const delimiter = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32' ? [`${input.name}.exe`, input.name] : [input.name];
  const dirs = (input.pathEnv ?? '').split(delimiter).filter((d) => d.length > 0);
  for (const dir of dirs) {
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (isExecutableFile(candidate)) return candidate;
    }
  }

  let fallbackError: unknown;
  try {
    const fromFallback = input.fallback?.();
    if (fromFallback) return fromFallback;
  } catch (err) {
    fallbackError = err;
  }
  throw new Error(
    `Cannot find ${input.name}: no override set, not found on PATH (${dirs.length} dirs searched)` +
      (fallbackError ? `, and the bundled build failed to load: ${String(fallbackError)}` : ', and no bundled build available'),
  );
}

const require = createRequire(import.meta.url);

function npmBinary(pkg: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe'): string | undefined {
  // Literal specifiers: the web app's bundler cannot follow require(variable) (the frames strip
  // samples frames in the web process), and both packages are serverExternalPackages.
  const mod = (pkg === '@ffmpeg-installer/ffmpeg' ? require('@ffmpeg-installer/ffmpeg') : require('@ffprobe-installer/ffprobe')) as { path?: unknown };
  return typeof mod.path === 'string' ? mod.path : undefined;
}

let cachedFfmpeg: string | undefined;
let cachedFfprobe: string | undefined;

export function ffmpegPath(): string {
  cachedFfmpeg ??= resolveBinary({
    name: 'ffmpeg',
    envValue: process.env.FFMPEG_PATH,
    pathEnv: process.env.PATH,
    fallback: () => npmBinary('@ffmpeg-installer/ffmpeg'),
  });
  return cachedFfmpeg;
}

export function ffprobePath(): string {
  cachedFfprobe ??= resolveBinary({
    name: 'ffprobe',
    envValue: process.env.FFPROBE_PATH,
    pathEnv: process.env.PATH,
    fallback: () => npmBinary('@ffprobe-installer/ffprobe'),
  });
  return cachedFfprobe;
}

/** For tests that change FFMPEG_PATH / PATH between cases. */
export function resetBinaryCache(): void {
  cachedFfmpeg = undefined;
  cachedFfprobe = undefined;
}
