import 'server-only';
import { QueryClient, defaultShouldDehydrateQuery } from '@tanstack/react-query';

/**
 * A QueryClient for one server render: a page prefetches what its client components ask for
 * first and hands it over with `<HydrationBoundary state={dehydrate(client)}>`, so the first
 * HTML already carries the data (no "Loading…" before hydration). Queries still pending are
 * dehydrated too: their promise streams in after the HTML and the browser's query picks it up
 * instead of fetching again, so a slow part (a count) never holds back a fast one (the rows).
 */
export function serverQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: false },
      dehydrate: { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === 'pending' },
    },
  });
}

/**
 * The value as the browser would get it from the JSON API (dates as ISO strings, no undefined),
 * so a hydrated query holds exactly what its fetcher would have returned.
 */
export function asApiJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
