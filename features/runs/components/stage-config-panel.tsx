'use client';

import type { StageConfig } from '@/features/runs/api/stage-config';

/** Each stage's endpoint as configured (COT_<STAGE>_* variables), without the key. */
export function StageConfigPanel({ config }: { config: StageConfig | undefined }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="stage-config-panel">
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">Model endpoints</h2>
        {config && (
          <span className="text-xs text-slate-500">
            frames {config.frames.fps} fps · max {config.frames.maxFrames} · {config.frames.maxSide}px
          </span>
        )}
      </header>
      <table className="w-full text-xs">
        <tbody className="divide-y divide-slate-100">
          {(config?.stages ?? []).map((s) => (
            <tr key={s.stage}>
              <td className="w-24 px-3 py-1.5 font-mono text-slate-700">{s.stage}</td>
              <td className="px-3 py-1.5">
                {s.stage === 'check' ? (
                  <span className="text-slate-500">
                    no model · open-ended kept at score ≥ {config?.check.openEndedMinScore}
                    {config?.check.minConsistency !== null ? ` · consistency ≥ ${config?.check.minConsistency}` : ''}
                  </span>
                ) : s.model ? (
                  <span className="text-slate-800">
                    <span className="font-medium">{s.model.model}</span>
                    <span className="text-slate-500"> at </span>
                    <span className="font-mono">{s.model.baseUrl}</span>
                    <span className="text-slate-500">
                      {' '}
                      · key {s.model.apiKeyEnv ?? 'none'} · {s.model.maxConcurrency} at once{s.model.rpm ? ` · ${s.model.rpm}/min` : ''}
                      {s.model.videoInput === 'video_url' && (s.stage === 'represent' || s.stage === 'revise') ? ' · video_url' : ''}
                    </span>
                  </span>
                ) : (
                  <span className="text-amber-700">not configured — set COT_{s.stage.toUpperCase()}_BASE_URL{s.stage === 'consistency' ? '' : ' or COT_DEFAULT_BASE_URL'}</span>
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-1.5 text-right font-mono text-slate-500">{s.defaultPromptVersion ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
