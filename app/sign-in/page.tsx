import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata = { title: 'Sign in · CoT Studio' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = (await searchParams).next;
  return (
    <div className="flex justify-center pt-16">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
        <p className="mb-5 text-sm text-slate-500">Accounts are created by an admin of this studio.</p>
        <SignInForm next={typeof next === 'string' ? next : null} />
      </div>
    </div>
  );
}
