import { DEFAULT_OPEN_ENDED_MIN_SCORE } from './answer-check-rule';

// COT_CHECK_OPEN_ENDED_MIN_SCORE for modules the browser also loads (lib/items/filter.ts), which
// must not import lib/config.ts (node-only). lib/config.ts fills it in when it reads the
// environment, which every server process does before its first query (lib/db/client.ts).
export const answerThreshold = { openEndedMinScore: DEFAULT_OPEN_ENDED_MIN_SCORE };
