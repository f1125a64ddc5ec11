'use client';

import { useEffect, useRef, useState } from 'react';

const control = 'h-7 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-700 focus:border-indigo-500 focus:outline-none';

/** A dropdown of checkboxes; the summary names what is picked. */
export function MultiSelect({ label, options, value, onChange, testId }: { label: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void; testId?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const summary = value.length === 0 ? 'any' : value.length === 1 ? (options.find((o) => o.value === value[0])?.label ?? value[0]) : `${value.length} selected`;
  return (
    <details ref={ref} className="relative" data-testid={testId}>
      <summary className={`${control} flex cursor-pointer list-none items-center gap-1 ${value.length ? 'border-indigo-400 bg-indigo-50' : ''}`}>
        <span className="text-slate-500">{label}:</span> <span className="max-w-[120px] truncate">{summary}</span> <span className="text-slate-400">▾</span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 max-h-72 min-w-[180px] overflow-auto rounded border border-slate-200 bg-white py-1 shadow-lg">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-center gap-2 px-3 py-1 text-xs hover:bg-slate-50">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
        {options.length === 0 && <p className="px-3 py-1 text-xs text-slate-400">none</p>}
      </div>
    </details>
  );
}

/** Any / yes / no for a boolean filter. */
export function TriState({ label, value, onChange, yes = 'yes', no = 'no', testId }: { label: string; value: boolean | undefined; onChange: (v: boolean | undefined) => void; yes?: string; no?: string; testId?: string }) {
  return (
    <label className="flex items-center gap-1 text-xs text-slate-500">
      {label}
      <select
        data-testid={testId}
        className={`${control} ${value !== undefined ? 'border-indigo-400 bg-indigo-50' : ''}`}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
      >
        <option value="">any</option>
        <option value="true">{yes}</option>
        <option value="false">{no}</option>
      </select>
    </label>
  );
}

/** A number input that applies its value on Enter or blur, not on every keystroke. */
function NumberField({ value, onCommit, placeholder, step, label }: { value: number | undefined; onCommit: (v: number | undefined) => void; placeholder: string; step: string; label: string }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // Follow the URL when it changes elsewhere (back button, "clear filters").
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value === undefined ? '' : String(value));
  }
  const commit = () => {
    const t = text.trim();
    const n = t === '' ? undefined : Number(t);
    if (n !== undefined && !Number.isFinite(n)) return setText(value === undefined ? '' : String(value));
    if (n !== value) onCommit(n);
  };
  return (
    <input
      aria-label={label}
      className={`${control} w-14 ${value !== undefined ? 'border-indigo-400 bg-indigo-50' : ''}`}
      inputMode="decimal"
      step={step}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function RangeField({ label, min, max, onChange, step = '0.05', placeholders = ['0', '1'] }: { label: string; min: number | undefined; max: number | undefined; onChange: (min: number | undefined, max: number | undefined) => void; step?: string; placeholders?: [string, string] }) {
  return (
    <span className="flex items-center gap-1 text-xs text-slate-500">
      {label}
      <NumberField label={`${label} from`} value={min} onCommit={(v) => onChange(v, max)} placeholder={placeholders[0]} step={step} />
      –
      <NumberField label={`${label} to`} value={max} onCommit={(v) => onChange(min, v)} placeholder={placeholders[1]} step={step} />
    </span>
  );
}

/** Text search: applies on Enter or after a pause in typing. */
export function SearchField({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  useEffect(() => {
    const t = text.trim();
    if (t === (value ?? '')) return;
    const timer = setTimeout(() => onChange(t === '' ? undefined : t.slice(0, 200)), 500);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <input
      type="search"
      aria-label="Search questions and CoTs"
      data-testid="filter-search"
      className={`${control} w-56`}
      placeholder="Search question, CoT or problem id…"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          const t = text.trim();
          onChange(t === '' ? undefined : t.slice(0, 200));
        }
      }}
    />
  );
}
