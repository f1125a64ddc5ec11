import Link from 'next/link';
import { config } from '@/lib/config';
import { QueueStart } from '@/features/review/components/queue-start';
import type { QueueOrder } from '@/lib/review-queue/queue-order';

export const metadata = { title: 'Next for me · CoT Studio' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ORDERS: { order: QueueOrder; label: string }[] = [
  { order: 'id', label: 'In id order' },
  { order: 'risk', label: 'Riskiest first' },
];

/** "Next for me": serves the reviewer's queue one claimed item at a time (lib/review-queue). */
export default async function QueuePage({ searchParams }: Props) {
  const order: QueueOrder = (await searchParams).order === 'risk' ? 'risk' : 'id';
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">Next for me</h1>
      <p className="text-xs text-slate-500">
        Items of your assignments you have not decided, {order === 'risk' ? 'riskiest first (the risk score of the items table; equal scores newest first)' : 'in id order'}. Each
        is claimed for you for {config().reviewClaimMinutes} minutes while you review it (others see “being reviewed by you”); an item is never handed to more
        reviewers than its assignment asks.
      </p>
      <nav className="flex gap-1 text-xs" aria-label="Queue order" data-testid="queue-order">
        {ORDERS.map((o) => (
          <Link
            key={o.order}
            href={o.order === 'id' ? '/queue' : `/queue?order=${o.order}`}
            aria-current={o.order === order ? 'page' : undefined}
            className={`rounded border px-2 py-1 ${o.order === order ? 'border-indigo-300 bg-indigo-50 text-indigo-800' : 'border-slate-200 bg-white text-slate-600 hover:bg-slate-50'}`}
          >
            {o.label}
          </Link>
        ))}
      </nav>
      <QueueStart key={order} order={order} />
    </div>
  );
}
