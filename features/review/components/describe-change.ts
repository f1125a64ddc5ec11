import type { ReviewItem } from '@/lib/review/review-item';
import { relativeTime } from '@/lib/format/relative-time';

const VERB = { accepted: 'accepted', rejected: 'rejected', skipped: 'skipped', pending: 'reset to pending', needs_adjudication: 'sent to adjudication' } as const;

function when(iso: string): string {
  return relativeTime(new Date(iso));
}

/** One line saying what someone else did to an item: "Alice accepted it 2 min ago". */
export function describeChange(item: ReviewItem): string {
  const d = item.lastDecision;
  const e = item.latestEdit;
  const editNewer = e && (!d || e.createdAt > d.createdAt);
  if (editNewer) return `${e.author?.name ?? 'Someone'} saved an edit ${when(e.createdAt)}`;
  if (d) return `${d.reviewer?.name ?? 'Someone'} ${VERB[d.status]} it ${when(d.createdAt)}${d.reason ? ` (${d.reason})` : ''}`;
  return `It is now ${item.reviewStatus}`;
}
