import 'server-only';
import { QueryClient, defaultShouldDehydrateQuery } from '@tanstack/react-query';

/**
 * A QueryClient for one server render: a page prefetches what its client components ask for
 * first and hands it over with `<HydrationBoundary state={dehydrate(client)}>`, so the first
 * HTML already carries the data (no "Loading…" before hydration).
 *
 * Only settled queries are handed over. A query still pending (a slow count) is left for the
 * browser to fetch: were its promise streamed, it could resolve in the browser before
 * hydration, and the hydrating render would show the value where the server's HTML says
 * "counting…" — a hydration mismatch (React error 418), after which React throws the server's
 * HTML away and renders the page again in the browser.
 */
export function serverQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: false },
      dehydrate: { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) && q.state.status === 'success' },
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
