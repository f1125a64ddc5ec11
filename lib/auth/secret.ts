import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';

let cached: string | undefined;

/**
 * The key that signs session cookies: COT_AUTH_SECRET, else a random one kept in
 * <data dir>/auth-secret. Generated once and shared through the file, so the web processes of
 * one machine (and restarts) accept each other's cookies without any set-up.
 */
export function authSecret(): string {
  if (cached) return cached;
  const cfg = config();
  if (cfg.authSecret) return (cached = cfg.authSecret);
  const file = path.join(cfg.dataDir, 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
    if (cached.length >= 32) return cached;
  } catch {
    // not created yet
  }
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const fresh = crypto.randomBytes(32).toString('base64url');
  try {
    // 'wx' fails when another process won the race; then its secret is the one to use.
    fs.writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    cached = fresh;
  } catch {
    cached = fs.readFileSync(file, 'utf8').trim();
  }
  if (cached.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one.`);
  return cached;
}
