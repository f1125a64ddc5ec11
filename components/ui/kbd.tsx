export function Kbd({ children, tone = 'light' }: { children: React.ReactNode; tone?: 'light' | 'dark' }) {
  return (
    <kbd
      className={`inline-flex h-[18px] min-w-[18px] items-center justify-center rounded px-1 font-mono text-[10px] leading-none font-medium ${
        tone === 'dark' ? 'bg-white/20 text-white' : 'border border-slate-200 bg-slate-50 text-slate-500'
      }`}
    >
      {children}
    </kbd>
  );
}
