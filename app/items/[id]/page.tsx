import { notFound } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { getReviewItem } from '@/lib/review/get-review-item';
import { findNeighbors } from '@/lib/items/neighbors';
import { itemFilterSchema, itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '@/lib/items/filter';
import { ReviewWorkspace } from '@/components/review/review-workspace';
import { EarlyKeys } from '@/components/review/early-keys';
import { config } from '@/lib/config';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The list the reviewer came from rides in the URL (the items table links here with its filter);
// next/previous follow it. Without one, the item's dataset in id order.
function filterFor(search: Record<string, string | string[] | undefined>, datasetId: number): { filter: ItemFilter; labels: string[] } {
  let filter: ItemFilter;
  try {
    filter = parseItemFilter({ ...search, dataset: search.dataset ?? String(datasetId) });
  } catch {
    filter = itemFilterSchema.parse({ dataset: datasetId });
  }
  const labels = [...itemFilterToSearchParams(filter).entries()].filter(([k]) => k !== 'dataset').map(([k, v]) => `${k}: ${v}`);
  return { filter, labels };
}

export default async function ItemReviewPage({ params, searchParams }: Props) {
  const parsed = z.coerce.number().int().positive().safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = prisma();
  let item;
  try {
    item = await getReviewItem(db, parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const { filter, labels } = filterFor(await searchParams, item.datasetId);
  const neighbors = await findNeighbors(db, { filter, itemId: item.id, count: 2 });
  return (
    <>
      <EarlyKeys />
      <ReviewWorkspace initialItem={item} initialNeighbors={neighbors} filterQuery={itemFilterToSearchParams(filter).toString()} filterLabels={labels} timing={config().reviewTime} />
    </>
  );
}
