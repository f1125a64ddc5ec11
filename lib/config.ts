import path from 'node:path';
import { z } from 'zod';
import { parsePipelineSettings, type PipelineSettings } from './pipeline/settings';
import { answerThreshold } from './answers/answer-threshold';
import type { RlPoolSettings } from './dedup/settings';
import { parseBatchSettings } from './pipeline/batch/batch-settings';

// The one place environment variables are read. Every other module takes its settings from here.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // Where the embedded PostgreSQL keeps its data, exports are written, demo media lives.
  COT_DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Seconds after which a worker without a heartbeat is no longer counted as live.
  WORKER_STALE_SECONDS: z.coerce.number().int().min(5).default(30),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).default(5),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Signs session cookies. Unset: generated once into <data dir>/auth-secret (set it when web
  // processes run on more than one machine, so they all accept the same cookies).
  COT_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // The first admin, created at set-up when no admin exists (a password is generated and printed otherwise).
  COT_ADMIN_EMAIL: z.string().email().optional(),
  COT_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  // Extra origins allowed to send state-changing requests (e.g. a reverse proxy's public URL).
  COT_TRUSTED_ORIGINS: z.string().optional(),
  COT_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  // How often pg-boss hands expired jobs (e.g. of a killed worker) back to the queue.
  QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Security (README "Security"): the studio's public origin (Host header check), the proxies
  // whose X-Forwarded-For is believed, the body cap for requests without credentials, and
  // the largest import upload accepted.
  COT_ORIGIN: z.string().url().optional(),
  COT_TRUSTED_PROXIES: z.string().optional(),
  COT_ANONYMOUS_BODY_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024).default(8 * 1024),
  COT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(20 * 1024 ** 3),
  // How long an item served by a reviewer's "Next for me" queue stays claimed for them.
  COT_REVIEW_CLAIM_MINUTES: z.coerce.number().min(0.05).max(240).default(5),
  // Per-reviewer time: the active time recorded with one decision is capped at this (a tab left
  // open over lunch must not count), and time without input for longer than the idle window
  // stops counting.
  COT_REVIEW_TIME_CAP_SECONDS: z.coerce.number().int().min(10).max(7200).default(600),
  COT_REVIEW_IDLE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});

export type AppConfig = {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  port: number;
  workerStaleSeconds: number;
  workerHeartbeatSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  authSecret: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  trustedOrigins: string[];
  sessionDays: number;
  queueMaintenanceSeconds: number;
  /** The studio's public origin (COT_ORIGIN), e.g. https://studio.example.com; null: loopback only. */
  origin: string | null;
  /** COT_TRUSTED_PROXIES as written (lib/http/client-address.ts parses it). */
  trustedProxies: string;
  anonymousBodyBytes: number;
  uploadMaxBytes: number;
  /** Lease of a queue claim ("being reviewed by X"), in minutes. */
  reviewClaimMinutes: number;
  /** Active review time per decision: the cap and the idle window (seconds). */
  reviewTime: { capSeconds: number; idleSeconds: number };
  /** Model endpoints per stage (COT_<STAGE>_*), frame sampling and check settings. */
  pipeline: PipelineSettings;
  /** Duplicate/contamination scan and rollout/blind settings (COT_DEDUP_*, COT_ROLLOUT_*, COT_BLIND_*). */
  rlPool: RlPoolSettings;
};

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  const pipeline = parsePipelineSettings(env);
  // Batch API settings (COT_BATCH_*, COT_<STAGE>_BATCH_*) are read by lib/pipeline/batch/batch-settings.ts;
  // checked here too, so a bad value (e.g. url frames without COT_ORIGIN) stops the start.
  const batch = parseBatchSettings(env);
  if (!result.success || pipeline.problems.length > 0 || batch.problems.length > 0) {
    const problems = [...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...pipeline.problems, ...batch.problems].join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    // The data folder is chosen at run time; the ignore keeps Turbopack from tracing the whole project.
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.COT_DATA_DIR ?? path.join(process.cwd(), 'data')),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    port: e.PORT,
    workerStaleSeconds: e.WORKER_STALE_SECONDS,
    workerHeartbeatSeconds: e.WORKER_HEARTBEAT_SECONDS,
    logLevel: e.LOG_LEVEL,
    authSecret: e.COT_AUTH_SECRET,
    adminEmail: e.COT_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.COT_ADMIN_PASSWORD,
    trustedOrigins: (e.COT_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o.length > 0),
    sessionDays: e.COT_SESSION_DAYS,
    queueMaintenanceSeconds: e.QUEUE_MAINTENANCE_SECONDS,
    origin: e.COT_ORIGIN ? new URL(e.COT_ORIGIN).origin : null,
    trustedProxies: e.COT_TRUSTED_PROXIES ?? '',
    anonymousBodyBytes: e.COT_ANONYMOUS_BODY_BYTES,
    uploadMaxBytes: e.COT_UPLOAD_MAX_BYTES,
    reviewClaimMinutes: e.COT_REVIEW_CLAIM_MINUTES,
    reviewTime: { capSeconds: e.COT_REVIEW_TIME_CAP_SECONDS, idleSeconds: e.COT_REVIEW_IDLE_SECONDS },
    pipeline: pipeline.settings,
    rlPool: pipeline.settings.rlPool,
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (!cached) {
    cached = parseConfig(process.env);
    answerThreshold.openEndedMinScore = cached.pipeline.check.openEndedMinScore;
  }
  return cached;
}
