'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { listReleases } from '@/lib/releases/list-releases';
import { apiFetch } from '@/components/api/api-fetch';
import { releaseKeys } from './keys';

/** A release as GET /api/releases lists it (lib's listReleases row). */
export type Release = Awaited<ReturnType<typeof listReleases>>[number];

export const fetchReleases = () => apiFetch<{ releases: Release[] }>('/api/releases');

export const releasesQueryOptions = () => queryOptions({ queryKey: releaseKeys.list(), queryFn: fetchReleases });

export const useReleases = () => useQuery(releasesQueryOptions());
