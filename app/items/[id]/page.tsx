import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { openEndedMinScore } from '@/lib/answers/answer-check-sql';
import { AnswerThresholdProvider } from '@/components/cot/answer-threshold-context';
import { isAppError } from '@/lib/errors';
import { requestUser } from '@/lib/auth/request-user';
import { assertItemAccess, itemReadRestriction } from '@/lib/assignments/item-access';
import { dbIdParam } from '@/lib/http/route-id';
import { getReviewItem } from '@/lib/review/get-review-item';
import { findNeighbors } from '@/lib/items/neighbors';
import { itemFilterSchema, itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '@/lib/items/filter';
import { ReviewWorkspace } from '@/features/review/components/review-workspace';
import { EarlyKeys } from '@/features/review/components/early-keys';
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
  const parsed = dbIdParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = prisma();
  let item;
  try {
    // Reviewers open only items within their assignments, like every /api/items/:id route.
    await assertItemAccess(db, { user: requestUser(await headers()), itemId: parsed.data, access: 'read' });
    item = await getReviewItem(db, parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    if (isAppError(e) && e.code === 'FORBIDDEN') return <OutsideAssignment message={e.message} />;
    throw e;
  }
  const search = await searchParams;
  const { filter, labels } = filterFor(search, item.datasetId);
  const requestHeaders = await headers();
  const restrict = await itemReadRestriction(db, requestUser(requestHeaders));
  // The proxy puts this request's CSP (with its script nonce) on the request.
  const nonce = requestHeaders.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
  const neighbors = await findNeighbors(db, { filter, itemId: item.id, count: 2, restrict });
  return (
    <AnswerThresholdProvider value={openEndedMinScore()}>
      <EarlyKeys nonce={nonce} />
      <ReviewWorkspace
        initialItem={item}
        initialNeighbors={neighbors}
        filterQuery={itemFilterToSearchParams(filter).toString()}
        filterLabels={labels}
        queueMode={search.queue === '1'}
        queueOrder={search.order === 'risk' ? 'risk' : 'id'}
        timing={config().reviewTime}
      />
    </AnswerThresholdProvider>
  );
}

function OutsideAssignment({ message }: { message: string }) {
  return (
    <div className="mx-auto max-w-md pt-16 text-center" data-testid="outside-assignment">
      <p className="text-sm font-semibold text-rose-700">403 · Not allowed</p>
      <h1 className="mt-2 text-lg font-semibold">This item is not in your assigned work</h1>
      <p className="mt-2 text-sm text-slate-600">{message}</p>
      <Link href="/assignments" className="mt-6 inline-block text-sm text-indigo-700 hover:underline">
        Your assignments
      </Link>
    </div>
  );
}
