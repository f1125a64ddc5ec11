import { splitCot } from '@/lib/answers/extract';

// Model text is rendered as React text nodes only: a <script> inside a CoT is shown, never run.
export function CotText({ text }: { text: string }) {
  const { think, answer } = splitCot(text);
  if (think === null && answer === null) {
    return <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">{text}</pre>;
  }
  return (
    <div className="space-y-3 text-sm leading-relaxed">
      {think !== null && (
        <section>
          <div className="mb-1 font-mono text-[11px] uppercase tracking-wide text-slate-400">&lt;think&gt;</div>
          <p className="whitespace-pre-wrap break-words">{think}</p>
        </section>
      )}
      {answer !== null && (
        <section className="rounded-md bg-indigo-50 px-3 py-2 ring-1 ring-inset ring-indigo-100">
          <div className="mb-0.5 font-mono text-[11px] uppercase tracking-wide text-indigo-400">&lt;answer&gt;</div>
          <p className="whitespace-pre-wrap break-words font-medium text-indigo-900">{answer}</p>
        </section>
      )}
    </div>
  );
}
