import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { reviewKeys } from '@/features/review/api/keys';

export function fetchReviewItem(id: number, signal?: AbortSignal): Promise<ReviewItem> {
  return apiFetch<ReviewItem>(`/api/items/${id}`, { signal });
}

export function reviewItemQueryOptions(id: number) {
  return queryOptions({ queryKey: reviewKeys.item(id), queryFn: ({ signal }) => fetchReviewItem(id, signal), staleTime: 30_000 });
}

export function useReviewItem(id: number, initialData?: ReviewItem) {
  return useQuery({ ...reviewItemQueryOptions(id), initialData: initialData?.id === id ? initialData : undefined });
}
