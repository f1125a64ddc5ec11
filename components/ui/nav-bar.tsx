import Link from 'next/link';

const LINKS = [
  { href: '/datasets', label: 'Datasets' },
  { href: '/items', label: 'Items' },
  { href: '/exports', label: 'Exports' },
];

export function NavBar() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-4">
        <Link href="/datasets" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-fuchsia-500" aria-hidden />
          CoT Studio
        </Link>
        <nav className="flex gap-1 text-sm">
          {LINKS.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2.5 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {l.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
