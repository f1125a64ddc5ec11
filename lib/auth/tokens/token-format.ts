import crypto from 'node:crypto';

// `cot_` + 256 random bits. The prefix makes a leaked token easy to recognise (and to grep
// for); only its SHA-256 is stored. A slow password hash buys nothing for random secrets of
// this size and would make every API request pay for it.
export const TOKEN_PREFIX = 'cot_';

export function newToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** What a list shows to tell tokens apart. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

export function looksLikeToken(s: string): boolean {
  return /^cot_[A-Za-z0-9_-]{43}$/.test(s);
}
