import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** What a browser downloads of JavaScript to show one page of a production build. */
export type RouteJsSize = { route: string; files: string[]; bytes: number; gzipBytes: number };

/** The gzipped-JS budget every page of the studio must stay within (issue 15). */
export const PAGE_JS_BUDGET_GZIP_BYTES = 250 * 1024;

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/**
 * The JavaScript each page loads before it is interactive, read from a Next.js build's own
 * manifests: the root chunks every page shares (build-manifest.json `rootMainFiles`) plus the
 * chunks of the page and its layouts (each page's client reference manifest `entryJSFiles`).
 * Chunks a page imports later on demand (`import()`) are not counted: they are not in the way
 * of the first paint. Sizes are gzip at the default level, as a server compresses them.
 */
export function routeJsSizes(distDir: string): RouteJsSize[] {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const root = build.rootMainFiles ?? [];
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const body = fs.readFileSync(path.join(distDir, file));
      s = { bytes: body.length, gzipBytes: zlib.gzipSync(body).length };
      sizes.set(file, s);
    }
    return s;
  };
  const out: RouteJsSize[] = [];
  for (const manifestFile of findPageManifests(path.join(distDir, 'server', 'app'))) {
    const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    vm.runInNewContext(fs.readFileSync(manifestFile, 'utf8'), context);
    for (const [page, manifest] of Object.entries(context.__RSC_MANIFEST ?? {})) {
      const files = new Set(root);
      for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
        // The page and its layouts; Next's built-in global error page loads only on a crash.
        if (entry.startsWith('[project]/app/')) for (const c of chunks) files.add(c);
      }
      const list = [...files].filter((f) => f.endsWith('.js'));
      const total = list.reduce((acc, f) => { const s = sizeOf(f); return { bytes: acc.bytes + s.bytes, gzipBytes: acc.gzipBytes + s.gzipBytes }; }, { bytes: 0, gzipBytes: 0 });
      out.push({ route: page.replace(/\/page$/, '') || '/', files: list, ...total });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

function findPageManifests(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist: build the app first (NEXT_DIST_DIR=… npx next build)`);
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findPageManifests(p));
    else if (entry.name === 'page_client-reference-manifest.js') found.push(p);
  }
  return found;
}

/** "123.4 KB" (1 KB = 1024 bytes). */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
