import { config } from '@/lib/config';
import { QueueStart } from '@/components/review/queue-start';

export const metadata = { title: 'Next for me · CoT Studio' };

/** "Next for me": serves the reviewer's queue one claimed item at a time (lib/review-queue). */
export default function QueuePage() {
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">Next for me</h1>
      <p className="text-xs text-slate-500">
        Items of your assignments you have not decided, in id order. Each is claimed for you for {config().reviewClaimMinutes} minutes while you review it
        (others see “being reviewed by you”); an item is never handed to more reviewers than its assignment asks.
      </p>
      <QueueStart />
    </div>
  );
}
