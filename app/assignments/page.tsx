import { headers } from 'next/headers';
import { prisma } from '@/lib/db/client';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { AssignmentsView } from '@/features/auth/components/assignments-view';

export const metadata = { title: 'Assignments · CoT Studio' };

export default async function AssignmentsPage() {
  const me = requireUser(await headers());
  const canManage = can(me.role, 'assignments:manage');
  const datasets = canManage ? (await listDatasets(prisma())).map((d) => ({ id: d.id, name: d.name })) : [];
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Assignments</h1>
      <AssignmentsView canManage={canManage} datasets={datasets} />
    </div>
  );
}
