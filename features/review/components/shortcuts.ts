// The keyboard map of the review page: one list feeds the key hints on buttons and the `?` overlay.
export type Shortcut = { keys: string[]; label: string };

export const SHORTCUT_GROUPS: { title: string; items: Shortcut[] }[] = [
  {
    title: 'Decide',
    items: [
      { keys: ['A'], label: 'Accept the right-hand CoT (revision, or the edit shown)' },
      { keys: ['D'], label: 'Accept the draft' },
      { keys: ['E'], label: 'Edit the right-hand CoT' },
      { keys: ['Shift', 'E'], label: 'Edit the draft' },
      { keys: ['R'], label: 'Reject with a reason' },
      { keys: ['S'], label: 'Skip: decide later' },
      { keys: ['U'], label: 'Undo the last decision' },
    ],
  },
  {
    title: 'Move through the list',
    items: [
      { keys: ['J'], label: 'Next item' },
      { keys: ['K'], label: 'Previous item' },
    ],
  },
  {
    title: 'Video',
    items: [
      { keys: ['Space'], label: 'Play / pause' },
      { keys: ['←', '→'], label: 'Back / forward 5 seconds' },
      { keys: [',', '.'], label: 'Previous / next frame' },
      { keys: ['[', ']'], label: 'Slower / faster (0.25×–2×)' },
      { keys: ['0'], label: 'Back to the start' },
      { keys: ['M'], label: 'Mute / unmute' },
      { keys: ['F'], label: 'Full screen' },
    ],
  },
  {
    title: 'View',
    items: [
      { keys: ['V'], label: 'Word diff of draft and revision' },
      { keys: ['H'], label: 'History: every version and decision' },
      { keys: ['G'], label: 'Guidelines of this dataset (side panel)' },
      { keys: ['?'], label: 'This help' },
      { keys: ['Esc'], label: 'Close a dialog or the editor' },
    ],
  },
  {
    // components/steps/use-step-review.ts; 1 / 0 / − only act while the steps view is on, so
    // 0 still seeks the video's start in the full-text view.
    title: 'Steps (T toggles the numbered-steps view)',
    items: [
      { keys: ['T'], label: 'Numbered steps / full text' },
      { keys: ['↑', '↓'], label: 'Previous / next step (also Shift+Tab / Tab)' },
      { keys: ['1'], label: 'Step correct (+1)' },
      { keys: ['0'], label: 'Step neutral (0)' },
      { keys: ['−'], label: 'Step wrong (−1)' },
      { keys: ['⌫'], label: 'Clear the step’s verdict' },
      { keys: ['N'], label: 'Note on the step' },
      { keys: ['X'], label: 'Stop at the first error (the rest unreviewed)' },
      { keys: ['C'], label: 'Switch between draft and right-hand CoT' },
    ],
  },
  {
    title: 'In the editor',
    items: [
      { keys: ['Ctrl', '↵'], label: 'Save as a new version and accept' },
      { keys: ['Ctrl', 'S'], label: 'Save as a new version' },
      { keys: ['Esc'], label: 'Close (the edit is kept locally)' },
    ],
  },
  {
    title: 'In the reject dialog',
    items: [
      { keys: ['1', '…', '8'], label: 'Pick a reason' },
      { keys: ['↵'], label: 'Reject' },
    ],
  },
];
