import { headers } from 'next/headers';
import { prisma } from '@/lib/db/client';
import { requireUser } from '@/lib/auth/require-user';
import { getCurrentUser } from '@/lib/auth/users/get-current-user';
import { ApiTokensPanel } from '@/features/auth/components/api-tokens-panel';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';

export const metadata = { title: 'Account · CoT Studio' };

export default async function AccountPage() {
  const me = await getCurrentUser(prisma(), requireUser(await headers()).id);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold">Your account</h1>
        <p className="text-sm text-slate-600">
          {me.name} · {me.email} · <span className="font-medium">{me.role}</span>
        </p>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <ApiTokensPanel scope="mine" />
        <ChangePasswordForm />
      </div>
    </div>
  );
}
