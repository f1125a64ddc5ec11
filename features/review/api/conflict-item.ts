import type { ReviewItem } from '@/lib/review/review-item';
import { ApiError } from '@/components/api/api-fetch';

/** The item as it is now, when the server refused a change made against a stale revision (409). */
export function conflictItem(e: unknown): ReviewItem | null {
  if (!(e instanceof ApiError) || e.status !== 409 || !e.details || typeof e.details !== 'object') return null;
  const item = (e.details as { item?: ReviewItem }).item;
  return item && typeof item === 'object' && typeof item.rev === 'number' ? item : null;
}
