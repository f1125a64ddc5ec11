-- Password-guess throttling per address, per (account, address) pair and per account
-- (lib/auth/sign-in-throttle.ts). The old per-email / per-"X-Forwarded-For" counters are dropped:
-- their keys no longer exist and the windows are 15 minutes long.
DELETE FROM "auth_rate_limit";
ALTER TABLE "auth_rate_limit" ADD COLUMN "last_at" TIMESTAMPTZ(3);
