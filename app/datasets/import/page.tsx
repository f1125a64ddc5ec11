import Link from 'next/link';
import { prisma } from '@/lib/db/client';
import { ImportForm } from './import-form';
import { RecentImports } from './recent-imports';

export default async function ImportPage() {
  const datasets = await prisma().dataset.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, mediaRoot: true } });
  return (
    <div className="space-y-4">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">Import a dataset</h1>
        <Link href="/datasets" className="text-sm text-slate-500 hover:text-slate-800">
          ← Datasets
        </Link>
      </div>
      <ImportForm datasets={datasets} />
      <RecentImports />
    </div>
  );
}
