'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdjudicationItem } from '@/lib/review/adjudication';
import { apiFetch } from '@/components/api/api-fetch';
import { adjudicationKeys } from './keys';

export const fetchAdjudicationItem = (id: number) => apiFetch<AdjudicationItem>(`/api/adjudication/${id}`, { cache: 'no-store' });

export const adjudicationItemQueryOptions = (id: number | null) =>
  queryOptions({ queryKey: adjudicationKeys.item(id), queryFn: () => fetchAdjudicationItem(id!), enabled: id !== null });

export const useAdjudicationItem = (id: number | null) => useQuery(adjudicationItemQueryOptions(id));
