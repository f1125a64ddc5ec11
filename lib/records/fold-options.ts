// VideoRFT's trainers read `problem` alone, so multiple-choice options must be inside it (one
// per line); Video-R1's trainers append "Options:" and the list themselves, so the problem must
// not hold them. Imported problems come both ways: these functions recognise which, and move
// between the two without doubling or losing an option.

const OPTIONS_HEADER = /^\s*options\s*:?\s*$/i;
// "A. text", "A) text", "(A) text", "A: text" — the letter forms datasets use.
const LETTERED = /^\s*\(?([A-Za-z])\s*[.):]\s*(.*?)\s*$/;

/** An option line reduced to what identifies it: its letter (upper case) and text, whatever the marker. */
function optionKey(line: string): string {
  const m = LETTERED.exec(line);
  return m ? `${m[1]!.toUpperCase()}\u0000${m[2]}` : line.trim();
}

function trailingOptionLines(problem: string, options: string[]): { stemLines: string[] } | null {
  if (options.length === 0) return null;
  const lines = problem.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length < options.length) return null;
  const tail = lines.slice(lines.length - options.length);
  for (let i = 0; i < options.length; i++) {
    if (optionKey(tail[i]!) !== optionKey(options[i]!)) return null;
  }
  const stemLines = lines.slice(0, lines.length - options.length);
  if (stemLines.length > 0 && OPTIONS_HEADER.test(stemLines[stemLines.length - 1]!)) stemLines.pop();
  return { stemLines };
}

/**
 * Whether the problem already lists every option on a line of its own, anywhere, in the `A.` or
 * `A)` form whichever form the options list uses.
 */
export function optionsListed(problem: string, options: string[]): boolean {
  if (options.length === 0) return false;
  const lines = new Set(problem.split('\n').map(optionKey));
  return options.every((o) => lines.has(optionKey(o)));
}

/** Whether the problem already ends with the options, one per line (an "Options:" line may precede them). */
export function optionsInProblem(problem: string, options: string[]): boolean {
  return trailingOptionLines(problem, options) !== null;
}

/**
 * The problem as a trainer wants it: `fold: true` puts the options inside (VideoRFT), `fold:
 * false` takes them out (Video-R1), `undefined` leaves the problem as it was imported. No
 * options: the problem as it is (never an empty options block); options already listed: never
 * listed twice.
 */
export function foldOptions(problem: string, options: string[], fold: boolean | undefined): string {
  if (fold === undefined || options.length === 0) return problem;
  const found = trailingOptionLines(problem, options);
  if (fold) return found || optionsListed(problem, options) ? problem : `${problem}\n${options.join('\n')}`;
  if (!found) return problem;
  return found.stemLines.join('\n').replace(/\s+$/, '');
}
