import fs from 'node:fs';
import path from 'node:path';

// Every page and route handler under app/, found on disk when the test runs, so a route added
// by anyone is covered without editing a list.

export type AppRoute = {
  file: string;
  kind: 'page' | 'route';
  /** The URL pattern, e.g. /api/items/[id]. */
  pattern: string;
  /** A concrete URL with sample values for the dynamic segments. */
  samplePath: string;
  methods: string[];
};

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The HTTP methods a route.ts exports, in any of the ways a module can export them. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const m = HTTP_METHODS.join('|');
  for (const re of [new RegExp(`export\\s+(?:async\\s+)?function\\s+(${m})\\b`, 'g'), new RegExp(`export\\s+(?:const|let|var)\\s+(${m})\\b`, 'g')]) {
    for (const hit of source.matchAll(re)) found.add(hit[1]!);
  }
  for (const hit of source.matchAll(/export\s+(?:const|let|var)?\s*\{([^}]*)\}/g)) {
    for (const part of hit[1]!.split(',')) {
      const name = part.split(/\s+as\s+|:/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return [...found];
}

function sampleFor(segment: string): string | null {
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return null; // optional catch-all: try it empty
  if (/^\[\.\.\..+\]$/.test(segment)) return 'sample/file.mp4';
  if (/^\[.+\]$/.test(segment)) return '1';
  return segment;
}

export function discoverAppRoutes(appDir: string): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Private folders are not routes; intercepting routes only render inside another page.
        if (entry.name.startsWith('_') || /^\(\.{1,3}\)/.test(entry.name)) continue;
        // Route groups and parallel-route slots add nothing to the URL.
        if (/^\(.+\)$/.test(entry.name) || entry.name.startsWith('@')) walk(full, segments);
        else walk(full, [...segments, entry.name]);
        continue;
      }
      const m = /^(page|route)\.(tsx?|jsx?|mjs)$/.exec(entry.name);
      if (!m) continue;
      const kind = m[1] as 'page' | 'route';
      const pattern = `/${segments.join('/')}`;
      const samplePath = `/${segments.map(sampleFor).filter((s): s is string => s !== null).join('/')}`;
      const methods = kind === 'page' ? ['GET'] : exportedMethods(fs.readFileSync(full, 'utf8'));
      out.push({ file: path.relative(path.dirname(appDir), full), kind, pattern, samplePath, methods });
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
