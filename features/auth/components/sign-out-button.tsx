'use client';

import { useRouter } from 'next/navigation';
import { useSignOut } from '@/features/auth/api/sign-out';

export function SignOutButton() {
  const router = useRouter();
  const signOut = useSignOut();
  return (
    <button
      type="button"
      onClick={() =>
        signOut.mutate(undefined, {
          onSettled: () => {
            router.replace('/sign-in');
            // The layout (nav bar) was rendered for the signed-in user; render it again.
            router.refresh();
          },
        })
      }
      disabled={signOut.isPending}
      className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
    >
      Sign out
    </button>
  );
}
