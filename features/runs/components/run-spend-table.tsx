import type { ModelSpend } from '@/lib/runs/run-spend';
import { fmtCost, fmtInt } from './format';

/** A run's spend per model from the ledger: every attempt, failed and retried ones included. */
export function RunSpendTable({ spend }: { spend: ModelSpend[] }) {
  if (spend.length === 0) return <p className="text-xs text-slate-500">No model calls.</p>;
  return (
    <table className="w-full text-xs" data-testid="run-spend">
      <thead>
        <tr className="text-left text-slate-500">
          <th className="font-medium">model</th>
          <th className="text-right font-medium">calls</th>
          <th className="text-right font-medium">failed</th>
          <th className="text-right font-medium">retries</th>
          <th className="text-right font-medium">tokens in / out</th>
          <th className="text-right font-medium">cost</th>
        </tr>
      </thead>
      <tbody>
        {spend.map((s) => (
          <tr key={`${s.stage}-${s.model}`} className="text-slate-800">
            <td className="truncate font-mono">{s.model}</td>
            <td className="text-right tabular-nums">{fmtInt(s.calls)}</td>
            <td className="text-right tabular-nums">{fmtInt(s.failedCalls)}</td>
            <td className="text-right tabular-nums">{fmtInt(s.retries)}</td>
            <td className="text-right tabular-nums">
              {fmtInt(s.tokensIn)} / {fmtInt(s.tokensOut)}
            </td>
            <td className="text-right tabular-nums">{s.costUsd === null ? <span className="text-slate-400">no price set</span> : fmtCost(s.costUsd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
