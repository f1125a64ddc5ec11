export const fmtInt = (n: number) => n.toLocaleString('en-US');

export function fmtTokens(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}

export function fmtCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  if (usd < 100) return `$${usd.toFixed(2)}`;
  return `$${Math.round(usd).toLocaleString('en-US')}`;
}

export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function fmtRate(perMinute: number | null): string {
  if (perMinute === null) return '—';
  if (perMinute >= 600) return `${(perMinute / 60).toFixed(0)}/s`;
  if (perMinute >= 10) return `${Math.round(perMinute)}/min`;
  return `${perMinute.toFixed(1)}/min`;
}

/** "hasDraft=false&type=numerical" without the dataset, for showing a run's selection. */
export function fmtFilter(filter: Record<string, string>): string {
  const parts = Object.entries(filter)
    .filter(([k]) => k !== 'dataset')
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' & ') : 'all items';
}
