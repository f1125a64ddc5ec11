// One date format for the whole studio: a relative time ("3 min ago", "yesterday", "12 Nov")
// with the exact local time on hover. components/ui/time-ago.tsx is the one place that shows it.

const exact = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
const sameYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const otherYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function exactTime(at: Date): string {
  return exact.format(at);
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date; future times say "in …". */
export function relativeTime(at: Date, now: Date = new Date()): string {
  const s = (now.getTime() - at.getTime()) / 1000;
  const future = s < 0;
  const a = Math.abs(s);
  const say = (x: string) => (future ? `in ${x}` : `${x} ago`);
  if (a < 45) return future ? 'in a moment' : 'just now';
  if (a < 3600) return say(`${Math.max(1, Math.round(a / 60))} min`);
  if (a < 86_400) return say(`${Math.round(a / 3600)} h`);
  const days = Math.round(a / 86_400);
  if (days === 1) return future ? 'tomorrow' : 'yesterday';
  if (days < 7) return say(`${days} days`);
  return (at.getFullYear() === now.getFullYear() ? sameYear : otherYear).format(at);
}
