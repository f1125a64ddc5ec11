import { CotText } from './cot-text';
import { CorrectMark } from '@/components/ui/badges';

export type CotPanelVersion = {
  id: number;
  text: string;
  model: string | null;
  answerCorrect: boolean | null;
  answerScore: number | null;
  formatOk: boolean | null;
};

export function CotPanel({ title, version, testId }: { title: string; version: CotPanelVersion | null; testId: string }) {
  return (
    <section data-testid={testId} className="flex min-h-0 flex-col rounded-lg border border-slate-200 bg-white">
      <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {version && (
          <div className="flex items-center gap-3 text-xs text-slate-500">
            {version.model && <span className="font-mono">{version.model}</span>}
            {version.formatOk === false && <span className="text-amber-700">format ✗</span>}
            <CorrectMark correct={version.answerCorrect} score={version.answerScore} />
          </div>
        )}
      </header>
      <div className="overflow-auto px-4 py-3">
        {version ? <CotText text={version.text} /> : <p className="text-sm text-slate-400">None yet.</p>}
      </div>
    </section>
  );
}
