import { notFound } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { getItem } from '@/lib/items/get-item';
import { isAppError } from '@/lib/errors';
import { isRemoteUrl } from '@/lib/media/resolve-path';
import { contentTypeFor } from '@/lib/media/content-type';
import { MediaView } from '@/components/player/media-view';
import { CotPanel } from '@/components/cot/cot-panel';
import { StatusBadge } from '@/components/ui/badges';

export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.coerce.number().int().positive().safeParse((await params).id);
  if (!parsed.success) notFound();
  let item;
  try {
    item = await getItem(prisma(), parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const mediaSrc = isRemoteUrl(item.path)
    ? item.path
    : `/api/media/${item.datasetId}/${item.path.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;

  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="space-y-4">
        <MediaView src={mediaSrc} type={contentTypeFor(item.path)} dataType={item.dataType} />
        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="question">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span className="font-mono">#{item.problemId}</span>
            <span className="rounded bg-slate-100 px-1.5 py-0.5">{item.problemType}</span>
            <span>{item.dataSource}</span>
            <StatusBadge status={item.reviewStatus} />
          </div>
          <p className="whitespace-pre-wrap text-sm">{item.problem}</p>
          {item.options.length > 0 && !item.problem.includes(item.options[0] ?? '') && (
            <ul className="mt-2 space-y-0.5 text-sm">
              {item.options.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <span className="text-slate-500">Ground truth: </span>
            <span className="font-medium">{item.groundTruth}</span>
          </p>
        </section>
      </div>
      <div className="grid min-h-0 grid-cols-1 gap-4 lg:grid-cols-2">
        <CotPanel title="Draft (LLM)" version={item.draft} testId="draft-panel" />
        <CotPanel title="Revision (MLLM)" version={item.revision} testId="revision-panel" />
      </div>
    </div>
  );
}
