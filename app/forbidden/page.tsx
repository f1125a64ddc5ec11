import Link from 'next/link';
import { headers } from 'next/headers';
import { requestUser } from '@/lib/auth/request-user';

// The proxy shows this page (status 403) when a signed-in user's role may not open a page.
export default async function ForbiddenPage() {
  const user = requestUser(await headers());
  return (
    <div className="mx-auto max-w-md pt-16 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold text-rose-700">403 · Not allowed</p>
      <h1 className="mt-2 text-lg font-semibold">This page needs a role you do not have</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are signed in as a <span className="font-medium">{user?.role ?? 'visitor'}</span>. Ask an admin if you need access.
      </p>
      <Link href="/datasets" className="mt-6 inline-block text-sm text-indigo-700 hover:underline">
        Back to datasets
      </Link>
    </div>
  );
}
