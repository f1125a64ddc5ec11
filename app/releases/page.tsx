import { prisma } from '@/lib/db/client';
import { ReleasesView } from '@/features/rlpool/components/releases-view';

export default async function ReleasesPage() {
  const datasets = await prisma().dataset.findMany({ where: { isEvaluationSet: false }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Releases</h1>
      <p className="text-sm text-slate-600">
        A release is an export saved under a name, for good: its data file, manifest and dataset card (README.md) are kept read-only, with the item and CoT version of every record. Compare two
        releases to see what changed.
      </p>
      <ReleasesView datasets={datasets} />
    </div>
  );
}
