import { openEndedMinScore } from '@/lib/answers/answer-check-sql';
import { AnswerThresholdProvider } from '@/components/cot/answer-threshold-context';
import { AdjudicationView } from '@/features/adjudication/components/adjudication-view';

export const metadata = { title: 'Adjudication · CoT Studio' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Items whose reviewers disagreed, settled by an admin (lib/review/adjudication.ts). */
export default async function AdjudicationPage({ searchParams }: Props) {
  const sp = await searchParams;
  const q = new URLSearchParams();
  for (const k of ['dataset', 'assignment'] as const) {
    const v = sp[k];
    if (typeof v === 'string' && /^\d+$/.test(v)) q.set(k, v);
  }
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">Adjudication</h1>
      <AnswerThresholdProvider value={openEndedMinScore()}>
        <AdjudicationView query={q.toString()} />
      </AnswerThresholdProvider>
    </div>
  );
}
