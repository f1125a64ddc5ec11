import { matchRoutePattern } from './route-pattern';

// The permission table: who may do what, and which route needs which permission. proxy.ts
// enforces it for every page and API request, in one place; route handlers never re-decide
// access (they only read who the user is, via lib/auth/request-user.ts). The README prints
// these tables: keep them in step.

export const ROLES = ['admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'items:read': 'see datasets, items, media and the dashboard',
  'review:write': 'accept, reject, skip and edit items',
  'bulk:write': 'bulk decisions and acceptance samples (within assigned work)',
  'assignments:read': 'see assignments (a reviewer sees their own)',
  'account:self': 'own profile, password and API tokens',
  'datasets:manage': 'create datasets and import records',
  'exports:manage': 'export datasets and download exports',
  'runs:manage': 'start and cancel pipeline runs, model configuration, workers',
  'assignments:manage': 'assign filters to reviewers, set required reviews',
  'users:manage': 'create users, change roles, disable accounts, revoke anyone’s tokens',
  'audit:read': 'read the audit log',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  reviewer: ['items:read', 'review:write', 'bulk:write', 'assignments:read', 'account:self'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What a route needs. `public`: anyone, signed in or not. `closed`: nobody (answers 404, for
 * auth-library endpoints the studio does not use). `admin-only`: what an unmapped route gets.
 */
export type Access = Permission | 'public' | 'closed' | 'admin-only';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
const READ: readonly Method[] = ['GET', 'HEAD'];
const WRITE: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const ANY = '*' as const;

export type RouteRule = {
  /** Path pattern: literal segments, `[param]` for one segment, `**` for any number (also none). */
  pattern: string;
  methods: readonly Method[] | typeof ANY;
  access: Access;
};

/**
 * First match wins, so specific patterns come before broad ones. Pages are matched by path like
 * API routes; a page's non-GET requests are its server actions, so they need the write permission.
 * Anything unmatched is admin-only: a route added without an entry is never open to reviewers
 * (and the route-guard test fails until it gets one).
 */
export const ROUTE_RULES: readonly RouteRule[] = [
  // Signing in, the health probe and signed Batch API frame links are the only ways in without a session.
  { pattern: '/sign-in', methods: ANY, access: 'public' },
  { pattern: '/api/health', methods: READ, access: 'public' },
  // A Batch API frame (COT_<STAGE>_BATCH_FRAMES=url): the provider has no session; the signed,
  // expiring token in the path is checked by the handler (lib/pipeline/batch/frame-urls.ts).
  { pattern: '/api/frames/[token]', methods: READ, access: 'public' },
  { pattern: '/api/auth/sign-in/email', methods: ['POST'], access: 'public' },
  { pattern: '/api/auth/sign-out', methods: ['POST'], access: 'public' },
  { pattern: '/api/auth/get-session', methods: READ, access: 'public' },
  { pattern: '/api/auth/change-password', methods: ['POST'], access: 'account:self' },
  // The rest of the auth library's endpoints (sign-up, account linking, …) are not used.
  { pattern: '/api/auth/**', methods: ANY, access: 'closed' },

  // Own account, API tokens (a handler lets users:manage revoke anyone's), who am I.
  { pattern: '/account/**', methods: ANY, access: 'account:self' },
  { pattern: '/forbidden', methods: ANY, access: 'account:self' },
  { pattern: '/api/me', methods: READ, access: 'account:self' },
  { pattern: '/api/tokens/**', methods: ANY, access: 'account:self' },

  // Reviewing: reading items and media, decisions and edits on one item.
  { pattern: '/', methods: READ, access: 'items:read' },
  { pattern: '/items/**', methods: READ, access: 'items:read' },
  { pattern: '/items/**', methods: WRITE, access: 'review:write' },
  { pattern: '/api/items/**', methods: READ, access: 'items:read' },
  { pattern: '/api/items/**', methods: WRITE, access: 'review:write' },
  { pattern: '/api/media/**', methods: READ, access: 'items:read' },
  { pattern: '/dashboard/**', methods: READ, access: 'items:read' },
  { pattern: '/api/dashboard/**', methods: READ, access: 'items:read' },
  // The import page shows the server's media roots and starts imports: admins only.
  { pattern: '/datasets/import/**', methods: ANY, access: 'datasets:manage' },
  { pattern: '/datasets/**', methods: READ, access: 'items:read' },
  { pattern: '/api/datasets/**', methods: READ, access: 'items:read' },

  // "Next for me": a reviewer's queue over their assignments (claims items for them).
  { pattern: '/queue', methods: READ, access: 'items:read' },
  { pattern: '/api/queue/**', methods: WRITE, access: 'review:write' },
  // Adjudicating reviewers' disagreements: admins.
  { pattern: '/adjudication/**', methods: ANY, access: 'assignments:manage' },
  { pattern: '/api/adjudication/**', methods: ANY, access: 'assignments:manage' },

  // Bulk decisions and acceptance samples (the handlers limit reviewers to assigned work).
  { pattern: '/api/bulk/**', methods: READ, access: 'items:read' },
  { pattern: '/api/bulk/**', methods: WRITE, access: 'bulk:write' },
  { pattern: '/api/samples/**', methods: READ, access: 'items:read' },
  { pattern: '/api/samples/**', methods: WRITE, access: 'bulk:write' },

  // Assignments: reviewers see theirs, admins manage them.
  { pattern: '/assignments/**', methods: READ, access: 'assignments:read' },
  { pattern: '/api/assignments/**', methods: READ, access: 'assignments:read' },
  { pattern: '/assignments/**', methods: WRITE, access: 'assignments:manage' },
  { pattern: '/api/assignments/**', methods: WRITE, access: 'assignments:manage' },

  // A user's own saved views and table layouts (shared views are listed to everyone who reads items).
  { pattern: '/api/views/**', methods: ANY, access: 'items:read' },
  { pattern: '/api/table-layout/**', methods: ANY, access: 'items:read' },

  // Administration.
  { pattern: '/datasets/**', methods: WRITE, access: 'datasets:manage' },
  { pattern: '/api/datasets/**', methods: WRITE, access: 'datasets:manage' },
  { pattern: '/api/imports/**', methods: ANY, access: 'datasets:manage' },
  { pattern: '/exports/**', methods: ANY, access: 'exports:manage' },
  { pattern: '/api/exports/**', methods: ANY, access: 'exports:manage' },
  { pattern: '/releases/**', methods: ANY, access: 'exports:manage' },
  { pattern: '/api/releases/**', methods: ANY, access: 'exports:manage' },
  { pattern: '/runs/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/api/runs/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/api/workers/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/api/models/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/settings/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/api/settings/**', methods: ANY, access: 'runs:manage' },
  { pattern: '/users/**', methods: ANY, access: 'users:manage' },
  { pattern: '/api/users/**', methods: ANY, access: 'users:manage' },
  { pattern: '/audit/**', methods: ANY, access: 'audit:read' },
  { pattern: '/api/audit/**', methods: ANY, access: 'audit:read' },
];

export type ResolvedAccess = { access: Access; rule: RouteRule | null };

/** The access a request needs; HEAD is treated as GET. */
export function accessFor(method: string, pathname: string): ResolvedAccess {
  const m = (method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase()) as Method;
  const path = normalisePath(pathname);
  for (const rule of ROUTE_RULES) {
    if (rule.methods !== ANY && !rule.methods.includes(m) && !(m === 'GET' && rule.methods.includes('HEAD'))) continue;
    if (matchRoutePattern(rule.pattern, path)) return { access: rule.access, rule };
  }
  return { access: 'admin-only', rule: null };
}

/** Collapses `//`, drops a trailing slash and resolves `.`/`..` so a path cannot dodge its rule. */
export function normalisePath(pathname: string): string {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      seg = raw;
    }
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(raw);
  }
  return `/${out.join('/')}`;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'not-found';

/** The whole rule in one function: what happens to a request with this access and this user. */
export function decide(access: Access, role: Role | null): AccessDecision {
  if (access === 'public') return 'allow';
  if (access === 'closed') return 'not-found';
  if (!role) return 'unauthenticated';
  if (access === 'admin-only') return role === 'admin' ? 'allow' : 'forbidden';
  return can(role, access) ? 'allow' : 'forbidden';
}
