'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { diffReleases } from '@/lib/releases/diff-releases';
import { apiFetch } from '@/components/api/api-fetch';
import { releaseKeys } from './keys';

/** What changed between two releases (lib's diffReleases result). */
export type ReleaseDiff = Awaited<ReturnType<typeof diffReleases>>;

export const fetchReleaseDiff = (from: number, to: number) => apiFetch<ReleaseDiff>(`/api/releases/diff?from=${from}&to=${to}`);

export const releaseDiffQueryOptions = (from: number | '', to: number | '') =>
  queryOptions({ queryKey: releaseKeys.diff(from, to), enabled: from !== '' && to !== '' && from !== to, queryFn: () => fetchReleaseDiff(Number(from), Number(to)) });

export const useReleaseDiff = (from: number | '', to: number | '') => useQuery(releaseDiffQueryOptions(from, to));
