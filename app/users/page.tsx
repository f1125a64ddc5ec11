import { headers } from 'next/headers';
import { requireUser } from '@/lib/auth/require-user';
import { UsersAdmin } from '@/features/auth/components/users-admin';
import { ApiTokensPanel } from '@/features/auth/components/api-tokens-panel';

export const metadata = { title: 'Users · CoT Studio' };

export default async function UsersPage() {
  const me = requireUser(await headers());
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Users</h1>
      <UsersAdmin currentUserId={me.id} />
      <ApiTokensPanel scope="all" />
    </div>
  );
}
