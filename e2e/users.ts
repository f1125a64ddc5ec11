// Known test accounts that scripts/e2e-server.ts creates in the e2e database. Test-only.
export const E2E_ADMIN = { email: 'e2e-admin@cot.test', password: 'e2e-admin-password', name: 'E2E Admin' } as const;
export const E2E_REVIEWER = { email: 'e2e-reviewer@cot.test', password: 'e2e-reviewer-password', name: 'E2E Reviewer' } as const;
/** A reviewer whose one assignment matches no item: every item route must refuse them (route-guard). */
export const E2E_OUTSIDER = { email: 'e2e-outsider@cot.test', password: 'e2e-outsider-password', name: 'E2E Outsider' } as const;
/** Signed-in browser state of E2E_ADMIN, written by e2e/auth.setup.ts, used by every spec by default. */
export const ADMIN_STATE = 'e2e/.artifacts/admin-state.json';
/** Signed-in state of E2E_REVIEWER, for specs that act as a reviewer. */
export const REVIEWER_STATE = 'e2e/.artifacts/reviewer-state.json';
/** Signed-in state of E2E_OUTSIDER. */
export const OUTSIDER_STATE = 'e2e/.artifacts/outsider-state.json';
/** No cookies: for specs that must start signed out. */
export const SIGNED_OUT = { cookies: [], origins: [] };
