import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { prisma } from '@/lib/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeNext } from '@/lib/auth/safe-next';

export const metadata = { title: 'Sign in · CoT Studio' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = (await searchParams).next;
  const nextPath = typeof next === 'string' ? next : null;
  // The sign-in page is public, so the proxy does not say who is asking: check the session here,
  // and send someone already signed in where they were going.
  const h = await headers();
  const { user } = await authenticate(prisma(), { headers: h, secure: /(^|;\s*)__Secure-cot\.session_token=/.test(h.get('cookie') ?? '') });
  if (user) redirect(safeNext(nextPath));
  return (
    <div className="flex justify-center pt-16">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
        <p className="mb-5 text-sm text-slate-500">Accounts are created by an admin of this studio.</p>
        <SignInForm next={nextPath} />
      </div>
    </div>
  );
}
