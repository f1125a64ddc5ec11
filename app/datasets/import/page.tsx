import Link from 'next/link';
import { Suspense } from 'react';
import { headers } from 'next/headers';
import { prisma } from '@/lib/db/client';
import { requestUser } from '@/lib/auth/request-user';
import { can } from '@/lib/auth/permissions';
import { ImportForm } from '@/features/imports/components/import-form';
import { RecentImports } from '@/features/imports/components/recent-imports';

export default async function ImportPage() {
  const user = requestUser(await headers());
  // The page is readable by every role (it is under /datasets), importing is not: say so up front.
  const mayImport = !!user && can(user.role, 'datasets:manage');
  const datasets = await prisma().dataset.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, mediaRoot: true } });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">Import a dataset</h1>
        <Link href="/datasets" className="text-sm text-slate-500 hover:text-slate-800">
          ← Datasets
        </Link>
      </div>
      {mayImport ? (
        <>
          <Suspense>
            <ImportForm datasets={datasets} />
          </Suspense>
          <RecentImports />
        </>
      ) : (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="import-not-allowed">
          Importing records needs the admin role; you are signed in as a {user?.role ?? 'guest'}. Ask an admin to import the file, or to change your role.
        </p>
      )}
    </div>
  );
}
