import type { ReviewItem } from '@/lib/review/review-item';

const VERB = { accepted: 'accepted', rejected: 'rejected', skipped: 'skipped', pending: 'reset to pending', needs_adjudication: 'sent to adjudication' } as const;

function when(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** One line saying what someone else did to an item: "Alice accepted it at 10:02". */
export function describeChange(item: ReviewItem): string {
  const d = item.lastDecision;
  const e = item.latestEdit;
  const editNewer = e && (!d || e.createdAt > d.createdAt);
  if (editNewer) return `${e.author?.name ?? 'Someone'} saved an edit at ${when(e.createdAt)}`;
  if (d) return `${d.reviewer?.name ?? 'Someone'} ${VERB[d.status]} it at ${when(d.createdAt)}${d.reason ? ` (${d.reason})` : ''}`;
  return `It is now ${item.reviewStatus}`;
}
