import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { openEndedMinScore } from '@/lib/answers/answer-check-sql';
import { AnswerThresholdProvider } from '@/components/cot/answer-threshold-context';
import { listItemFacets } from '@/lib/items/list-facets';
import { itemFilterToSearchParams, parseItemFilter } from '@/lib/items/filter';
import { listItems } from '@/lib/items/list-items';
import { countItems } from '@/lib/items/count-items';
import { ItemsWithAssign } from './items-with-assign';
import { dbIdParam } from '@/lib/http/route-id';
import { ITEMS_PAGE_SIZE, itemKeys } from '@/features/items/api/keys';
import { asApiJson, serverQueryClient } from '@/components/api/server-query-client';
import { viewKeys } from '@/features/items/api/view-keys';
import { requestUser } from '@/lib/auth/request-user';
import { getTableLayout } from '@/lib/views/table-layout';

const querySchema = z.object({ dataset: dbIdParam.optional() });

/**
 * The items table. The URL holds the whole filter; the first page of rows is read here and
 * handed to the table's query (so the first HTML is the table), the count comes with it when it is ready by then,
 * and later pages come from /api/items.
 */
export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const db = prisma();
  const datasets = await db.dataset.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  const q = querySchema.safeParse({ dataset: typeof sp.dataset === 'string' ? sp.dataset : undefined });
  const datasetId = q.success ? q.data.dataset : undefined;
  if (datasets.length === 0) return <p className="text-sm text-slate-600">No datasets yet.</p>;
  // A canonical URL names its dataset, so a shared link shows the same rows.
  if (datasetId === undefined || !datasets.some((d) => d.id === datasetId)) redirect(`/items?dataset=${datasets[0]!.id}`);

  const queries = serverQueryClient();
  const filter = filterOf(sp);
  const firstPage = filter
    ? (() => {
        // The key the browser computes from the same URL (features/items/components/items-view.tsx).
        const key = itemFilterToSearchParams(filter).toString();
        // Not awaited: a huge filter's count may take longer than the rows. Done by the time the
        // rows are, it is in the first HTML; else the browser asks for it (server-query-client.ts).
        void queries.prefetchQuery({ queryKey: itemKeys.count(key), queryFn: () => countItems(db, filter).then((count) => ({ count })) });
        return queries.prefetchQuery({ queryKey: itemKeys.page(key, null), queryFn: async () => asApiJson(await listItems(db, { filter, limit: ITEMS_PAGE_SIZE })) });
      })()
    : undefined;
  // The user's own columns are in the first HTML too, so the table does not change shape after hydration.
  const user = requestUser(await headers());
  const layout = user ? queries.prefetchQuery({ queryKey: viewKeys.layout('items'), queryFn: () => getTableLayout(db, { userId: user.id, table: 'items' }) }) : undefined;
  const [facets] = await Promise.all([listItemFacets(db, datasetId), firstPage, layout]);
  // No Suspense boundary here: the table is the page's largest paint, and a boundary would let
  // React stream it as a hidden segment revealed by script (throttled by up to 300 ms).
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      <AnswerThresholdProvider value={openEndedMinScore()}>
        <ItemsWithAssign datasets={datasets} facets={facets} />
      </AnswerThresholdProvider>
    </HydrationBoundary>
  );
}

/** The filter the browser will read from this URL, or null when it is not valid (the table says why). */
function filterOf(sp: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, one);
  try {
    return parseItemFilter(params);
  } catch {
    return null;
  }
}
