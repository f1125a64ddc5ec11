'use client';

import { useEffect, useState } from 'react';
import { exactTime, relativeTime } from '@/lib/format/relative-time';

/**
 * A time as the studio shows it everywhere: relative, with the exact time on hover. Re-renders
 * once a minute so "just now" does not stay. The server's and the browser's clocks differ by the
 * render delay, so hydration differences in the text are expected.
 */
export function TimeAgo({ at, className, fallback = '—', testId }: { at: string | number | Date | null | undefined; className?: string; fallback?: string; testId?: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(t);
  }, []);
  if (at === null || at === undefined) return <span className={className}>{fallback}</span>;
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return <span className={className}>{fallback}</span>;
  return (
    <time dateTime={d.toISOString()} title={exactTime(d)} className={className} suppressHydrationWarning data-testid={testId}>
      {relativeTime(d, now)}
    </time>
  );
}
