'use client';

import { formatTimecode, frameAt } from '@/lib/media/frame-time';
import { PLAYBACK_RATES, type PlayerController } from './player-controller';
import { usePlayerState } from './use-player-state';
import { BackIcon, ForwardIcon, FrameBackIcon, FrameForwardIcon, FullscreenIcon, MutedIcon, PauseIcon, PlayIcon, SoundIcon } from './icons';

function ToolButton({ label, keys, onClick, children, testId }: { label: string; keys: string; onClick: () => void; children: React.ReactNode; testId?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={`${label} (${keys})`}
      aria-label={label}
      data-testid={testId}
      className="inline-flex h-7 w-7 items-center justify-center rounded text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
    >
      {children}
    </button>
  );
}

/** Transport, frame stepping, speed and a time display that counts frames at the probed rate. */
export function PlayerToolbar({ controller }: { controller: PlayerController }) {
  const s = usePlayerState(controller);
  const duration = s.duration ?? 0;
  const frame = frameAt(s.time, s.fps);
  const frames = duration > 0 ? Math.max(1, Math.round(duration * s.fps)) : null;
  return (
    <div className="flex items-center gap-1 text-slate-700" data-testid="player-toolbar">
      {/* ±5 s stay on ←/→; below 1280 px their buttons make room for the time display. */}
      <span className="hidden xl:contents">
        <ToolButton label="Back 5 seconds" keys="←" onClick={() => controller.skip(-5)}>
          <BackIcon />
        </ToolButton>
      </span>
      <ToolButton label="Previous frame" keys="," onClick={() => controller.step(-1)} testId="frame-back">
        <FrameBackIcon />
      </ToolButton>
      <button
        type="button"
        onClick={() => controller.togglePlay()}
        title={`${s.paused ? 'Play' : 'Pause'} (Space)`}
        aria-label={s.paused ? 'Play' : 'Pause'}
        className="inline-flex h-7 w-8 items-center justify-center rounded bg-slate-900 text-white hover:bg-slate-700"
      >
        {s.paused ? <PlayIcon /> : <PauseIcon />}
      </button>
      <ToolButton label="Next frame" keys="." onClick={() => controller.step(1)} testId="frame-forward">
        <FrameForwardIcon />
      </ToolButton>
      <span className="hidden xl:contents">
        <ToolButton label="Forward 5 seconds" keys="→" onClick={() => controller.skip(5)}>
          <ForwardIcon />
        </ToolButton>
      </span>

      {/* The time display gives way (clips the frame count) before it could run under the speed control. */}
      <div className="ml-2 flex min-w-0 flex-1 items-baseline gap-1.5 overflow-hidden font-mono text-[11px] whitespace-nowrap tabular-nums" data-testid="time-display">
        <span className="text-[12px] text-slate-900">{formatTimecode(s.time)}</span>
        <span className="text-slate-400">/ {formatTimecode(duration, false)}</span>
        <span className="min-w-0 truncate text-slate-500" title={s.fpsKnown ? `Frame ${frame} at the probed ${Number(s.fps.toFixed(3))} fps` : 'The video was not probed: 30 fps assumed'}>
          f{frame}
          {frames !== null && <span className="text-slate-400">/{frames}</span>}
          <span className="ml-1 text-slate-400">{s.fpsKnown ? `@${Number(s.fps.toFixed(2))}` : '@30?'}</span>
        </span>
      </div>

      <div className="ml-auto flex shrink-0 items-center gap-1" data-testid="player-right-controls">
        <label className="sr-only" htmlFor="playback-rate">
          Speed
        </label>
        <select
          id="playback-rate"
          value={s.rate}
          onChange={(e) => controller.setRate(Number(e.target.value))}
          title="Speed ([ slower, ] faster)"
          className="h-7 rounded border border-slate-200 bg-white px-0.5 font-mono text-[11px] text-slate-700 hover:border-slate-300"
          data-testid="playback-rate"
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
        <ToolButton label={s.muted ? 'Unmute' : 'Mute'} keys="M" onClick={() => controller.toggleMute()}>
          {s.muted ? <MutedIcon /> : <SoundIcon />}
        </ToolButton>
        <ToolButton label="Full screen" keys="F" onClick={() => controller.requestFullscreen()}>
          <FullscreenIcon />
        </ToolButton>
      </div>
    </div>
  );
}
