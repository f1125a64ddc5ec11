import Link from 'next/link';
import { headers } from 'next/headers';
import { requestUser, requestUserEmail } from '@/lib/auth/request-user';
import { accessFor, decide } from '@/lib/auth/permissions';
import { SignOutButton } from '@/features/auth/components/sign-out-button';

// `more`: below 1280 px these sit in a "More" menu, so the row never overflows at 1024 px.
const LINKS = [
  { href: '/datasets', label: 'Datasets' },
  { href: '/items', label: 'Items' },
  { href: '/queue', label: 'Next for me' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/runs', label: 'Runs' },
  { href: '/exports', label: 'Exports' },
  { href: '/releases', label: 'Releases', more: true },
  { href: '/assignments', label: 'Assignments', more: true },
  { href: '/adjudication', label: 'Adjudication', more: true },
  { href: '/audit', label: 'Audit', more: true },
  { href: '/users', label: 'Users', more: true },
];

export async function NavBar() {
  const h = await headers();
  const user = requestUser(h);
  // The permission table decides which links a role sees, so the nav never offers a 403.
  const links = user ? LINKS.filter((l) => decide(accessFor('GET', l.href).access, user.role) === 'allow') : [];
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4 whitespace-nowrap xl:gap-6" data-testid="nav-row">
        <Link href="/datasets" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-fuchsia-500" aria-hidden />
          CoT Studio
        </Link>
        {/* One line at any width: the links scroll sideways before they would wrap. */}
        <nav className="flex min-w-0 gap-0.5 overflow-x-auto text-sm xl:gap-1" data-testid="nav-links">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className={`shrink-0 rounded px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 xl:px-2.5 ${l.more ? 'hidden xl:block' : ''}`}>
              {l.label}
            </Link>
          ))}
        </nav>
        {links.some((l) => l.more) && (
          <details className="relative shrink-0 text-sm xl:hidden" data-testid="nav-more">
            <summary className="cursor-pointer list-none rounded px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">More ▾</summary>
            <div className="absolute left-0 z-40 mt-1 flex min-w-[10rem] flex-col rounded-md border border-slate-200 bg-white py-1 shadow-lg">
              {links
                .filter((l) => l.more)
                .map((l) => (
                  <Link key={l.href} href={l.href} className="px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                    {l.label}
                  </Link>
                ))}
            </div>
          </details>
        )}
        {user && (
          <div className="ml-auto flex min-w-0 shrink-0 items-center gap-2 text-sm" data-testid="user-menu">
            <Link href="/account" className="max-w-[12rem] truncate rounded px-2 py-1 text-slate-700 hover:bg-slate-100 xl:max-w-[20rem]" title={`${requestUserEmail(h)}: your account and API tokens`}>
              <span className="hidden xl:inline">{requestUserEmail(h)}</span>
              <span className="xl:hidden">Account</span>
            </Link>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600" data-testid="user-role">
              {user.role}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
