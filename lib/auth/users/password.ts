import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';

// The same scrypt hashing better-auth verifies at sign-in, so accounts made here sign in there.
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters');

export function hashUserPassword(password: string): Promise<string> {
  return hashPassword(passwordSchema.parse(password));
}

/** 24 characters from a 144-bit random value: for generated first-admin passwords. */
export function generatePassword(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}
