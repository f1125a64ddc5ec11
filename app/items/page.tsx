import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { openEndedMinScore } from '@/lib/review/answer-guard';
import { AnswerThresholdProvider } from '@/components/cot/answer-threshold-context';
import { listItemFacets } from '@/lib/items/list-facets';
import { ItemsView } from '@/components/items/items-view';
import { dbIdParam } from '@/lib/http/route-id';

const querySchema = z.object({ dataset: dbIdParam.optional() });

/** The items table. The URL holds the whole filter; the client reads pages from /api/items. */
export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const db = prisma();
  const datasets = await db.dataset.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  const q = querySchema.safeParse({ dataset: typeof sp.dataset === 'string' ? sp.dataset : undefined });
  const datasetId = q.success ? q.data.dataset : undefined;
  if (datasets.length === 0) return <p className="text-sm text-slate-600">No datasets yet.</p>;
  // A canonical URL names its dataset, so a shared link shows the same rows.
  if (datasetId === undefined || !datasets.some((d) => d.id === datasetId)) redirect(`/items?dataset=${datasets[0]!.id}`);
  const facets = await listItemFacets(db, datasetId);
  return (
    <Suspense>
      <AnswerThresholdProvider value={openEndedMinScore()}>
        <ItemsView datasets={datasets} facets={facets} />
      </AnswerThresholdProvider>
    </Suspense>
  );
}
