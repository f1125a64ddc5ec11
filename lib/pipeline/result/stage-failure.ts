/**
 * A failure that belongs to the item, not the infrastructure: the model's output did not parse,
 * the item lacks what the stage needs, or the endpoint refused after every retry. It is recorded
 * on the result (with the raw text, when there is one) and the job is acknowledged; the user
 * retries it from the jobs page. The message is what failures are grouped by, so it names the
 * problem, never the item.
 */
export class StageFailure extends Error {
  readonly raw: string | null;
  readonly usage: Usage | null;

  constructor(message: string, opts: { raw?: string | null; usage?: Usage | null } = {}) {
    super(message);
    this.name = 'StageFailure';
    this.raw = opts.raw ?? null;
    this.usage = opts.usage ?? null;
  }
}

/** Runs a parser over a reply: the tokens were spent even when the reply is unusable, so a
 * parse failure carries the exchange's usage — and, given `wholeBody`, the whole response
 * (content, reasoning_content, usage) as done results keep it, not just the content. */
export function parseSpent<T>(usage: Usage, parse: () => T, wholeBody?: string): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof StageFailure) throw new StageFailure(e.message, { raw: wholeBody ?? e.raw, usage });
    throw e;
  }
}

/** What one model exchange cost. */
export type Usage = { tokensIn: number; tokensOut: number; latencyMs: number; costUsd: number };

export const NO_USAGE: Usage = { tokensIn: 0, tokensOut: 0, latencyMs: 0, costUsd: 0 };

/** A result that needs no work (e.g. nothing to check); counted as skipped, with the reason. */
export class StageSkip extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StageSkip';
  }
}
