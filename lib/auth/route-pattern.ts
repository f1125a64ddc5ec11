// Route patterns in the shape of app/ folders: literal segments, `[param]` for exactly one
// segment, `**` for any number of segments (including none). Used by the permission table.

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchFrom(pattern: string[], pi: number, path: string[], si: number): boolean {
  if (pi === pattern.length) return si === path.length;
  const p = pattern[pi]!;
  if (p === '**') {
    for (let k = si; k <= path.length; k++) if (matchFrom(pattern, pi + 1, path, k)) return true;
    return false;
  }
  if (si === path.length) return false;
  const s = path[si]!;
  if (/^\[[^\]/]+\]$/.test(p)) return matchFrom(pattern, pi + 1, path, si + 1);
  return p === s && matchFrom(pattern, pi + 1, path, si + 1);
}

export function matchRoutePattern(pattern: string, pathname: string): boolean {
  return matchFrom(split(pattern), 0, split(pathname), 0);
}
