import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from '@/lib/guidelines/markdown';

// Renders lib/guidelines/markdown.ts's tree as React elements: text is always text (React escapes
// it), so HTML in the guidelines is shown, never run.

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'code':
        return (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">
            {n.text}
          </code>
        );
      case 'link': {
        const external = /^(https?:|mailto:)/i.test(n.href);
        return (
          <a key={i} href={n.href} className="text-indigo-700 underline" {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}>
            {inline(n.children)}
          </a>
        );
      }
    }
  });
}

const HEADING = ['text-base font-semibold', 'text-sm font-semibold', 'text-sm font-semibold text-slate-700', 'text-xs font-semibold uppercase tracking-wide text-slate-500'];

export function MarkdownView({ source, className = '' }: { source: string; className?: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div className={`space-y-2 text-[13px] leading-relaxed text-slate-800 ${className}`} data-testid="markdown">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const H = `h${Math.min(b.level + 2, 6)}` as 'h3';
            return (
              <H key={i} className={HEADING[b.level - 1]}>
                {inline(b.children)}
              </H>
            );
          }
          case 'paragraph':
            return <p key={i}>{inline(b.children)}</p>;
          case 'list': {
            const L = b.ordered ? 'ol' : 'ul';
            return (
              <L key={i} className={`space-y-0.5 pl-5 ${b.ordered ? 'list-decimal' : 'list-disc'}`}>
                {b.items.map((it, j) => (
                  <li key={j}>{inline(it)}</li>
                ))}
              </L>
            );
          }
          case 'quote':
            return (
              <blockquote key={i} className="border-l-2 border-slate-300 pl-3 text-slate-600">
                {inline(b.children)}
              </blockquote>
            );
          case 'code':
            return (
              <pre key={i} className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
                {b.text}
              </pre>
            );
          case 'rule':
            return <hr key={i} className="border-slate-200" />;
        }
      })}
    </div>
  );
}
