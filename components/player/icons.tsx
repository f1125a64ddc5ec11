// Small stroke icons for the player toolbar (inline, so nothing is fetched).
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const PlayIcon = () => (
  <svg {...base} fill="currentColor" stroke="none" aria-hidden>
    <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.3-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...base} fill="currentColor" stroke="none" aria-hidden>
    <rect x="3.5" y="2.5" width="3" height="11" rx=".6" />
    <rect x="9.5" y="2.5" width="3" height="11" rx=".6" />
  </svg>
);
export const FrameBackIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M3.5 3v10M12.5 3.5 6.5 8l6 4.5Z" />
  </svg>
);
export const FrameForwardIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M12.5 3v10M3.5 3.5 9.5 8l-6 4.5Z" />
  </svg>
);
export const BackIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M7.5 4 3.5 8l4 4M12.5 4l-4 4 4 4" />
  </svg>
);
export const ForwardIcon = () => (
  <svg {...base} aria-hidden>
    <path d="m8.5 4 4 4-4 4M3.5 4l4 4-4 4" />
  </svg>
);
export const MutedIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M2.5 6v4h2.5l3.5 3V3L5 6ZM11 6l3 4M14 6l-3 4" />
  </svg>
);
export const SoundIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M2.5 6v4h2.5l3.5 3V3L5 6ZM11 5.5a3.5 3.5 0 0 1 0 5M12.8 3.8a6 6 0 0 1 0 8.4" />
  </svg>
);
export const FullscreenIcon = () => (
  <svg {...base} aria-hidden>
    <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
  </svg>
);
