import { dehydrate } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

// The module is marked server-only (it throws outside a server render); the policy is plain code.
vi.mock('server-only', () => ({}));
import { serverQueryClient } from '@/components/api/server-query-client';

// What a server render hands to the browser. A pending query must not be handed over: its
// promise could resolve in the browser before hydration and the hydrating render would then
// differ from the server's HTML (React error 418, the page re-rendered from scratch).
describe('serverQueryClient', () => {
  it('dehydrates settled queries and leaves pending ones for the browser to fetch', async () => {
    const queries = serverQueryClient();
    await queries.prefetchQuery({ queryKey: ['rows'], queryFn: async () => ({ rows: [1, 2] }) });
    void queries.prefetchQuery({ queryKey: ['count'], queryFn: () => new Promise(() => {}) });
    await queries.prefetchQuery({ queryKey: ['broken'], queryFn: async () => Promise.reject(new Error('no')) });
    const state = dehydrate(queries);
    expect(state.queries.map((q) => q.queryKey)).toEqual([['rows']]);
    expect(state.queries[0]!.state.data).toEqual({ rows: [1, 2] });
  });
});
