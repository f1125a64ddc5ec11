import { betterAuth } from 'better-auth/minimal';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { PrismaClient } from '@/generated/prisma/client';
import { config } from '../config';
import { prisma } from '../db/client';
import { recordAudit } from '../audit/record-event';
import { log } from '../log';
import { authSecret } from './secret';
import { clientIp, requestOrigin } from './request-info';
import { consumePasswordAttempt, releasePasswordAttempt, storedIdentifier, type ThrottleKeys } from './sign-in-throttle';

// Email + password sign-in and database sessions, by better-auth with its Prisma adapter.
// Sign-up is off: accounts are made by an admin (lib/auth/users) or at set-up.
// Cookies: httpOnly, SameSite=Lax, and Secure with the __Secure- prefix when the request came
// over https — which is why there is one instance per scheme (better-auth fixes the cookie
// name when it is created).

// The adapter keeps the client it is given; this stand-in always forwards to the process's
// current one, so a reconnect (tests, database restarts) never leaves auth on a closed pool.
const currentClient = new Proxy({} as PrismaClient, {
  get: (_target, key) => {
    const client = prisma() as unknown as Record<string | symbol, unknown>;
    const value = client[key];
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

function build(secure: boolean) {
  const cfg = config();
  return betterAuth({
    appName: 'CoT Studio',
    secret: authSecret(),
    database: prismaAdapter(currentClient, { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'reviewer' },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: { expiresIn: cfg.sessionDays * 24 * 3600, updateAge: 24 * 3600 },
    // Sign-in throttling is ours (lib/auth/sign-in-throttle.ts), in the database; the library's
    // limiter keeps its counts in process memory.
    rateLimit: { enabled: false },
    trustedOrigins: (request) => [...(request ? [requestOrigin(request)] : []), ...cfg.trustedOrigins],
    advanced: { useSecureCookies: secure, cookiePrefix: 'cot' },
    telemetry: { enabled: false },
    logger: { level: 'error', log: (level, message) => log(level === 'error' ? 'error' : 'warn', `auth: ${message}`) },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const keys = await passwordAttemptKeys(ctx);
        if (keys) {
          const refusal = await consumePasswordAttempt(prisma(), keys);
          if (refusal) {
            // Once per limit and window (not per refused request): the audit log stays bounded.
            if (refusal.first) {
              await recordAudit(prisma(), { actorId: null, action: 'auth.sign-in-throttled', subjectType: 'email', subjectId: storedIdentifier(keys.account), data: { ip: keys.address, limit: refusal.limit, scope: keys.scope } });
            }
            throw new APIError(
              'TOO_MANY_REQUESTS',
              { code: 'TOO_MANY_REQUESTS', message: `Too many failed attempts. Try again in ${Math.ceil(refusal.retryAfter / 60)} minute(s).` },
              { 'retry-after': String(refusal.retryAfter) },
            );
          }
        }
        if (ctx.path === '/sign-out') {
          const current = await getSessionFromCtx(ctx).catch(() => null);
          if (current) await recordAudit(prisma(), { actorId: current.user.id, action: 'auth.sign-out', subjectType: 'user', subjectId: current.user.id });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const keys = await passwordAttemptKeys(ctx);
        if (!keys) return;
        const ip = keys.address;
        const returned = ctx.context.returned;
        const refused = returned instanceof APIError;
        if (refused && returned.status === 'TOO_MANY_REQUESTS') return;
        if (ctx.path === '/change-password') {
          if (!refused) await releasePasswordAttempt(prisma(), keys);
          return;
        }
        const created = ctx.context.newSession;
        if (created) {
          await releasePasswordAttempt(prisma(), keys);
          await recordAudit(prisma(), { actorId: created.user.id, action: 'auth.sign-in', subjectType: 'user', subjectId: created.user.id, data: { ip, userAgent: ctx.headers?.get('user-agent')?.slice(0, 512) ?? null } });
        } else if (refused) {
          await recordAudit(prisma(), { actorId: null, action: 'auth.sign-in-failed', subjectType: 'email', subjectId: storedIdentifier(keys.account), data: { ip, reason: returned.message.slice(0, 200) } });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await prisma().user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled.' });
          },
        },
      },
    },
  });
}

/**
 * The throttle keys of a password attempt: sign-in (the email it names) and change-password
 * (the signed-in user's email), each with the client's address. Null for other endpoints.
 */
async function passwordAttemptKeys(ctx: { path: string; body?: unknown; headers?: Headers }): Promise<ThrottleKeys | null> {
  const address = clientIp(ctx.headers);
  if (ctx.path === '/sign-in/email') {
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    return { scope: 'sign-in', account: typeof email === 'string' ? email : '', address };
  }
  if (ctx.path === '/change-password') {
    const session = await getSessionFromCtx(ctx as Parameters<typeof getSessionFromCtx>[0]).catch(() => null);
    return session ? { scope: 'change-password', account: session.user.email, address } : null;
  }
  return null;
}

type Auth = ReturnType<typeof build>;
const g = globalThis as unknown as { __cotAuth?: Map<string, Auth> };

/** The auth instance for a scheme; one per process and database, like the Prisma client. */
export function auth(opts: { secure: boolean }): Auth {
  g.__cotAuth ??= new Map();
  const key = `${opts.secure ? 'https' : 'http'}|${process.env.DATABASE_URL ?? ''}`;
  let instance = g.__cotAuth.get(key);
  if (!instance) {
    instance = build(opts.secure);
    g.__cotAuth.set(key, instance);
    log('debug', 'auth instance created', { secure: opts.secure });
  }
  return instance;
}

export function isSecureRequest(req: Request): boolean {
  return new URL(req.url).protocol === 'https:';
}
