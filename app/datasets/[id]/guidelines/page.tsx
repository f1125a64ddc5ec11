import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { requestUser } from '@/lib/auth/request-user';
import { can } from '@/lib/auth/permissions';
import { getGuidelines } from '@/lib/datasets/guidelines';
import { GuidelinesEditor } from '@/features/guidelines/components/guidelines-editor';
import { MarkdownView } from '@/components/guidelines/markdown-view';

export const metadata = { title: 'Guidelines · CoT Studio' };

/** A dataset's review guidelines: read by everyone, written by admins (datasets:manage). */
export default async function GuidelinesPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  if (!id.success) notFound();
  let g;
  try {
    g = await getGuidelines(prisma(), id.data);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const user = requestUser(await headers());
  const mayEdit = !!user && can(user.role, 'datasets:manage');
  return (
    <div className="space-y-3">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">Guidelines · {g.datasetName}</h1>
        <Link href="/datasets" className="text-sm text-slate-500 hover:text-slate-800">
          ← Datasets
        </Link>
      </div>
      {mayEdit ? (
        <GuidelinesEditor initial={g} />
      ) : g.markdown.trim() ? (
        <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <MarkdownView source={g.markdown} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No guidelines yet. An admin can write them here.</p>
      )}
    </div>
  );
}
