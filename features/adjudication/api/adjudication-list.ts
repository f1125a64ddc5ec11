'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdjudicationListItem } from '@/lib/review/adjudication';
import { apiFetch } from '@/components/api/api-fetch';
import { adjudicationKeys } from './keys';

export const fetchAdjudicationList = (query: string) => apiFetch<{ items: AdjudicationListItem[]; total: number }>(`/api/adjudication?${query}`, { cache: 'no-store' });

export const adjudicationListQueryOptions = (query: string) => queryOptions({ queryKey: adjudicationKeys.list(query), queryFn: () => fetchAdjudicationList(query) });

export const useAdjudicationList = (query: string) => useQuery(adjudicationListQueryOptions(query));
